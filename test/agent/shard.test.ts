import { describe, expect, it } from 'vitest';
import { parseShard, sessionSlots, slotSessionId } from '../../src/agent/shard.js';
import { UsageError } from '../../src/errors.js';

describe('sessionSlots', () => {
  it('orders sessions by persona id then number, and deals them round robin to shards', () => {
    const all = sessionSlots(['b', 'a'], 2).map(slotSessionId);
    expect(all).toEqual(['a-1', 'a-2', 'b-1', 'b-2']);
    const one = sessionSlots(['b', 'a'], 2, { index: 1, count: 3 }).map(slotSessionId);
    const two = sessionSlots(['a', 'b'], 2, { index: 2, count: 3 }).map(slotSessionId);
    const three = sessionSlots(['b', 'a'], 2, { index: 3, count: 3 }).map(slotSessionId);
    expect(one).toEqual(['a-1', 'b-2']);
    expect(two).toEqual(['a-2']);
    expect(three).toEqual(['b-1']);
    expect([...one, ...two, ...three].sort()).toEqual(all);
  });
});

describe('parseShard', () => {
  it('reads i/n and refuses anything else with a usage error', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/2', '3/2', '1/0', 'a/b', '1']) {
      expect(() => parseShard(bad)).toThrow(UsageError);
    }
    expect(() => parseShard('3/2')).toThrow(/--shard 3\/2: give i\/n/);
  });
});
