import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { PairsResult } from '../../src/ab/preview.js';
import { readTraces } from '../../src/traces/reader.js';
import { runCli } from '../support/cli.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../support/openai-server.js';
import { searchThenStop } from '../support/search-policy.js';

const PERSONA = path.resolve(import.meta.dirname, '../../personas/trail-runner-maya.json');

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Each arm's sessions: session id → the actions taken, in order. */
async function actionsOf(runDir: string) {
  const arms: Record<string, Record<string, unknown[]>> = {};
  for (const arm of ['a', 'b']) {
    const traces = await readTraces(path.join(runDir, arm));
    arms[arm] = Object.fromEntries(
      traces.map((t) => [t.header.session_id, t.steps.map((s) => ({ ...s.action }))]),
    );
  }
  return arms;
}

it('ab --cache: a re-run makes no model calls, repeats both arms and reports the money saved; --verbose marks cache hits', async () => {
  server = await startFakeOpenAIServer({ fallback: searchThenStop() });
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-ab-cache-'));
  const config = path.join(dir, 'shopsim.config.json');
  await writeFile(config, JSON.stringify({ prices: { 'openai:fake': { input: 1, output: 10 } } }));
  const cache = path.join(dir, 'cache');
  const ab = (out: string, ...extra: string[]) =>
    runCli(['ab', '--model', 'openai:fake', '--base-url', server!.baseUrl, '--persona', PERSONA,
      '--max-steps', '2', '--seed', '5', '--config', config, '--cache', cache,
      '--out', path.join(dir, out), ...extra]); // prettier-ignore

  const first = await ab('first', '--json');
  expect(first.code).toBe(0);
  const made = server.completions.length;
  expect(made).toBe(4); // one pair: two sessions of two steps
  const one = JSON.parse(first.stdout) as PairsResult;
  expect(one.cache).toMatchObject({ dir: cache, hits: 0, misses: made, savedUsd: 0 });

  const second = await ab('second', '--verbose');
  expect(second.code).toBe(0);
  expect(server.completions.length).toBe(made); // no model call at all
  expect(second.stdout).toContain(`Cache ${cache}: ${made} answers reused, 0 new; saved $`);
  const abJson = await readFile(path.join(dir, 'second', 'ab.json'), 'utf8');
  const two = JSON.parse(abJson) as PairsResult;
  expect(two.cache).toMatchObject({
    hits: made,
    misses: 0,
    savedPromptTokens: made * 1000,
    savedCompletionTokens: made * 100,
  });
  expect(two.cache!.savedUsd).toBeGreaterThan(0);
  expect(await actionsOf(two.runDir)).toEqual(await actionsOf(one.runDir));
  expect(two.stats).toEqual(one.stats);
  // --verbose shows each prompt, and that its answer came from the cache
  const hits = second.stderr.match(/--- answer \(from the cache: no model call\) ---/g) ?? [];
  expect(hits).toHaveLength(made);
  expect(second.stderr).toContain('--- prompt');
}, 120_000);
