import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePairs } from '../../src/ab/analyze.js';
import type { PairJob } from '../../src/ab/pairs.js';
import { pairsMarkdown } from '../../src/ab/pairs-markdown.js';
import { unfinishedReason } from '../../src/ab/unfinished.js';
import type { Persona } from '../../src/persona.js';
import type { Outcome, Trace } from '../../src/traces/schema.js';
import { step, trace } from './synthetic.js';

const buying = (id: string, outcome: Outcome): Trace =>
  trace(id, [step(0, 'http://shop/search?q=x', 'click search_results.item_1.title_link')], outcome);

async function write(dir: string, t: Trace, cut = false): Promise<string> {
  const file = path.join(dir, t.file);
  const lines = [t.header, ...t.steps, ...(cut ? [] : [t.end])];
  await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}

const job = (pairId: string): PairJob => ({
  pairId,
  persona: { id: pairId.split('-')[0] } as Persona,
  index: 0,
  seed: 1,
  order: [0, 1],
});

describe('pairs with a session that did not finish', () => {
  it('an error, an interruption or a missing end line is unfinished; the rest are not', () => {
    expect(unfinishedReason(buying('a', 'error'))).toMatch(/error/);
    expect(unfinishedReason(buying('a', 'interrupted'))).toMatch(/interrupted/);
    expect(unfinishedReason({ ...buying('a', 'purchase'), end: null })).toMatch(/no end line/);
    for (const o of ['purchase', 'terminate', 'max_steps'] as const) {
      expect(unfinishedReason(buying('a', o))).toBeNull();
    }
  });

  it('are left out of the paired statistics and the funnel, and said so', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-ab-unfinished-'));
    const arm = async (name: string, outcomes: Outcome[], cut = -1) =>
      Promise.all(outcomes.map((o, i) => write(dir, buying(`${name}-${i}`, o), i === cut)));
    // pair 0 converts in both arms; pair 1 errors in the treatment (it would read as a loss);
    // pair 2 is cut off in the control; pair 3 converts only in the control
    const control = await arm('c', ['purchase', 'purchase', 'purchase', 'purchase'], 2);
    const treatment = await arm('t', ['purchase', 'error', 'purchase', 'terminate']);
    const finished = control.map((c, i) => ({
      job: job(`maya-${i}`),
      files: [c, treatment[i]!] as [string, string],
    }));
    const analysis = await analyzePairs(['a', 'b'], finished, null, 'converted');
    expect(analysis.stats.pairs).toBe(2);
    expect(analysis.funnel.map((f) => f.sessions)).toEqual([2, 2]);
    expect(analysis.unfinished).toEqual([
      expect.objectContaining({
        pairId: 'maya-1',
        arm: 'b',
        reason: expect.stringMatching(/error/),
      }),
      expect.objectContaining({
        pairId: 'maya-2',
        arm: 'a',
        reason: expect.stringMatching(/end line/),
      }),
    ]);
    const converted = analysis.stats.metrics.find((m) => m.metric === 'converted')!;
    expect(converted).toMatchObject({ pairs: 2, controlRate: 1, treatmentRate: 0.5 });
    expect(pairsMarkdown(analysis).join('\n')).toMatch(/2 pair\(s\) left out of every figure/);
  });

  it('a run where no pair finished is an error that says why', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-ab-unfinished-'));
    const files = [
      await write(dir, buying('c-0', 'error')),
      await write(dir, buying('t-0', 'purchase')),
    ] as [string, string];
    await expect(
      analyzePairs(['a', 'b'], [{ job: job('maya-0'), files }], null, 'converted'),
    ).rejects.toThrow(/no pair finished in both arms.*ended in an error/);
  });
});
