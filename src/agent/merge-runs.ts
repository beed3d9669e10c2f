import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { priceOf, type PriceTable } from '../cost/prices.js';
import { UsageError } from '../errors.js';
import { readJsonFile } from '../json-file.js';
import { parseTraceText } from '../traces/reader.js';
import { RunInfo } from '../traces/schema.js';
import { isFinished, traceNames } from './resume.js';
import { incompleteShardError, readShardSet } from './shard-set.js';
import { sessionSlots, slotSessionId } from './shard.js';
import { summarizeRun, type RunSummary, type SessionRecord } from './summary.js';
import { recordFromTrace } from './trace-record.js';
import { audienceWeights } from '../personas/audience.js';
import type { Persona } from '../persona.js';

/** Files of a shard's folder that the merge writes anew instead of copying. */
const REWRITTEN = new Set(['run.json', 'summary.json', 'index.html']);

/**
 * Joins the run folders of `simulate --shard 1/n ... n/n` into one run in `out`: checks that they
 * are the n shards of one run (same settings, each shard once, every session finished), copies
 * traces (their header's run_id set to the merged run's), screenshots and other files, and writes
 * run.json (shard removed) and the run's summary. summary.json and index.html are the caller's.
 */
export async function mergeRuns(
  dirs: readonly string[],
  out: string,
  prices: PriceTable,
): Promise<RunSummary> {
  const { shards, first } = await readShardSet(dirs, out, 'simulate');
  const sessions = Number(first.config.sessions);
  await mkdir(out, { recursive: true });
  const runId = path.basename(path.resolve(out));
  const price = priceOf(first.model ?? '', prices);
  const records: SessionRecord[] = [];
  const personas = new Map<string, Persona>();
  let durationMs = 0;
  let confirmed: number | null = 0;
  for (const [i, dir] of dirs.entries()) {
    const shard = shards[i]!;
    const expected = sessionSlots(first.personas, sessions, shard).map(slotSessionId);
    const shardSummary = readSummary(dir);
    durationMs = Math.max(durationMs, shardSummary?.durationMs ?? 0);
    const shardConfirmed = shardSummary?.confirmedOrders ?? null;
    confirmed = confirmed === null || shardConfirmed === null ? null : confirmed + shardConfirmed;
    const confirmedBy = new Map(shardSummary?.records.map((r) => [r.sessionId, r.orderConfirmed]));
    const found = new Set<string>();
    for (const name of await traceNames(dir)) {
      const text = await readFile(path.join(dir, name), 'utf8');
      const { trace } = parseTraceText(path.join(dir, name), text);
      if (!isFinished(trace)) {
        throw incompleteShardError(`${path.join(dir, name)} is unfinished`, dir, 'simulate');
      }
      const file = path.join(out, name);
      await writeNew(file, withRunId(text, runId));
      found.add(trace.header.session_id);
      if (trace.header.persona) personas.set(trace.header.persona.id, trace.header.persona);
      const record = recordFromTrace({ ...trace, file }, price);
      records.push({ ...record, orderConfirmed: confirmedBy.get(record.sessionId) ?? null });
    }
    const absent = expected.filter((id) => !found.has(id));
    if (absent.length) {
      const what = `shard ${dir} lacks session ${absent.slice(0, 3).join(', ')}`;
      throw incompleteShardError(what, dir, 'simulate');
    }
    await copyOthers(dir, out);
  }
  const info = RunInfo.parse({
    ...first,
    run_id: runId,
    created_at: new Date().toISOString(),
    config: { ...first.config, shard: null, out },
  });
  await writeFile(path.join(out, 'run.json'), JSON.stringify(info, null, 2) + '\n');
  const summary = summarizeRun(
    {
      runDir: out,
      model: first.model ?? '',
      site: first.site ?? '',
      variant: first.variant,
      durationMs,
    },
    records,
    audienceWeights([...personas.values()]),
  );
  summary.confirmedOrders = confirmed;
  return summary;
}

function readSummary(dir: string): RunSummary | null {
  try {
    return readJsonFile(path.join(dir, 'summary.json'), 'summary.json') as RunSummary;
  } catch {
    return null;
  }
}

/** The trace text with its header line's run_id set to `runId`; other lines byte for byte. */
function withRunId(text: string, runId: string): string {
  const cut = text.indexOf('\n');
  const header = JSON.parse(cut < 0 ? text : text.slice(0, cut)) as Record<string, unknown>;
  return JSON.stringify({ ...header, run_id: runId }) + (cut < 0 ? '' : text.slice(cut));
}

/** Writes a merged trace; a file already there means a session in more than one shard. */
export async function writeNew(file: string, text: string): Promise<void> {
  await writeFile(file, text, { flag: 'wx' }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new UsageError(
      `merge: ${file} already exists (is ${path.basename(file)} in more than one shard?); ` +
        'give each shard once and a new --out folder.',
    );
  });
}

/** Screenshots, Playwright traces and other files of a shard, never overwriting. */
export async function copyOthers(dir: string, out: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (REWRITTEN.has(entry.name) || entry.name.endsWith('.jsonl')) continue;
    await cp(path.join(dir, entry.name), path.join(out, entry.name), {
      recursive: true,
      force: false,
      errorOnExist: entry.isFile(),
    });
  }
}
