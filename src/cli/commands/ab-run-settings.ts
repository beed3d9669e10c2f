import type { Shard } from '../../agent/shard.js';
import { UsageError } from '../../errors.js';
import type { AbFlags } from './ab-run.js';

/**
 * --shard splits the list of pairs; --resume continues a paired run. Neither fits
 * --until-decided with shards (the sequential test must see every pair as it completes, in one
 * process) nor --from-human (no pairs).
 */
export function checkShardable(flags: AbFlags, shard: Shard | null): void {
  if (shard && flags.untilDecided) {
    throw new UsageError(
      '--until-decided cannot be combined with --shard: the sequential test stops on the pairs ' +
        'finished so far, which only one process sees. Run it unsharded, or drop --until-decided ' +
        'and give --sessions (or --max-pairs) for a fixed number of pairs.',
    );
  }
  if (flags.fromHuman && (shard || flags.resume)) {
    throw new UsageError(
      `--${shard ? 'shard' : 'resume'} applies to paired runs; --from-human continuations run ` +
        'in one process from the start: drop it.',
    );
  }
}

/** How the arms were given, as run.json records it (the bundled shop's port left out). */
export function armSettings(flags: AbFlags): Record<string, unknown> {
  return flags.arm.length
    ? { arm: flags.arm }
    : { site: flags.site, variants: flags.variants, variantBy: flags.variantBy };
}
