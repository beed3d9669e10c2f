import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalResult } from '../../src/eval/eval-result.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { PredictionRecord } from '../../src/eval/prediction-record.js';
import { ScriptedModel } from '../../src/models/scripted.js';
import { HUMAN, runCli, tempDir } from './cli-helpers.js';
import { responses, scriptedEval } from './scripted-answers.js';

async function scriptFile(
  dir: string,
  filter?: (s: string, i: number) => boolean,
): Promise<string> {
  const file = path.join(dir, `script-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(responses(filter)));
  return file;
}

/** `shopsim eval` of the human fixture set answered by a script file, two attempts per step. */
function scriptedArgs(script: string): string[] {
  return ['eval', '--human', HUMAN, '--model', `scripted:${script}`, '--max-attempts', '2'];
}

async function readRecords(out: string): Promise<PredictionRecord[]> {
  const text = await readFile(path.join(out, 'predictions.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => PredictionRecord.parse(JSON.parse(l)));
}

describe('shopsim eval --model scripted:<file>', () => {
  it('scores the scripted answers exactly, with retries and an illegal answer recorded', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const script = await scriptFile(dir);
    const run = await runCli([
      ...scriptedArgs(script),
      '--concurrency',
      '1',
      '--out',
      out,
      '--json',
      '--resamples',
      '100',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as EvalResult;
    const m = result.metrics;
    expect(m.accuracy.correct).toBe(12);
    expect(m.status).toEqual({ ok: 17, illegal: 1, missing: 0 });
    expect(m.outcome.binaryF1).toBeCloseTo(0.5, 12);
    expect(m.outcome.weightedF1).toBeCloseTo(0.6, 12);
    expect(m.taxonomy.counts).toMatchObject({
      wrong_target: 2,
      wrong_keyword: 1,
      didnt_click: 1,
      didnt_terminate: 1,
      illegal: 1,
      didnt_search: 0,
      wrong_field: 0,
    });
    expect(result.predictions).toMatchObject({ made_now: 18, resumed: 0 });
    expect(result.predictions.usage).toMatchObject({ calls: 20, retried_steps: 2 });
    expect(run.stderr).toMatch(/eval \[#+\] 18\/18 steps/);

    const records = await readRecords(out);
    expect(records).toHaveLength(18);
    const illegal = records.find((r) => r.status === 'illegal')!;
    expect(illegal).toMatchObject({
      session_id: 'human-s2',
      step: 1,
      action: { type: 'click', name: 'also.nowhere' },
      correct: false,
    });
    expect(illegal.raw).toContain('also.nowhere');
    expect(illegal.error).toMatch(/no valid action in 2 attempt/);
    const retried = records.find((r) => r.session_id === 'human-s1' && r.step === 1)!;
    expect(retried).toMatchObject({ status: 'ok', correct: true, usage: { attempts: 2 } });
    expect(records.find((r) => r.session_id === 'human-s4' && r.step === 1)).toMatchObject({
      predicted_click_type: 'purchase',
      error_category: 'didnt_terminate',
    });
  });
});

describe('evaluate() requests', () => {
  it('gives the model the persona, the human history with rationales and the human page', async () => {
    const model = new ScriptedModel(responses());
    const out = path.join(await tempDir(), 'out');
    await evaluate(scriptedEval(out, model));
    expect(model.remaining).toBe(0);
    const third = model.requests[3]!; // s1 step 2 (step 1 took two calls)
    expect(third.persona?.id).toBe('runner');
    expect(third.history.map((h) => h.action)).toEqual([
      { type: 'type_and_submit', name: 'nav_bar.search_input', text: 'trail running shoes' },
      { type: 'click', name: 'search_results.item_2.title_link' },
    ]);
    expect(third.history[0]!.rationale).toBe('I want trail shoes, so I search for them.');
    expect(third.observation.url).toBe('http://127.0.0.1:4173/products/northwind-trail-pro');
    expect(third.historyPages).toBe(1);
    // the retry of s1 step 1 carried feedback about the unreadable answer
    expect(model.requests[2]!.feedback).toHaveLength(1);
  });
});

describe('resuming an interrupted evaluation', () => {
  it('after a backend failure, a rerun asks the model only for the missing steps', async () => {
    const out = path.join(await tempDir(), 'out');
    const firstFive = (s: string, i: number) => s === 'human-s1' && i < 5;
    // the script runs out after s1 step 4: a backend failure that stops the run
    const first = new ScriptedModel(responses(firstFive));
    await expect(evaluate(scriptedEval(out, first))).rejects.toThrow(/script ran out/);
    expect(await readRecords(out)).toHaveLength(5);

    const second = new ScriptedModel(responses((s, i) => !firstFive(s, i)));
    const result = await evaluate(scriptedEval(out, second));
    expect(second.requests).toHaveLength(14); // 13 steps, s2/1 took two attempts
    expect(second.requests[0]!.observation.url).toBe('http://127.0.0.1:4173/checkout');
    expect(second.requests[0]!.history).toHaveLength(5);
    expect(result.predictions).toMatchObject({ made_now: 13, resumed: 5 });
    expect(result.metrics.accuracy.correct).toBe(12);
    expect(await readRecords(out)).toHaveLength(18);

    // a third run has nothing left to ask
    const third = new ScriptedModel([]);
    const again = await evaluate(scriptedEval(out, third));
    expect(third.requests).toHaveLength(0);
    expect(again.metrics.accuracy.correct).toBe(12);
  });

  it('CLI: resumes from a partial predictions.jsonl with a cut-off last line, asking only for missing steps', async () => {
    const dir = await tempDir();
    const full = path.join(dir, 'full');
    const script = path.join(dir, 'script.json');
    await writeFile(script, JSON.stringify(responses()));
    const args = [...scriptedArgs(script), '--concurrency', '1', '--resamples', '0'];
    expect((await runCli([...args, '--out', full])).code).toBe(0);
    const lines = (await readFile(path.join(full, 'predictions.jsonl'), 'utf8')).trim().split('\n');

    // an interrupted run: 9 complete lines, the 10th cut off by a kill
    const partial = path.join(dir, 'partial');
    await mkdir(partial);
    await copyFile(path.join(full, 'eval-settings.json'), path.join(partial, 'eval-settings.json'));
    const done = lines.slice(0, 9);
    await writeFile(
      path.join(partial, 'predictions.jsonl'),
      done.join('\n') + '\n' + lines[9]!.slice(0, 40),
    );
    // the same script file now holds answers for the missing steps only: any re-asked step
    // would misalign it (and run it out)
    const doneKeys = new Set(
      done
        .map((l) => PredictionRecord.parse(JSON.parse(l)))
        .map((r) => `${r.session_id}/${r.step}`),
    );
    await writeFile(script, JSON.stringify(responses((s, i) => !doneKeys.has(`${s}/${i}`))));

    const run = await runCli([...args, '--out', partial, '--json']);
    expect(run.stderr).not.toMatch(/shopsim:/);
    const result = JSON.parse(run.stdout) as EvalResult;
    expect(result.predictions).toMatchObject({ resumed: 9, made_now: 9, unreadable_lines: 1 });
    expect(result.metrics.accuracy.correct).toBe(12);
    const records = await readRecords(partial);
    expect(records).toHaveLength(18);
    expect(new Set(records.map((r) => `${r.session_id}/${r.step}`)).size).toBe(18);
  });

  it('refuses to mix predictions of another model into the same folder', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await runCli([...scriptedArgs(await scriptFile(dir)), '--out', out, '--resamples', '0']);
    const run = await runCli([
      'eval',
      '--human',
      HUMAN,
      '--model',
      'random:3',
      '--out',
      out,
      '--resamples',
      '0',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /holds an evaluation made with model = "scripted:.*", not "random:3"/,
    );
  });
});
