import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readTraces } from '../../src/traces/reader.js';
import { runCli } from '../support/cli.js';
import { usePersonaFolder } from '../support/persona-folder.js';
import { sessionsOf } from '../support/sessions-of.js';

// two personas × two sessions: each shard gets two sessions, from different personas
const CHOSEN = ['coffee-maker-aisha', 'backpacker-tent-nina'];

const folder = usePersonaFolder('shopsim-shard-', CHOSEN);

const simulate = (out: string, ...extra: string[]) =>
  runCli(['simulate', '--site', 'builtin', '--persona', folder.personas, '--sessions', '2',
    '--max-steps', '2', '--seed', '7', '--concurrency', '2', '--out', out, '--json', ...extra]); // prettier-ignore

it('two shards merged give the same sessions as one unsharded run with the same seed', async () => {
  const whole = path.join(folder.work, 'whole');
  const [s1, s2, merged] = ['s1', 's2', 'merged'].map((d) => path.join(folder.work, d));
  expect((await simulate(whole)).code).toBe(0);
  const first = await simulate(s1!, '--shard', '1/2');
  expect(first.code).toBe(0);
  expect((await simulate(s2!, '--shard', '2/2')).code).toBe(0);
  // shard 1 of 2 takes every other session of the list sorted by persona id
  expect(JSON.parse(first.stdout).records.map((r: { sessionId: string }) => r.sessionId)).toEqual([
    'backpacker-tent-nina-1',
    'coffee-maker-aisha-1',
  ]);

  const result = await runCli(['merge', s1!, s2!, '--out', merged!, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const summary = JSON.parse(result.stdout);
  expect(summary.sessions).toBe(4);

  const expected = sessionsOf(await readTraces(whole));
  const mergedTraces = await readTraces(merged!);
  expect(Object.keys(expected)).toHaveLength(4);
  expect(sessionsOf(mergedTraces)).toEqual(expected);
  expect(mergedTraces.some((t) => t.steps.length > 1)).toBe(true);

  const runInfo = JSON.parse(await readFile(path.join(merged!, 'run.json'), 'utf8'));
  expect(runInfo.run_id).toBe('merged');
  expect(runInfo.config.shard).toBeNull();
  expect(mergedTraces.every((t) => t.header.run_id === 'merged')).toBe(true);
  const written = JSON.parse(await readFile(path.join(merged!, 'summary.json'), 'utf8'));
  const wholeSummary = JSON.parse(await readFile(path.join(whole, 'summary.json'), 'utf8'));
  expect(written.records.map((r: { sessionId: string }) => r.sessionId)).toEqual(
    wholeSummary.records.map((r: { sessionId: string }) => r.sessionId),
  );
  expect(written.purchases).toBe(wholeSummary.purchases);
  expect(written.steps).toBe(wholeSummary.steps);
  expect(await readFile(path.join(merged!, 'index.html'), 'utf8')).toContain('<html');

  // one shard alone, or a folder merged twice, is refused
  const missing = await runCli(['merge', s1!, '--out', path.join(folder.work, 'm2')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('shard 2/2 missing');
  const notShard = await runCli(['merge', whole, s2!, '--out', path.join(folder.work, 'm3')]);
  expect(notShard.code).toBe(2);
  expect(notShard.stderr).toContain(`${whole} is not a shard`);
  const twice = await runCli(['merge', s1!, s2!, '--out', merged!]);
  expect(twice.code).toBe(2);
  expect(twice.stderr).toContain('already holds a run');
}, 240_000);
