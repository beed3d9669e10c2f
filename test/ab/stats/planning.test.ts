import { describe, expect, it } from 'vitest';
import {
  estimateDiscordance,
  minimumDetectableDifference,
  pairedPower,
  pairsNeeded,
  pairsNeededExact,
} from '../../../src/ab/stats/planning.js';
import { UsageError } from '../../../src/errors.js';

const close = (actual: number, expected: number, tol = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

const Z975 = 1.959963984540054;
const Z80 = 0.8416212335729143;

describe('pairsNeeded (Connor 1987)', () => {
  it('psi = 0.2, delta = 0.1, alpha 0.05, power 0.8: n = 154.598... -> 155 pairs', () => {
    // z_0.975 sqrt(0.2) = 1.959963984540054 * 0.447213595499958 = 0.876522540576582
    // z_0.8 sqrt(0.2 - 0.01) = 0.841621233572914 * 0.435889894354067 = 0.366854190588237
    // n = (0.876522540576582 + 0.366854190588237)^2 / 0.01 = 154.598569560211
    const expected = (Z975 * Math.sqrt(0.2) + Z80 * Math.sqrt(0.19)) ** 2 / 0.01;
    close(expected, 154.598569560211, 1e-14);
    close(pairsNeededExact(0.1, { discordance: 0.2 }), expected);
    expect(pairsNeeded(0.1, { discordance: 0.2 })).toBe(155);
    expect(pairsNeeded(-0.1, { discordance: 0.2 })).toBe(155);
  });

  it('at power 0.5 (z = 0) reduces to n = z^2 psi / delta^2', () => {
    // 1.959963984540054^2 * 0.25 / 0.01 = 3.841458820694124 * 25 = 96.036470517353 -> 97.
    close(pairsNeededExact(0.1, { discordance: 0.25, power: 0.5 }), 96.0364705173531);
    expect(pairsNeeded(0.1, { discordance: 0.25, power: 0.5 })).toBe(97);
  });

  it('asks for more pairs for a smaller difference, a stricter alpha or more power', () => {
    const base = pairsNeeded(0.05, { discordance: 0.2 });
    expect(pairsNeeded(0.03, { discordance: 0.2 })).toBeGreaterThan(base);
    expect(pairsNeeded(0.05, { discordance: 0.2, alpha: 0.01 })).toBeGreaterThan(base);
    expect(pairsNeeded(0.05, { discordance: 0.2, power: 0.9 })).toBeGreaterThan(base);
  });
});

describe('minimumDetectableDifference', () => {
  it('at power 0.5 is z sqrt(psi / n): psi = 0.25, n = 100 -> 1.959963984540054 * 0.05', () => {
    close(minimumDetectableDifference(100, { discordance: 0.25, power: 0.5 })!, 0.0979981992270027);
  });

  it('inverts pairsNeededExact', () => {
    for (const [delta, psi, power] of [
      [0.1, 0.2, 0.8],
      [0.02, 0.1, 0.9],
      [0.3, 0.35, 0.8],
      [0.05, 0.6, 0.95],
    ] as const) {
      const n = pairsNeededExact(delta, { discordance: psi, power });
      close(minimumDetectableDifference(n, { discordance: psi, power })!, delta);
    }
    // 153 pairs fall short of the 154.6 needed for 0.1, so they detect slightly more than 0.1.
    close(minimumDetectableDifference(153, { discordance: 0.2 })!, 0.100513021155128, 1e-13);
  });

  it('is null when no difference within the discordance is detectable', () => {
    expect(minimumDetectableDifference(3, { discordance: 0.2 })).toBeNull(); // n <= z^2
    // psi = 0.05 allows at most delta = 0.05, which needs more than 20 pairs.
    expect(pairsNeeded(0.05, { discordance: 0.05 })).toBeGreaterThan(20);
    expect(minimumDetectableDifference(20, { discordance: 0.05 })).toBeNull();
  });
});

describe('pairedPower', () => {
  it("is exactly the requested power at Connor's n, and at least it once rounded up", () => {
    const n = pairsNeededExact(0.1, { discordance: 0.2 });
    close(pairedPower(n, 0.1, { discordance: 0.2 }), 0.8);
    close(
      pairedPower(pairsNeededExact(0.04, { discordance: 0.3, power: 0.9 }), 0.04, {
        discordance: 0.3,
      }),
      0.9,
    );
    expect(pairedPower(155, 0.1, { discordance: 0.2 })).toBeGreaterThan(0.8);
    expect(pairedPower(154, 0.1, { discordance: 0.2 })).toBeLessThan(0.8);
  });

  it('is 0 or 1 when every pair favours one arm (psi = |delta| = 1)', () => {
    expect(pairedPower(10, 1, { discordance: 1 })).toBe(1);
    expect(pairedPower(3, 1, { discordance: 1 })).toBe(0);
  });
});

describe('arguments', () => {
  it('refuses impossible plans with a message that says what to use', () => {
    expect(() => pairsNeeded(0.3, { discordance: 0.2 })).toThrow(/at most the discordance rate/);
    expect(() => pairsNeeded(0, { discordance: 0.2 })).toThrow(UsageError);
    expect(() => pairsNeeded(0.1, { discordance: 0 })).toThrow(/pilot run/);
    expect(() => pairsNeeded(0.1, { discordance: 0.2, alpha: 1.2 })).toThrow(/alpha/);
    expect(() => pairsNeeded(0.1, { discordance: 0.2, power: 0.3 })).toThrow(/power/);
    expect(() => minimumDetectableDifference(-1, { discordance: 0.2 })).toThrow(UsageError);
  });
});

describe('estimateDiscordance', () => {
  it('is (b + c) / n, null without pairs', () => {
    expect(estimateDiscordance({ a: 3, b: 1, c: 4, d: 2 })).toBe(0.5);
    expect(estimateDiscordance({ a: 0, b: 0, c: 0, d: 0 })).toBeNull();
  });
});
