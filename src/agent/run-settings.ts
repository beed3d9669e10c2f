import { UsageError } from '../errors.js';
import type { RunInfo } from '../traces/schema.js';

/**
 * Settings that change how fast or where a run goes, never which sessions it holds or what they
 * do: they may differ between a run and its resumption, and between the shards of one run.
 */
const FREE_SETTINGS = new Set([
  'concurrency',
  'out',
  'headless',
  'browserPath',
  'threads',
  'pwTrace',
  'prices',
]);

/** A setting that differs between two runs: its run.json field and the two values. */
export interface SettingDifference {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The first run.json setting (kind, site, variant, model, seed, personas, or a `config` entry
 * other than the free ones) that differs between `before` and `after`; `ignore` lists config
 * keys not to compare (e.g. `shard` when merging). Personas are compared as sets.
 */
export function firstDifference(
  before: RunInfo,
  after: RunInfo,
  ignore: readonly string[] = [],
): SettingDifference | null {
  const top: (keyof RunInfo)[] = ['kind', 'site', 'variant', 'model', 'seed'];
  for (const field of top) {
    if (!same(before[field], after[field]))
      return { field, before: before[field], after: after[field] };
  }
  const sorted = (p: string[]) => [...p].sort();
  if (!same(sorted(before.personas), sorted(after.personas))) {
    return { field: 'personas', before: before.personas, after: after.personas };
  }
  const keys = new Set([...Object.keys(before.config), ...Object.keys(after.config)]);
  for (const key of [...keys].sort()) {
    if (FREE_SETTINGS.has(key) || ignore.includes(key)) continue;
    if (!same(before.config[key], after.config[key])) {
      return { field: `config.${key}`, before: before.config[key], after: after.config[key] };
    }
  }
  return null;
}

/** Refuses to resume the run in `dir` with other settings than it was started with. */
export function checkResumable(dir: string, existing: RunInfo, wanted: RunInfo): void {
  const diff = firstDifference(existing, wanted);
  if (!diff) return;
  throw new UsageError(
    `--resume: the run in ${dir} was started with ${diff.field} ${JSON.stringify(diff.before)}, ` +
      `this invocation has ${JSON.stringify(diff.after)}. Resume with the run's settings ` +
      `(see ${dir}/run.json), or start a new run with another --out.`,
  );
}
