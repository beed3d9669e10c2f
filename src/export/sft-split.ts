import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';
import type { TraceHeader } from '../traces/schema.js';

export const SPLIT_NAMES = ['train', 'validation', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];
export type SplitFractions = Record<SplitName, number>;

export const DEFAULT_SPLIT: SplitFractions = { train: 0.8, validation: 0.1, test: 0.1 };

/** Reads "0.8,0.1,0.1" (train, validation, test; non-negative, summing to 1). */
export function parseSplit(text: string): SplitFractions {
  const parts = text.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  if (parts.length !== 3 || values.some((v, i) => parts[i] === '' || !(v >= 0))) {
    throw new UsageError(
      `--split ${text}: give three non-negative fractions train,validation,test, e.g. 0.8,0.1,0.1.`,
    );
  }
  const sum = values[0]! + values[1]! + values[2]!;
  if (Math.abs(sum - 1) > 1e-6) {
    throw new UsageError(
      `--split ${text}: the fractions add up to ${Number(sum.toFixed(6))}; they must add up to 1.`,
    );
  }
  return { train: values[0]!, validation: values[1]!, test: values[2]! };
}

/**
 * Who a session belongs to, for the split: the user id, else the persona id, else the session
 * (a session with neither cannot be tied to anyone else's).
 */
export function splitKey(header: TraceHeader): string {
  if (header.user_id) return `user:${header.user_id}`;
  if (header.persona) return `persona:${header.persona.id}`;
  return `session:${header.session_id}`;
}

/** A uniform number in [0, 1) from the seed and the key (SHA-256, first 48 bits). */
export function unitHash(seed: number, key: string): number {
  const digest = createHash('sha256').update(`${seed}\u0000${key}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * The split of a key: deterministic for a seed, the same for every session of the same user,
 * so no user spans two splits. With few users the shares are only roughly the fractions.
 */
export function assignSplit(key: string, seed: number, fractions: SplitFractions): SplitName {
  const u = unitHash(seed, key);
  if (u < fractions.train) return 'train';
  if (u < fractions.train + fractions.validation) return 'validation';
  return fractions.test > 0 ? 'test' : fractions.validation > 0 ? 'validation' : 'train';
}
