import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { assignSplit, DEFAULT_SPLIT, parseSplit, splitKey } from '../../src/export/sft-split.js';
import type { TraceHeader } from '../../src/traces/schema.js';

const keys = Array.from({ length: 5000 }, (_, i) => `user:u${i}`);

describe('user split', () => {
  it('follows the fractions over many users', () => {
    const counts = { train: 0, validation: 0, test: 0 };
    for (const k of keys) counts[assignSplit(k, 1, DEFAULT_SPLIT)]++;
    expect(counts.train / keys.length).toBeCloseTo(0.8, 1);
    expect(counts.validation / keys.length).toBeCloseTo(0.1, 1);
    expect(counts.test / keys.length).toBeCloseTo(0.1, 1);
  });

  it('is a function of (seed, user): stable for a seed, reshuffled by another', () => {
    const a = keys.map((k) => assignSplit(k, 42, DEFAULT_SPLIT));
    const b = keys.map((k) => assignSplit(k, 42, DEFAULT_SPLIT));
    const c = keys.map((k) => assignSplit(k, 43, DEFAULT_SPLIT));
    expect(a).toEqual(b);
    expect(a.filter((s, i) => s !== c[i]).length).toBeGreaterThan(500);
  });

  it('keys sessions by user id, else persona id, else session id', () => {
    const header = { session_id: 's1', user_id: null, persona: null } as unknown as TraceHeader;
    expect(splitKey(header)).toBe('session:s1');
    expect(splitKey({ ...header, persona: { id: 'maya' } } as TraceHeader)).toBe('persona:maya');
    expect(splitKey({ ...header, user_id: 'u7', persona: { id: 'maya' } } as TraceHeader)).toBe(
      'user:u7',
    );
  });

  it('reads --split', () => {
    expect(parseSplit('0.9, 0.05, 0.05')).toEqual({ train: 0.9, validation: 0.05, test: 0.05 });
    expect(parseSplit('1,0,0')).toEqual({ train: 1, validation: 0, test: 0 });
    expect(() => parseSplit('0.8,0.1')).toThrow(UsageError);
    expect(() => parseSplit('0.8,-0.1,0.3')).toThrow(/non-negative/);
    expect(() => parseSplit('0.8,x,0.1')).toThrow(/non-negative/);
    expect(() => parseSplit('0.7,0.1,0.1')).toThrow(/add up to 0.9/);
  });
});
