import { access, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { parseTraceText } from '../traces/reader.js';
import { sessionFileName } from '../traces/run.js';
import type { Trace } from '../traces/schema.js';

/**
 * A session of a run counts as finished when its trace has an end line whose outcome is not
 * `interrupted` (purchase, terminate, max_steps, and error too: a re-run with the same seed would
 * end the same way). `simulate --resume` keeps finished sessions byte for byte and runs every
 * other session of the run again from its first step.
 */
export function isFinished(trace: Trace | null): trace is Trace {
  return !!trace?.end && trace.end.outcome !== 'interrupted';
}

/** True when `dir` already holds a run (its run.json). */
export async function isRunFolder(dir: string): Promise<boolean> {
  return access(path.join(dir, 'run.json')).then(
    () => true,
    () => false,
  );
}

/** `--out` names an existing run: refused unless resuming, naming both ways out. */
export function existingRunError(dir: string): UsageError {
  return new UsageError(
    `--out ${dir} already holds a run (run.json). Continue it with \`--resume\` (same settings; ` +
      'finished sessions are kept), or choose a new --out folder (or remove this one).',
  );
}

/** The finished sessions of the run in `dir`, by session id. */
export async function finishedSessions(dir: string): Promise<Map<string, Trace>> {
  const finished = new Map<string, Trace>();
  for (const name of await traceNames(dir)) {
    const file = path.join(dir, name);
    const { trace } = parseTraceText(file, await readFile(file, 'utf8'));
    if (isFinished(trace)) finished.set(trace.header.session_id, trace);
  }
  return finished;
}

/**
 * Sets aside (see clearUnfinished) every session of `ids` in the run folder `dir` that `keep`
 * lacks, so it can run again from its first step.
 */
export async function clearAllBut(
  dir: string,
  ids: readonly string[],
  keep: { has(id: string): boolean },
): Promise<void> {
  for (const id of ids) {
    if (!keep.has(id)) await clearUnfinished(dir, sessionFileName(id), id);
  }
}

/**
 * Moves an unfinished session's partial trace aside (`_unfinished-<n>.<name>`, which trace
 * readers skip) and removes its screenshots, so the session can start again from scratch.
 */
export async function clearUnfinished(dir: string, fileName: string, sessionId: string) {
  const file = path.join(dir, fileName);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) {
    const taken = new Set(await readdir(dir));
    let n = 1;
    while (taken.has(`_unfinished-${n}.${fileName}`)) n++;
    await rename(file, path.join(dir, `_unfinished-${n}.${fileName}`));
  }
  await rm(path.join(dir, 'screenshots', sessionId), { recursive: true, force: true });
}

/** Session trace files directly in a run folder (not the `_`-prefixed ones set aside). */
export async function traceNames(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => n.endsWith('.jsonl') && !n.startsWith('_')).sort();
}
