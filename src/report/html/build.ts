import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AbResult } from './ab-report.js';
import { DEFAULT_PRICES, PriceTable } from '../../cost/prices.js';
import { UsageError } from '../../errors.js';
import type { CompareResult } from '../../eval/compare/compare.js';
import type { EvalResult } from '../../eval/eval-result.js';
import { PredictionRecord } from '../../eval/prediction-record.js';
import { readJsonFile } from '../../json-file.js';
import { listTraceFiles, readTraceFile, readTraces } from '../../traces/reader.js';
import { RunInfo, type Trace } from '../../traces/schema.js';
import { renderPage, type ReportTab } from './page.js';
import { ScreenshotSources } from './screenshots.js';

/** The result files a report can be made from, in the order a folder is searched for them. */
const RESULT_FILES = ['ab.json', 'eval.json', 'compare.json'] as const;

interface Built {
  title: string;
  subtitle: string;
  tabs: ReportTab[];
}

async function tracesUnder(target: string): Promise<Trace[]> {
  const files = existsSync(target) ? await listTraceFiles(target) : [];
  return Promise.all(files.map((f) => readTraceFile(f)));
}

async function readPredictions(file: string): Promise<PredictionRecord[]> {
  if (!existsSync(file)) return [];
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim());
  return lines.flatMap((line) => {
    try {
      const parsed = PredictionRecord.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

/** The run's own price table (run.json keeps the effective config), else the given one. */
function runPrices(info: RunInfo | null, fallback: PriceTable): PriceTable {
  const parsed = PriceTable.safeParse(info?.config.prices);
  return parsed.success ? parsed.data : fallback;
}

const isFolder = (target: string) => existsSync(target) && statSync(target).isDirectory();

function runInfoIn(dir: string): RunInfo | null {
  const file = path.join(dir, 'run.json');
  if (!existsSync(file)) return null;
  const parsed = RunInfo.safeParse(readJsonFile(file, 'run.json'));
  return parsed.success ? parsed.data : null;
}

async function buildFrom(resultFile: string, prices: PriceTable, out: string): Promise<Built> {
  const json = readJsonFile(resultFile, 'the result file') as { kind?: string };
  const dir = path.dirname(resultFile);
  if (json.kind === 'pairs' || json.kind === 'from-human') {
    const result = json as AbResult;
    const traces = await tracesUnder(dir);
    const { abReport } = await import('./ab-report.js');
    return abReport(result, traces, prices, new ScreenshotSources(traces, out));
  }
  if (json.kind === 'eval') {
    const result = json as EvalResult;
    const humans = await tracesUnder(result.settings.human);
    const predictions = await readPredictions(path.join(dir, 'predictions.jsonl'));
    const { evalReport } = await import('./eval-report.js');
    return evalReport(result, humans, predictions, prices, new ScreenshotSources(humans, out));
  }
  if (json.kind === 'compare') {
    const result = json as CompareResult;
    const [sim, humans] = await Promise.all([
      tracesUnder(result.simulated.path),
      tracesUnder(result.human.path),
    ]);
    const { compareReport } = await import('./compare-report.js');
    const simInfo = isFolder(result.simulated.path) ? runInfoIn(result.simulated.path) : null;
    return compareReport(
      result,
      sim,
      humans,
      runPrices(simInfo, prices),
      new ScreenshotSources([...sim, ...humans], out),
    );
  }
  throw new UsageError(
    `${resultFile} is not an ab, eval or compare result (its "kind" is ${JSON.stringify(json.kind ?? null)}); give a run folder or one of those files.`,
  );
}

/**
 * Builds the HTML report of a run folder (simulate, replay, record, import), a result folder or
 * file (ab.json, eval.json, compare.json), or a single trace file, as one self-contained page.
 */
export async function buildHtmlReport(
  target: string,
  out: string,
  prices: PriceTable = DEFAULT_PRICES,
): Promise<string> {
  if (!existsSync(target))
    throw new UsageError(
      `${target}: no such run folder or result file; give a folder written by simulate, ab, eval, compare or replay.`,
    );
  let built: Built;
  if (statSync(target).isDirectory()) {
    const result = RESULT_FILES.map((f) => path.join(target, f)).find((f) => existsSync(f));
    if (result) built = await buildFrom(result, prices, out);
    else {
      const info = runInfoIn(target);
      const traces = await readTraces(target);
      const { runReport } = await import('./run-report.js');
      built = await runReport(
        info,
        traces,
        runPrices(info, prices),
        new ScreenshotSources(traces, out),
      );
    }
  } else if (
    target.endsWith('.json') &&
    path.basename(target) !== 'run.json' &&
    path.basename(target) !== 'summary.json'
  ) {
    built = await buildFrom(target, prices, out);
  } else {
    const dir = target.endsWith('.json') ? path.dirname(target) : null;
    const info = dir ? runInfoIn(dir) : null;
    const traces = await readTraces(dir ?? target);
    const { runReport } = await import('./run-report.js');
    built = await runReport(
      info,
      traces,
      runPrices(info, prices),
      new ScreenshotSources(traces, out),
    );
  }
  return renderPage(built.title, built.subtitle, built.tabs);
}
