import path from 'node:path';
import { ShopsimError, UsageError } from '../errors.js';
import { listTraceFiles, readTraceFile } from './reader.js';
import type { Trace } from './schema.js';

/**
 * Reading human sessions as the input of a derived output (synthesized rationales, fine-tuning
 * data): the trace files of the input, an output folder that is not inside it, and each session
 * read or skipped with the reason.
 */

/** The trace files under `human`; none is an error. */
export async function humanTraceFiles(human: string): Promise<string[]> {
  const files = await listTraceFiles(human);
  if (files.length === 0) {
    throw new ShopsimError(`${human} holds no trace files (*.jsonl); give human traces.`);
  }
  return files;
}

/** Refuses an output folder that is the input or lies inside it. */
export function checkOutsideInput(human: string, out: string): void {
  const rel = path.relative(path.resolve(human), path.resolve(out));
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new UsageError(`--out ${out} is inside the input ${human}; choose a folder outside it.`);
  }
}

/**
 * The human session in `file`, or null after noting why it is skipped in `skipped`: unreadable,
 * or not a human session (`onlyHuman` says what the command does with human ones).
 */
export async function readHumanTrace(
  file: string,
  skipped: { file: string; reason: string }[],
  onlyHuman: string,
): Promise<Trace | null> {
  let trace: Trace;
  try {
    trace = await readTraceFile(file);
  } catch (error) {
    if (!(error instanceof ShopsimError)) throw error;
    skipped.push({ file, reason: error.message });
    return null;
  }
  if (trace.header.source !== 'human') {
    skipped.push({ file, reason: `source is "${trace.header.source}"; ${onlyHuman}` });
    return null;
  }
  return trace;
}
