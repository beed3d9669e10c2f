import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/agent/summary.js';
import { readTraces } from '../../src/traces/reader.js';
import { runCli } from '../support/cli.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../support/openai-server.js';
import { searchThenStop } from '../support/search-policy.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PERSONA = path.join(ROOT, 'personas/trail-runner-maya.json');

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/**
 * `simulate` on the fake server with the answer cache; its summary as printed by --json, or
 * without --json (`json: false`) as written to summary.json, with the printed text.
 */
async function simulate(dir: string, out: string, cache: string, json = true) {
  const { code, stdout, stderr } = await runCli([
    'simulate',
    '--model',
    'openai:fake-shopper',
    '--base-url',
    server!.baseUrl,
    '--persona',
    PERSONA,
    '--sessions',
    '2',
    '--concurrency',
    '2',
    '--config',
    path.join(dir, 'shopsim.config.json'),
    '--cache',
    cache,
    '--out',
    path.join(dir, out),
    ...(json ? ['--json'] : []),
  ]);
  // (without --json, stderr carries the progress line with its "0 errors")
  expect(stderr.replace(/\b0 errors\b/g, '')).not.toMatch(/error/i);
  const summary = json
    ? (JSON.parse(stdout) as RunSummary)
    : (JSON.parse(await readFile(path.join(dir, out, 'summary.json'), 'utf8')) as RunSummary);
  return { code, summary, stdout };
}

/** Each session's actions, by session id. */
async function actionsOf(runDir: string): Promise<Record<string, unknown[]>> {
  const traces = await readTraces(runDir);
  return Object.fromEntries(
    traces.map((t) => [t.header.session_id, t.steps.map((s) => ({ ...s.action }))]),
  );
}

describe('simulate --cache', () => {
  it('a re-run makes no model calls, writes the same actions and reports the money saved', async () => {
    server = await startFakeOpenAIServer({ fallback: searchThenStop() });
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-cache-'));
    const prices = { prices: { 'openai:fake-shopper': { input: 1, output: 10 } } };
    await writeFile(path.join(dir, 'shopsim.config.json'), JSON.stringify(prices));
    const cache = path.join(dir, 'cache');

    const first = await simulate(dir, 'first', cache);
    expect(first.code).toBe(0);
    const made = server.completions.length;
    expect(made).toBeGreaterThanOrEqual(6); // two sessions of three steps
    expect(first.summary.cache).toMatchObject({ hits: 0, misses: made, savedUsd: 0 });
    const firstActions = await actionsOf(first.summary.runDir);
    expect(Object.keys(firstActions)).toHaveLength(2);
    // the two sessions asked the same prompts but kept their own answers
    const [a, b] = Object.values(firstActions);
    expect(a).not.toEqual(b);
    const stored = (await readdir(cache, { recursive: true })).filter((f) => f.endsWith('.json'));
    expect(stored).toHaveLength(made);

    // a new run: the bundled shop listens on another port, the cache still matches; without
    // --json, the human-readable summary says it too
    const second = await simulate(dir, 'second', cache, false);
    expect(second.code).toBe(0);
    expect(server.completions.length).toBe(made);
    expect(await actionsOf(second.summary.runDir)).toEqual(firstActions);
    expect(second.summary.cache).toMatchObject({
      hits: made,
      misses: 0,
      savedPromptTokens: made * 1000,
      savedCompletionTokens: made * 100,
    });
    expect(second.summary.cache!.savedUsd).toBeCloseTo(first.summary.usage.costUsd!, 10);
    expect(second.summary.usage.costUsd).toBe(0);
    expect(second.stdout).toContain(`Cache ${cache}: ${made} answers reused, 0 new; saved $`);
  }, 180_000);
});
