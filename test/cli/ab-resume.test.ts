import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { PairsResult } from '../../src/ab/preview.js';
import { runCli } from '../support/cli.js';
import { usePersonaFolder } from '../support/persona-folder.js';
import { finished, traceTexts } from '../support/run-folder.js';

const CHOSEN = ['coffee-maker-aisha', 'commuter-earbuds-priya', 'backpacker-tent-nina'];
const ARMS = ['a', 'b'];

const folder = usePersonaFolder('shopsim-ab-resume-', CHOSEN);

const args = (out: string, ...extra: string[]) =>
  ['ab', '--site', 'builtin', '--persona', folder.personas, '--max-steps', '4', '--seed', '3',
    '--concurrency', '1', '--out', out, ...extra]; // prettier-ignore

/** Pair file names by how many of their arms finished. */
function byFinishedArms(texts: Map<string, string>) {
  const names = new Set([...texts.keys()].map((k) => k.split('/')[1]!));
  const count = (name: string) => ARMS.filter((arm) => finished(texts.get(`${arm}/${name}`)));
  return [...names].map((name) => ({ name, done: count(name) }));
}

it('ab --resume after Ctrl-C keeps finished pairs byte for byte and reruns the rest as whole pairs', async () => {
  const out = path.join(folder.work, 'run');
  const before = new Set(process.listeners('SIGINT'));
  const running = runCli(args(out));
  let onSignal: (() => void) | undefined;
  // interrupt once a pair has finished and another pair has one arm done, the other under way
  const ready = async () => {
    const texts = await traceTexts(out, ARMS);
    const pairs = byFinishedArms(texts);
    const halfway = pairs.find((p) => p.done.length === 1);
    const other = halfway && ARMS.find((arm) => !halfway.done.includes(arm));
    return (
      pairs.some((p) => p.done.length === 2) &&
      !!other &&
      !!texts.get(`${other}/${halfway.name}`)?.includes('"kind":"step"')
    );
  };
  for (let i = 0; i < 2400 && !(onSignal && (await ready())); i++) {
    await new Promise((r) => setTimeout(r, 25));
    onSignal ??= process
      .listeners('SIGINT')
      .find((l) => !before.has(l) && l.name === 'onSignal') as (() => void) | undefined;
  }
  onSignal!();
  expect((await running).code).toBe(130);

  const interrupted = await traceTexts(out, ARMS);
  const pairs = byFinishedArms(interrupted);
  const kept = pairs.filter((p) => p.done.length === 2).map((p) => p.name);
  const half = pairs.find((p) => p.done.length === 1)!;
  expect(kept.length).toBeGreaterThanOrEqual(1);
  expect(kept.length).toBeLessThan(CHOSEN.length);

  // the same --out without --resume is refused; so is --resume with other settings
  const refused = await runCli(args(out));
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(`--out ${out} already holds a run`);
  expect(refused.stderr).toContain('--resume');
  const other = await runCli(args(out, '--resume', '--max-steps', '5'));
  expect(other.code).toBe(2);
  expect(other.stderr).toContain('config.maxSteps 4');
  expect(other.stderr).toContain('this invocation has 5');
  expect(await traceTexts(out, ARMS)).toEqual(interrupted);

  const resumed = await runCli(args(out, '--resume', '--json'));
  expect(resumed.code).toBe(0);
  const result = JSON.parse(resumed.stdout) as PairsResult;
  expect(result.stats.pairs + result.unfinished.length).toBe(CHOSEN.length);
  expect(result.unfinished.filter((u) => u.reason.startsWith('interrupted'))).toEqual([]);

  const after = await traceTexts(out, ARMS);
  expect(after.size).toBe(CHOSEN.length * ARMS.length);
  for (const text of after.values()) expect(finished(text)).toBe(true);
  for (const name of kept) {
    for (const arm of ARMS)
      expect(after.get(`${arm}/${name}`)).toBe(interrupted.get(`${arm}/${name}`));
  }
  // the pair with one arm finished ran again as a whole: its finished trace was set aside too
  for (const arm of ARMS) {
    const aside = (await readdir(path.join(out, arm))).filter((f) => f.startsWith('_unfinished-'));
    expect(aside).toContain(`_unfinished-1.${half.name}`);
  }
}, 240_000);
