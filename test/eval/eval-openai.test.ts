import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvalResult } from '../../src/eval/eval-result.js';
import {
  startFakeOpenAIServer,
  type FakeOpenAIServer,
  type FakeReply,
} from '../support/openai-server.js';
import { HUMAN, runCli, tempDir } from './cli-helpers.js';

const TERMINATE = JSON.stringify({
  rationale: 'Nothing here for me.',
  action: { type: 'terminate' },
});

let server: FakeOpenAIServer;
let failing = false;
beforeEach(async () => {
  failing = false;
  server = await startFakeOpenAIServer({
    fallback: (): FakeReply =>
      failing
        ? { status: 400, error: 'model is overloaded in a way that will not pass' }
        : { content: TERMINATE, promptTokens: 50, completionTokens: 5, delayMs: 20 },
  });
});
afterEach(async () => {
  await server.close();
});

const args = (out: string) => [
  'eval',
  '--human',
  HUMAN,
  '--model',
  'openai:test-model',
  '--base-url',
  server.baseUrl,
  '--concurrency',
  '3',
  '--out',
  out,
  '--resamples',
  '0',
];

describe('shopsim eval over an OpenAI-compatible endpoint', () => {
  it('runs parallel requests, records usage, and sends the persona and human history', async () => {
    const out = path.join(await tempDir(), 'out');
    const run = await runCli([...args(out), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as EvalResult;
    // always "terminate": right exactly on the three human terminates
    expect(result.metrics.accuracy.correct).toBe(3);
    expect(result.metrics.taxonomy.counts.didnt_click).toBe(11);
    expect(result.metrics.taxonomy.counts.didnt_search).toBe(4);
    expect(result.predictions.usage).toEqual({
      calls: 18,
      retried_steps: 0,
      prompt_tokens: 900,
      completion_tokens: 90,
      mean_latency_ms: expect.any(Number),
    });
    expect(server.completions).toHaveLength(18);
    const prompts = server.completions.map((c) => c.messages.map((m) => m.content).join('\n'));
    // the step after the human's search sees the persona's intent and the human's query
    const later = prompts.filter(
      (p) => p.includes('Needs new trail running shoes') && p.includes('trail running shoes"'),
    );
    expect(later.length).toBeGreaterThan(0);
    const md = await readFile(path.join(out, 'eval.md'), 'utf8');
    expect(md).toContain('tokens in/out: 900 / 90');
  });

  it('stops on a backend failure, keeps what was done, and resumes where it stopped', async () => {
    const out = path.join(await tempDir(), 'out');
    server.enqueue(
      ...Array.from({ length: 7 }, () => ({
        content: TERMINATE,
        promptTokens: 50,
        completionTokens: 5,
      })),
    );
    failing = true;
    const failed = await runCli(args(out));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/Rerun the same command with --out .* to resume/);
    expect(failed.stderr).toMatch(/overloaded/);
    const kept = (await readFile(path.join(out, 'predictions.jsonl'), 'utf8')).trim().split('\n');
    expect(kept).toHaveLength(7);

    failing = false;
    const before = server.completions.length;
    const resumed = await runCli([...args(out), '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const result = JSON.parse(resumed.stdout) as EvalResult;
    expect(result.predictions).toMatchObject({ resumed: 7, made_now: 11 });
    expect(server.completions.length - before).toBe(11);
    expect(result.metrics.accuracy.correct).toBe(3);
  });
});
