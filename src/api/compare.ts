import path from 'node:path';
import { comparePopulations, type CompareResult } from '../eval/compare/compare.js';
import { renderCompareReport } from '../eval/compare/compare-report.js';
import { writeReport } from '../report/write.js';
import { readTraces } from '../traces/reader.js';
import type { Trace } from '../traces/schema.js';

export interface CompareOptions {
  /** Simulated sessions: a run folder, trace file or folder of runs, or traces already read. */
  simulated: string | readonly Trace[];
  /** Human sessions, the same way. */
  human: string | readonly Trace[];
  /** When given, compare.json and compare.md are written there. */
  out?: string;
}

const population = async (what: string | readonly Trace[], label: string) =>
  typeof what === 'string'
    ? { path: path.resolve(what), traces: await readTraces(what) }
    : { path: label, traces: what };

/** Compares simulated with human sessions as populations, like `shopsim compare`. */
export async function compare(options: CompareOptions): Promise<CompareResult> {
  const [sim, human] = await Promise.all([
    population(options.simulated, '(simulated traces)'),
    population(options.human, '(human traces)'),
  ]);
  const result = comparePopulations(sim, human, options.out ?? '');
  if (options.out) {
    await writeReport(options.out, 'compare', {
      json: result,
      markdown: renderCompareReport(result),
    });
  }
  return result;
}
