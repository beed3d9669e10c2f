import { describe, expect, it } from 'vitest';
import { binaryF1, f1Scores } from '../../../src/eval/metrics/f1.js';

describe('f1Scores', () => {
  it('excludes classes with neither support nor predictions, keeps predicted-only classes at 0', () => {
    const pairs = [
      { gold: 'a', predicted: 'a' },
      { gold: 'a', predicted: 'b' },
    ];
    const s = f1Scores(pairs, ['a', 'b', 'c']);
    expect(s.classes.map((c) => c.label)).toEqual(['a', 'b']);
    // a: P=1 R=1/2 F1=2/3; b: P=0 R=0 F1=0
    expect(s.macro).toBeCloseTo(1 / 3, 12);
    expect(s.weighted).toBeCloseTo(2 / 3, 12);
  });

  it('treats null and unknown predictions as misses without a false positive', () => {
    const s = f1Scores(
      [
        { gold: 'a', predicted: null },
        { gold: 'a', predicted: 'zzz' },
        { gold: 'a', predicted: 'a' },
      ],
      ['a'],
    );
    expect(s.classes).toEqual([
      {
        label: 'a',
        support: 3,
        predicted: 1,
        truePositives: 1,
        precision: 1,
        recall: 1 / 3,
        f1: 0.5,
      },
    ]);
  });

  it('sorts classes by name without a label list, and handles no pairs', () => {
    expect(f1Scores([{ gold: 'z', predicted: 'b' }]).classes.map((c) => c.label)).toEqual([
      'b',
      'z',
    ]);
    expect(f1Scores([])).toEqual({ classes: [], macro: null, weighted: null, total: 0 });
  });

  it('binary F1 is null only when the positive class is absent on both sides', () => {
    expect(binaryF1([{ gold: 'n', predicted: 'n' }], 'p')).toBeNull();
    expect(binaryF1([{ gold: 'n', predicted: 'p' }], 'p')).toBe(0);
    expect(binaryF1([{ gold: 'p', predicted: 'p' }], 'p')).toBe(1);
  });
});
