import { describe, expect, it } from 'vitest';
import { KNOWN_EFFECTS } from '../../../src/ab/suite/known-effects.js';
import { judge } from '../../../src/ab/suite/verdict.js';
import { summarizePairs, type PairRecord } from '../../../src/ab/stats/index.js';

const effect = KNOWN_EFFECTS.find((e) => e.arm === 'buy-below')!;
const MCNEMAR = { sequential: false };
const aa = KNOWN_EFFECTS.find((e) => e.expect === 'none')!;

/** `same` concordant converting pairs, `b` where only control converted, `c` only treatment. */
function pairs(same: number, b: number, c: number): PairRecord[] {
  const rows: [boolean, boolean][] = [
    ...Array.from({ length: same }, () => [true, true] as [boolean, boolean]),
    ...Array.from({ length: b }, () => [true, false] as [boolean, boolean]),
    ...Array.from({ length: c }, () => [false, true] as [boolean, boolean]),
  ];
  return rows.map(([control, treatment], i) => ({
    pairId: `p${i}`,
    persona: 'dana',
    control: { converted: control },
    treatment: { converted: treatment },
  }));
}

describe('known-effect verdicts', () => {
  it('finds a drop when McNemar is significant in the expected direction', () => {
    // b = 7, c = 0: exact two-sided p = 2 / 2^7 = 0.015625
    const v = judge(effect, summarizePairs(pairs(20, 7, 0)), MCNEMAR);
    expect(v.pValue).toBeCloseTo(0.015625, 10);
    expect(v).toMatchObject({ significant: true, found: true, pairs: 27 });
    expect(v.difference).toBeCloseTo(-7 / 27, 10);
  });

  it('does not count a significant rise as finding a drop, nor a weak drop', () => {
    expect(judge(effect, summarizePairs(pairs(20, 0, 7)), MCNEMAR)).toMatchObject({
      significant: true,
      found: false,
      note: expect.stringMatching(/wrong direction/),
    });
    // b = 5, c = 0: p = 2 / 32 = 0.0625, not under 0.05
    expect(judge(effect, summarizePairs(pairs(20, 5, 0)), MCNEMAR)).toMatchObject({
      significant: false,
      found: false,
    });
  });

  it('uses the sequential decision when the run stopped on it', () => {
    // b = 7, c = 0 with a Beta(1,1) mixture: log BF = log(1/8) + 7 log 2 = log 16 < log 20
    const stats = summarizePairs(pairs(20, 7, 0));
    expect(judge(effect, stats, { sequential: true })).toMatchObject({ significant: false });
    const more = summarizePairs(pairs(20, 9, 0)); // BF = 2^9 / 10 = 51.2 >= 20
    expect(judge(effect, more, { sequential: true })).toMatchObject({
      significant: true,
      found: true,
      sequential: { decided: true },
    });
  });

  it('holds A/A when nothing is significant and flags a false positive otherwise', () => {
    expect(judge(aa, summarizePairs(pairs(30, 0, 0)), MCNEMAR)).toMatchObject({ found: true });
    expect(judge(aa, summarizePairs(pairs(20, 7, 0)), MCNEMAR)).toMatchObject({
      found: false,
      note: expect.stringMatching(/false positive/),
    });
  });
});
