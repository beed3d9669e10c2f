import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalResult } from '../../src/eval/eval-result.js';
import { PredictionRecord } from '../../src/eval/prediction-record.js';
import { FIXTURES, HUMAN, runCli, tempDir } from './cli-helpers.js';

const HAND = path.join(FIXTURES, 'predictions', 'hand.jsonl');

// Hand computation for predictions/hand.jsonl against the five human fixture sessions (18 steps);
// see the comments of each expectation. Correct: s1/0 (text trimmed, case-folded), s1/2, s1/4,
// s1/5, s2/2, s3/2 -> 6/18.
describe('shopsim eval --predictions on the hand-computed file', () => {
  it('reproduces accuracy, F1s, taxonomy, confusion and the file problems exactly', async () => {
    const out = await tempDir();
    const run = await runCli([
      'eval',
      '--human',
      HUMAN,
      '--predictions',
      HAND,
      '--out',
      out,
      '--json',
      '--resamples',
      '200',
    ]);
    // The unused lines are named on stderr: file, line, field.
    expect(run.stderr).toMatch(/4 of 20 lines of the predictions file were not used/);
    expect(run.stderr).toContain(`${HAND}: line 7: field "action.type"`);
    expect(run.stderr).toContain(`${HAND}: line 18: not valid JSON at column`);
    expect(run.stderr).toContain(`${HAND}: line 20: field "session_id"`);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as EvalResult;
    expect(JSON.parse(await readFile(path.join(out, 'eval.json'), 'utf8'))).toEqual(result);
    const m = result.metrics;

    expect([m.sessions, m.steps]).toEqual([5, 18]);
    expect(m.status).toEqual({ ok: 15, illegal: 1, missing: 2 });
    expect(m.accuracy.correct).toBe(6);
    expect(m.accuracy.value).toBeCloseTo(1 / 3, 12);
    // action types: type P=3/4 R=3/4 F1=3/4; click P=8/9 R=8/11 F1=4/5; terminate P=1/2 R=1/3 F1=2/5
    expect(m.actionTypeF1.macro).toBeCloseTo(0.65, 12);
    // click types: product_link 6/7 (s4), product_option 1 (s1), purchase 4/5 (s3), cart 1 (s1),
    // filter 0 (s1), review 0 (s1), search 0 (s0, predicted once): weighted = 274/385
    expect(m.clickTypeF1.weighted).toBeCloseTo(274 / 385, 12);
    expect(m.clickTypeF1.classes.find((c) => c.label === 'search')).toMatchObject({
      support: 0,
      predicted: 1,
    });
    // outcomes s1 (p,p) s2 (t,p: add_to_cart resolves to purchase) s3 (t,t) s4 (t,t) s5 (p,t)
    expect(m.outcome.binaryF1).toBeCloseTo(0.5, 12);
    expect(m.outcome.weightedF1).toBeCloseTo(0.6, 12);
    expect(m.taxonomy.counts).toEqual({
      didnt_terminate: 1,
      didnt_click: 2,
      didnt_search: 0,
      wrong_keyword: 1,
      wrong_field: 1,
      wrong_target: 4,
      illegal: 1,
      missing: 2,
    });
    expect(m.taxonomy.validErrors).toBe(9);
    expect(m.confusion).toEqual({
      click: { click: 8, type_and_submit: 1, terminate: 1, illegal: 0, missing: 1 },
      type_and_submit: { click: 0, type_and_submit: 3, terminate: 0, illegal: 0, missing: 1 },
      terminate: { click: 1, type_and_submit: 0, terminate: 1, illegal: 1, missing: 0 },
    });

    const issues = result.predictions.file_issues!;
    expect(issues.lines).toBe(20);
    expect(issues.malformed.map((i) => i.line)).toEqual([7, 18]);
    expect(issues.malformed[0]!.message).toMatch(/action/);
    expect(issues.duplicates.map((i) => i.line)).toEqual([19]);
    expect(issues.unmatched.map((i) => i.line)).toEqual([20]);

    // predictions.jsonl: one scored record per human step, in session order
    const lines = (await readFile(path.join(out, 'predictions.jsonl'), 'utf8')).trim().split('\n');
    const records = lines.map((l) => PredictionRecord.parse(JSON.parse(l)));
    expect(records).toHaveLength(18);
    expect(records.filter((r) => r.correct)).toHaveLength(6);
    const s2 = records.filter((r) => r.session_id === 'human-s2');
    expect(s2[0]).toMatchObject({ status: 'missing', error: 'no prediction in the file' });
    expect(s2[1]).toMatchObject({
      status: 'missing',
      error: expect.stringMatching(/^line 7 is malformed/),
    });
    expect(records.find((r) => r.session_id === 'human-s4' && r.step === 1)).toMatchObject({
      status: 'illegal',
      error_category: 'illegal',
      error: expect.stringMatching(/line 14: no element named "search_results.item_9.title_link"/),
    });
    expect(records[0]).toMatchObject({
      rationale: 'Searching first.',
      correct: true,
      error_category: null,
    });

    const md = await readFile(path.join(out, 'eval.md'), 'utf8');
    expect(md).toContain('| Next-action accuracy (exact match) | 33.33% |');
    expect(md).toContain('line 7:');
    expect(md).toContain('line 18: not valid JSON');
    expect(md).toContain('GPT-4.1');
  });

  it('rejects --model together with --predictions, and neither', async () => {
    const both = await runCli([
      'eval',
      '--human',
      HUMAN,
      '--predictions',
      HAND,
      '--model',
      'random',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either --model or --predictions, not both/);
    const neither = await runCli(['eval', '--human', HUMAN]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/give --model <spec>/);
  });

  it('names the file when the human traces are missing', async () => {
    const run = await runCli([
      'eval',
      '--human',
      '/nonexistent/human',
      '--predictions',
      HAND,
      '--out',
      await tempDir(),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\/nonexistent\/human: no such trace file or folder/);
  });
});
