import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copyOthers, writeNew } from '../agent/merge-runs.js';
import { finishedSessions } from '../agent/resume.js';
import { incompleteShardError, readShardSet } from '../agent/shard-set.js';
import { shardSlice } from '../agent/shard.js';
import { UsageError } from '../errors.js';
import type { Persona } from '../persona.js';
import { audienceWeights } from '../personas/audience.js';
import { readRunInfo, sessionFileName } from '../traces/run.js';
import { RunInfo } from '../traces/schema.js';
import type { FinishedPair } from './kept-pairs.js';
import { joinOrderLogs, readOrderLog, writeOrderLog } from './order-log.js';
import { planPairs } from './pairs.js';
import { reportPairs, type PairsResult } from './pairs-report.js';

/**
 * Joins the run folders of `ab --shard 1/n ... n/n` into one paired run in `out`: checks that they
 * are the n shards of one run and that every pair of each shard finished in both arms, copies
 * each arm's traces byte for byte (and screenshots, Playwright traces), joins the saved order
 * totals, writes run.json (shard removed) for the run and each arm, and analyses all pairs in plan
 * order, as the unsharded run does: ab.json and ab.md (index.html is the caller's).
 */
export async function mergePairRuns(dirs: readonly string[], out: string): Promise<PairsResult> {
  const { shards, first } = await readShardSet(dirs, out, 'ab');
  const arms = first.config.arms;
  if (!Array.isArray(arms) || arms.length !== 2 || !arms.every((a) => typeof a === 'string')) {
    throw new UsageError(
      `merge: ${dirs[0]}/run.json names no two arms (config.arms); it was written by an older ` +
        'shopsim: run the shards again with this one.',
    );
  }
  const names = arms as [string, string];
  const { sessions, maxPairs, primary } = first.config;
  const planned = planPairs(
    first.seed ?? 0,
    first.personas.map((id) => ({ id })),
    Number(sessions),
    typeof maxPairs === 'number' ? maxPairs : Infinity,
  );
  await mkdir(out, { recursive: true });
  const personas = new Map<string, Persona>();
  for (const [i, dir] of dirs.entries()) {
    const expected = shardSlice(planned, shards[i]!).map((p) => p.pairId);
    for (const arm of names) {
      const finished = await finishedSessions(path.join(dir, arm));
      const absent = expected.filter((id) => !finished.has(id));
      if (absent.length) {
        const what = `shard ${dir} has no finished session ${absent.slice(0, 3).join(', ')} in arm ${arm}`;
        throw incompleteShardError(what, dir, 'ab');
      }
      await mkdir(path.join(out, arm), { recursive: true });
      for (const id of expected) {
        const name = sessionFileName(id);
        const text = await readFile(path.join(dir, arm, name), 'utf8');
        await writeNew(path.join(out, arm, name), text);
        const persona = finished.get(id)!.header.persona;
        if (persona) personas.set(persona.id, persona);
      }
      await copyOthers(path.join(dir, arm), path.join(out, arm));
    }
  }
  const orders = joinOrderLogs(dirs.map((dir) => readOrderLog(dir)));
  await writeOrderLog(out, orders);
  const armUrls: Record<string, string> = {};
  for (const arm of names) {
    const info = await readRunInfo(path.join(dirs[0]!, arm));
    armUrls[arm] = String(info.config.startUrl ?? '');
    await writeRunJson(path.join(out, arm), info);
  }
  await writeRunJson(out, { ...first, config: { ...first.config, out } });
  const finished: FinishedPair[] = planned.map((job) => ({
    job: { ...job, persona: personas.get(job.persona.id)! },
    files: [
      path.join(out, names[0], sessionFileName(job.pairId)),
      path.join(out, names[1], sessionFileName(job.pairId)),
    ],
  }));
  return reportPairs({
    runDir: out,
    model: first.model ?? '',
    seed: first.seed ?? 0,
    site: first.site ?? '',
    armUrls,
    arms: names,
    finished,
    plannedPairs: planned.length,
    decidedAt: null,
    orders,
    primary: String(primary ?? 'converted'),
    weights: audienceWeights([...personas.values()]),
    cache: null,
  });
}

/** run.json of the merged run (or one of its arms): the shard's, with its own id and no shard. */
async function writeRunJson(dir: string, info: RunInfo): Promise<void> {
  const merged = RunInfo.parse({
    ...info,
    run_id: path.basename(path.resolve(dir)),
    created_at: new Date().toISOString(),
    config: { ...info.config, shard: null },
  });
  await writeFile(path.join(dir, 'run.json'), JSON.stringify(merged, null, 2) + '\n');
}
