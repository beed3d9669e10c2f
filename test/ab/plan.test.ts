import { describe, expect, it } from 'vitest';
import { planAnswer } from '../../src/ab/plan.js';
import { planPairs } from '../../src/ab/pairs.js';
import { sessionSeed } from '../../src/agent/seed.js';
import { minimumDetectableDifference, pairsNeeded } from '../../src/ab/stats/index.js';
import type { Persona } from '../../src/persona.js';
import { runCli } from '../support/cli.js';

describe('shopsim ab --plan', () => {
  it('prints the smallest detectable difference for N pairs without running anything', async () => {
    const { code, stdout } = await runCli([
      'ab',
      '--plan',
      '--pairs',
      '200',
      '--discordance',
      '0.3',
    ]);
    expect(code).toBe(0);
    const mdd = minimumDetectableDifference(200, { discordance: 0.3 })!;
    expect(stdout).toContain(
      `With 200 pairs the smallest detectable conversion difference is ${(mdd * 100).toFixed(1)}%`,
    );
    expect(stdout).toContain('30.0% of pairs disagree');
  });

  it('prints the pairs needed for a difference, as JSON too', async () => {
    const { stdout } = await runCli(['ab', '--plan', '--delta', '0.05', '--json']);
    const answer = JSON.parse(stdout) as { pairsNeeded: number; discordance: number };
    expect(answer.discordance).toBe(0.2);
    expect(answer.pairsNeeded).toBe(pairsNeeded(0.05, { discordance: 0.2 }));
  });

  it('says when too few pairs can detect nothing, and asks for --pairs or --delta', async () => {
    expect(
      planAnswer({ pairs: 3, delta: null, discordance: 0.2, alpha: 0.05, power: 0.8 }).text,
    ).toMatch(/too few/);
    const { code, stderr } = await runCli(['ab', '--plan']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--pairs N or --delta D/);
  });
});

describe('pairs', () => {
  it('gives both arms of a pair the session seed and a reproducible arm order', () => {
    const personas = [{ id: 'x' }, { id: 'y' }] as Persona[];
    const pairs = planPairs(5, personas, 20);
    expect(pairs.map((p) => p.pairId).slice(0, 3)).toEqual(['x-1', 'y-1', 'x-2']);
    expect(pairs[2]!.seed).toBe(sessionSeed(5, 'x', 1));
    expect(planPairs(5, personas, 20)).toEqual(pairs);
    const firsts = pairs.map((p) => p.order[0]);
    expect(firsts).toContain(0);
    expect(firsts).toContain(1);
    expect(planPairs(5, personas, 20, 3)).toHaveLength(3);
  });
});
