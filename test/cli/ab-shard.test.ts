import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { PairsResult } from '../../src/ab/preview.js';
import { readTraces } from '../../src/traces/reader.js';
import { runCli } from '../support/cli.js';
import { usePersonaFolder } from '../support/persona-folder.js';
import { sessionsOf } from '../support/sessions-of.js';

const CHOSEN = ['coffee-maker-aisha', 'commuter-earbuds-priya', 'backpacker-tent-nina'];

const folder = usePersonaFolder('shopsim-ab-shard-', CHOSEN);

const ab = (out: string, ...extra: string[]) =>
  runCli(['ab', '--site', 'builtin', '--persona', folder.personas, '--max-steps', '2',
    '--seed', '7', '--concurrency', '2', '--out', out, ...extra]); // prettier-ignore

const readResult = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, 'ab.json'), 'utf8')) as PairsResult;

/** Each arm's sessions: id → seed, outcome and actions. */
async function armsOf(dir: string) {
  const arms: Record<string, unknown> = {};
  for (const arm of ['a', 'b']) arms[arm] = sessionsOf(await readTraces(path.join(dir, arm)));
  return arms;
}

/** What must not depend on how the pairs were spread over machines. */
const figures = (r: PairsResult) => ({
  stats: r.stats,
  funnel: r.funnel,
  personas: r.personas,
  unfinished: r.unfinished,
  exclusiveClicks: r.exclusiveClicks,
  discordant: r.discordant.map((g) => JSON.stringify(g).replaceAll(/"[^"]*\.jsonl"/g, '')),
  pairs: r.pairs,
  plannedPairs: r.plannedPairs,
});

it('ab --shard: merged shards give the pairs, outcomes and statistics of one unsharded run', async () => {
  const [whole, s1, s2, merged] = ['whole', 's1', 's2', 'merged'].map((d) =>
    path.join(folder.work, d),
  );
  expect((await ab(whole!, '--json')).code).toBe(0);
  const first = await ab(s1!, '--shard', '1/2', '--quiet');
  expect(first.code).toBe(0);
  // --quiet: the metric table and the run folder only
  expect(first.stdout).toContain(`Run folder: ${s1}`);
  expect(first.stdout).not.toContain('Report:');
  expect((await ab(s2!, '--shard', '2/2', '--json')).code).toBe(0);
  // both arms of a pair stay in one shard: shard 1 of 2 has the 1st and 3rd planned pairs
  // (personas are read sorted by id)
  expect((await readResult(s1!)).pairs.map((p) => p.pairId)).toEqual([
    'backpacker-tent-nina-1',
    'commuter-earbuds-priya-1',
  ]);

  const result = await runCli(['merge', s1!, s2!, '--out', merged!, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const joined = JSON.parse(result.stdout) as PairsResult;
  const alone = await readResult(whole!);
  expect(joined.stats.pairs).toBe(3);
  expect(figures(joined)).toEqual(figures(alone));
  expect(await armsOf(merged!)).toEqual(await armsOf(whole!));
  for (const file of ['ab.json', 'ab.md', 'index.html', 'orders.json']) {
    expect(existsSync(path.join(merged!, file))).toBe(true);
  }
  const info = JSON.parse(await readFile(path.join(merged!, 'run.json'), 'utf8'));
  expect(info).toMatchObject({ kind: 'ab', run_id: 'merged', config: { shard: null } });

  // a shard missing, or a simulate run among ab shards, is refused
  const missing = await runCli(['merge', s1!, '--out', path.join(folder.work, 'm2')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('shard 2/2 missing; run `shopsim ab --shard i/n`');
  const notShard = await runCli(['merge', s1!, whole!, '--out', path.join(folder.work, 'm3')]);
  expect(notShard.code).toBe(2);
  expect(notShard.stderr).toContain(`${whole} is not a shard`);
}, 240_000);

it('ab --shard with --until-decided or --from-human is a usage error before anything runs', async () => {
  const out = path.join(folder.work, 'refused');
  const result = await ab(out, '--shard', '1/2', '--until-decided', '--max-pairs', '4');
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('--until-decided cannot be combined with --shard');
  const human = await ab(out, '--shard', '1/2', '--from-human', folder.work);
  expect(human.code).toBe(2);
  expect(human.stderr).toContain('--shard applies to paired runs');
  expect(existsSync(out)).toBe(false);
});
