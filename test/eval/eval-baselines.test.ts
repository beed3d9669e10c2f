import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalResult } from '../../src/eval/eval-result.js';
import { PredictionRecord } from '../../src/eval/prediction-record.js';
import { HUMAN, runCli, tempDir } from './cli-helpers.js';

async function evalModel(model: string, out: string): Promise<EvalResult> {
  const run = await runCli([
    'eval',
    '--human',
    HUMAN,
    '--model',
    model,
    '--seed',
    '3',
    '--concurrency',
    '2',
    '--out',
    out,
    '--json',
    '--resamples',
    '200',
  ]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as EvalResult;
}

describe('random and heuristic baselines on the human fixture set', () => {
  it('predict every step legally, deterministically, and the heuristic beats chance', async () => {
    const dir = await tempDir();
    const results: Record<string, EvalResult> = {};
    for (const model of ['random', 'heuristic']) {
      const out = path.join(dir, model);
      const result = await evalModel(model, out);
      results[model] = result;
      expect(result.metrics.steps).toBe(18);
      expect(result.metrics.status).toEqual({ ok: 18, illegal: 0, missing: 0 });
      expect(result.predictions.made_now).toBe(18);

      // the report agrees with the per-step records it wrote
      const text = await readFile(path.join(out, 'predictions.jsonl'), 'utf8');
      const records = text
        .trim()
        .split('\n')
        .map((l) => PredictionRecord.parse(JSON.parse(l)));
      expect(records.filter((r) => r.correct).length).toBe(result.metrics.accuracy.correct);
      expect(records.every((r) => r.raw !== null && r.usage !== null)).toBe(true);

      // the same seed gives the same predictions
      const again = await evalModel(model, path.join(dir, `${model}-again`));
      expect(again.metrics.accuracy).toEqual(result.metrics.accuracy);
      expect(again.metrics.taxonomy).toEqual(result.metrics.taxonomy);

      // predictions.jsonl doubles as a --predictions file: rescoring gives the same numbers
      const rescored = await runCli([
        'eval',
        '--human',
        HUMAN,
        '--predictions',
        path.join(out, 'predictions.jsonl'),
        '--seed',
        '3',
        '--out',
        path.join(dir, `${model}-rescored`),
        '--json',
        '--resamples',
        '200',
      ]);
      const r = (JSON.parse(rescored.stdout) as EvalResult).metrics;
      expect(r.accuracy).toEqual(result.metrics.accuracy);
      expect(r.actionTypeF1.macro).toBe(result.metrics.actionTypeF1.macro);
      expect(r.clickTypeF1.weighted).toBe(result.metrics.clickTypeF1.weighted);
      expect(r.outcome).toEqual(result.metrics.outcome);
    }
    expect(results.heuristic!.metrics.accuracy.value!).toBeGreaterThan(
      results.random!.metrics.accuracy.value!,
    );
  });
});
