import { UsageError } from '../errors.js';

/** One slice of a run's sessions: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** One session of a run: a persona and its 0-based session number. */
export interface SessionSlot {
  personaId: string;
  index: number;
}

/** Shards one run may be split into. */
const MAX_SHARDS = 1000;

/** Reads `--shard i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new UsageError(
      `--shard ${text}: give i/n with 1 <= i <= n <= ${MAX_SHARDS}, e.g. --shard 1/2 on one ` +
        'machine and --shard 2/2 on another; join them with `shopsim merge`.',
    );
  }
  return { index, count };
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * The sessions of a run, in the one order every shard agrees on: sorted by persona id, then
 * session number. Shard i of n takes every n-th session of this list starting at the i-th
 * (round robin), so shards get equal shares (±1) and every persona is spread over the shards.
 * A session's id and seed depend only on (run seed, persona, session number), never on the
 * shard, so the union of the shards is exactly the unsharded run.
 */
export function sessionSlots(
  personaIds: readonly string[],
  sessionsPerPersona: number,
  shard: Shard | null = null,
): SessionSlot[] {
  const all = [...personaIds]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap((personaId) =>
      Array.from({ length: sessionsPerPersona }, (_, index) => ({ personaId, index })),
    );
  return shardSlice(all, shard);
}

/**
 * Shard i of n of a list every shard orders the same way: its i-th, (i+n)-th, (i+2n)-th ... item
 * (round robin, so shards get equal shares ±1); the whole list without a shard. `simulate` slices
 * its sessions, `ab` its pairs (both arms of a pair always land in the same shard).
 */
export function shardSlice<T>(items: readonly T[], shard: Shard | null): T[] {
  return shard
    ? items.filter((_, position) => position % shard.count === shard.index - 1)
    : [...items];
}

/** The session id of a slot, as written into its trace header and file name. */
export function slotSessionId(slot: SessionSlot): string {
  return `${slot.personaId}-${slot.index + 1}`;
}
