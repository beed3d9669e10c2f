import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizePersonas, type SessionRecord } from '../../src/agent/summary.js';
import { resolveConfig } from '../../src/config.js';
import { DEFAULT_PRICES, priceOf } from '../../src/cost/prices.js';
import { formatUsd, stepsUsage, sumUsage } from '../../src/cost/usage.js';

/** Hand-computed: gpt-4o-mini at $0.15 in / $0.60 out per million tokens. */
const USAGES = [
  { prompt_tokens: 1200, completion_tokens: 80, latency_ms: 900, attempts: 1 },
  { prompt_tokens: 2000, completion_tokens: 150, latency_ms: 1100, attempts: 2 },
  null,
];
// 3200 in x 0.15 / 1e6 = 0.00048; 230 out x 0.60 / 1e6 = 0.000138; total 0.000618
const SESSION_COST = 0.000618;

describe('cost', () => {
  it('prices a session from its steps usage, by hand', () => {
    const usage = stepsUsage(USAGES, priceOf('openai:gpt-4o-mini', DEFAULT_PRICES));
    expect(usage).toMatchObject({
      calls: 3,
      promptTokens: 3200,
      completionTokens: 230,
      latencyMs: 2000,
    });
    expect(usage.costUsd).toBeCloseTo(SESSION_COST, 12);
    expect(formatUsd(usage.costUsd)).toBe('$0.0006');
  });

  it('adds sessions into personas and a run; an unpriced session makes the sum unknown', () => {
    const price = priceOf('openai:gpt-4o-mini', DEFAULT_PRICES);
    const priced = stepsUsage(USAGES, price);
    const record = (id: string, persona: string, usage = priced): SessionRecord => ({
      sessionId: id,
      personaId: persona,
      file: `${id}.jsonl`,
      outcome: 'terminate',
      steps: 3,
      durationMs: 5000,
      error: null,
      orderId: null,
      orderConfirmed: null,
      usage,
    });
    const [a, b] = summarizePersonas([
      record('a-1', 'a'),
      record('a-2', 'a'),
      record('b-1', 'b', stepsUsage(USAGES, null)),
    ]);
    expect(a!.usage.costUsd).toBeCloseTo(2 * SESSION_COST, 12);
    expect(a!.usage.promptTokens).toBe(6400);
    expect(a!.usage.latencyMs).toBe(4000);
    expect(b!.usage.costUsd).toBeNull();
    expect(sumUsage([a!.usage, b!.usage]).costUsd).toBeNull();
    expect(sumUsage([a!.usage, a!.usage]).costUsd).toBeCloseTo(4 * SESSION_COST, 12);
  });

  it('finds prices by spec, bare name and dated snapshot; local models are free', () => {
    expect(priceOf('openai:gpt-4o', DEFAULT_PRICES)).toEqual({ input: 2.5, output: 10 });
    expect(priceOf('openai:gpt-4o-2024-08-06', DEFAULT_PRICES)).toEqual({ input: 2.5, output: 10 });
    expect(priceOf('openai:qwen2.5-7b', DEFAULT_PRICES)).toBeNull();
    for (const local of ['heuristic', 'random:3', 'scripted:x.json', 'llama:/m/q.gguf']) {
      expect(priceOf(local, DEFAULT_PRICES)).toEqual({ input: 0, output: 0 });
    }
    // a local model without token counts still costs 0; a hosted one without them is unknown
    expect(
      stepsUsage(
        [{ prompt_tokens: null, completion_tokens: null, latency_ms: 5, attempts: 1 }],
        priceOf('heuristic', DEFAULT_PRICES),
      ).costUsd,
    ).toBe(0);
    expect(
      stepsUsage(
        [{ prompt_tokens: null, completion_tokens: null, latency_ms: 5, attempts: 1 }],
        priceOf('openai:gpt-4o', DEFAULT_PRICES),
      ).costUsd,
    ).toBeNull();
  });

  it('takes prices from the config file, extending the defaults', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-prices-'));
    const file = path.join(dir, 'shopsim.config.json');
    await writeFile(
      file,
      JSON.stringify({ prices: { 'openai:qwen2.5-7b': { input: 0.2, output: 0.4 } } }),
    );
    const { values } = resolveConfig({ file, env: {} });
    expect(priceOf('openai:qwen2.5-7b', values.prices)).toEqual({ input: 0.2, output: 0.4 });
    expect(priceOf('openai:gpt-4o', values.prices)).toEqual(DEFAULT_PRICES['gpt-4o']);
    await writeFile(file, JSON.stringify({ prices: { x: { input: -1, output: 0 } } }));
    expect(() => resolveConfig({ file, env: {} })).toThrow(/prices\.x\.input/);
  });
});
