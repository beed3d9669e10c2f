import { UsageError } from '../errors.js';
import { readRunInfo } from '../traces/run.js';
import type { RunInfo } from '../traces/schema.js';
import { isRunFolder } from './resume.js';
import { firstDifference } from './run-settings.js';
import { parseShard, type Shard } from './shard.js';

/** The run folders of all n shards of one run, checked, in the order given. */
export interface ShardSet {
  dirs: readonly string[];
  infos: RunInfo[];
  shards: Shard[];
  /** The first folder's run.json: the settings every shard shares. */
  first: RunInfo;
}

/** The kind of run in a folder given to `shopsim merge` (its run.json). */
export async function shardKind(dir: string): Promise<RunInfo['kind']> {
  if (!(await isRunFolder(dir))) {
    throw new UsageError(`merge: ${dir} holds no run.json; give the run folders of the shards.`);
  }
  return (await readRunInfo(dir)).kind;
}

/**
 * Reads and checks the folders `shopsim merge` joins: `kind` runs (simulate or ab) with the same
 * settings but their shard, each shard i/n of one n exactly once, none missing; `out` must not
 * hold a run yet. Every message says which folder and what to do.
 */
export async function readShardSet(
  dirs: readonly string[],
  out: string,
  kind: 'simulate' | 'ab',
): Promise<ShardSet> {
  if (dirs.length === 0) throw new UsageError("merge: give the shards' run folders to join.");
  if (await isRunFolder(out)) {
    throw new UsageError(
      `merge: --out ${out} already holds a run (run.json); choose a new folder.`,
    );
  }
  const infos: RunInfo[] = [];
  for (const dir of dirs) {
    const found = await shardKind(dir);
    if (found !== kind) {
      throw new UsageError(
        `merge: ${dir} is a ${found} run and ${dirs[0]} a ${kind} run; give the shards of one run.`,
      );
    }
    infos.push(await readRunInfo(dir));
  }
  const first = infos[0]!;
  const shards = infos.map((info, i) => shardOf(dirs[i]!, info, kind));
  const count = shards[0]!.count;
  const seen = new Map<number, string>();
  infos.forEach((info, i) => {
    const diff = firstDifference(first, info, ['shard']);
    if (diff) {
      throw new UsageError(
        `merge: ${dirs[i]} is not a shard of the same run as ${dirs[0]}: ${diff.field} is ` +
          `${JSON.stringify(diff.after)} there, ${JSON.stringify(diff.before)} in ${dirs[0]}.`,
      );
    }
    const shard = shards[i]!;
    if (shard.count !== count || seen.has(shard.index)) {
      throw new UsageError(
        `merge: ${dirs[i]} is shard ${shard.index}/${shard.count}, which does not fit ` +
          `${seen.get(shard.index) ?? dirs[0]}; give each shard i/${count} of one run once.`,
      );
    }
    seen.set(shard.index, dirs[i]!);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) {
    throw new UsageError(
      `merge: shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing; run ` +
        `\`shopsim ${kind} --shard i/n\` with the same settings for it and give its folder too.`,
    );
  }
  return { dirs, infos, shards, first };
}

function shardOf(dir: string, info: RunInfo, kind: string): Shard {
  const shard = info.config.shard;
  if (typeof shard !== 'string') {
    throw new UsageError(
      `merge: ${dir} is not a shard (its run.json has no config.shard); give folders of ` +
        `\`shopsim ${kind} --shard i/n\` runs.`,
    );
  }
  return parseShard(shard);
}

/** An unfinished or missing session in a shard: complete the shard with --resume first. */
export function incompleteShardError(what: string, dir: string, kind: string): UsageError {
  return new UsageError(
    `merge: ${what}; complete shard ${dir} with \`shopsim ${kind} --resume --out ${dir}\` and ` +
      'its settings first.',
  );
}
