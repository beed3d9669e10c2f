import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite } from '../../src/cli/site.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { startRecording } from '../../src/record/record-session.js';
import type { ReplayReport } from '../../src/replay/report.js';
import { readTraceFile } from '../../src/traces/reader.js';
import { validatePath } from '../../src/traces/validate.js';
import { shopLikeAPerson } from '../record/shop-flow.js';
import { formatAction, type Action } from '../../src/action.js';
import { runCli } from '../support/cli.js';

let work: string;
let recorded: string;
let actions: Action[];
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'shopsim-replay-'));
  // the same shop, seed and recipe the CLI's --site builtin uses, so the names match on replay
  const site = await openSite('builtin', 'a', DEFAULT_CONFIG.seed);
  try {
    const recording = await startRecording({
      startUrl: site.startUrl,
      variant: 'a',
      persona: null,
      recipe: site.recipe,
      headless: true,
      browserPath: null,
      out: path.join(work, 'recorded'),
      sessionId: 'person-1',
      site: 'builtin', // as `shopsim record --site builtin` names it
    });
    try {
      await shopLikeAPerson(recording.browser.page);
    } finally {
      await recording.stop();
    }
    recorded = recording.file;
    actions = (await readTraceFile(recorded)).steps.map((s) => s.action);
  } finally {
    await site.close();
  }
}, 180_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(args);
/** `shopsim replay` of the recorded session on the builtin shop's given variant. */
const replayOn = (variant: 'a' | 'b', out: string, ...more: string[]) =>
  cli('replay', recorded, '--site', 'builtin', '--variant', variant, ...more, '--out', out);

async function report(dir: string): Promise<ReplayReport> {
  return JSON.parse(await readFile(path.join(dir, 'replay-report.json'), 'utf8')) as ReplayReport;
}

describe('replay', () => {
  it('finds the bundled shop from a recorded builtin trace, without --site', async () => {
    expect((await readTraceFile(recorded)).header.site).toBe('builtin');
    const out = path.join(work, 'no-site');
    // retain-on-failure: nothing diverges, so no Playwright trace is kept
    const result = await cli('replay', recorded, '--out', out, '--pw-trace', 'retain-on-failure');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await readdir(out)).filter((f) => f.endsWith('.zip'))).toEqual([]);
    expect(result.stdout).toMatch(/replayed 10 of 10 steps: 10 ok, 0 diverged/);
    const r = await report(out);
    expect(r.summary).toMatchObject({ diverged: 0, not_run: 0 });
    expect(r.steps.map((s) => s.status)).toEqual(actions.map(() => 'ok'));
    expect((await readTraceFile(r.replay_file)).header.site).toBe('builtin');
  }, 180_000);

  // one replay on variant a checks the replay itself, --json and --pw-trace on
  it('replays a recorded session step for step on the same variant; --json prints the report as data; --pw-trace on keeps a Playwright trace', async () => {
    const out = path.join(work, 'same');
    const result = await replayOn('a', out, '--json', '--pw-trace', 'on');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Replaying \d+ steps/);
    const json = JSON.parse(result.stdout) as { file: string; report: ReplayReport };
    expect(json.report.summary).toMatchObject({ diverged: 0 });
    const zip = json.file.replace(/\.jsonl$/, '.trace.zip');
    expect(existsSync(zip)).toBe(true);
    const r = await report(out);
    expect(r.steps.map((s) => s.status)).toEqual(actions.map(() => 'ok'));
    expect(r.summary).toMatchObject({ steps: 10, ok: 10, diverged: 0, stopped: false });
    expect(json.report).toEqual(r);

    const replayed = await readTraceFile(r.replay_file);
    expect(replayed.header).toMatchObject({
      source: 'replay',
      replay_of: { file: recorded, session_id: 'person-1' },
      variant: 'a',
    });
    expect(replayed.steps.map((s) => s.action)).toEqual(actions);
    expect(replayed.steps.every((s) => s.result?.ok)).toBe(true);
    expect(replayed.end).toMatchObject({ outcome: 'purchase' });
    expect(replayed.end?.order_id).toMatch(/^ORD-/);
    const markdown = await readFile(path.join(out, 'replay-report.md'), 'utf8');
    expect(markdown).toContain(`| 1 | ${formatAction(actions[1]!)} | ok |`);
    expect((await validatePath(out)).issues).toEqual([]);
  }, 180_000);

  it('reports the steps that diverge on variant b, and continues when told to', async () => {
    const out = path.join(work, 'variant-b');
    const result = await replayOn('b', out, '--on-divergence', 'continue');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/diverged at 2 step\(s\), first at step 1/);
    const r = await report(out);
    const statuses = r.steps.map((s) => s.status);
    expect(statuses).toEqual([
      'ok',
      'name_missing', // variant b has no price-bucket links
      'ok',
      'name_missing', // variant b hides the reviews behind "Show reviews"
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
    ]);
    expect(r.steps[1]!.similar.length).toBeGreaterThan(0);
    expect(r.steps[1]!.similar.join(' ')).toMatch(/filters\.price\./);
    const name = (i: number): string => (actions[i] as { name: string }).name;
    expect(r.steps[3]!.detail).toContain(`no element named ${name(3)}`);
    expect(result.stdout).toContain(`  1  name_missing      click ${name(1)}  (no element named`);
    const replayed = await readTraceFile(r.replay_file);
    expect(replayed.steps).toHaveLength(10);
    expect(replayed.steps[1]!.result).toMatchObject({ ok: false });
  }, 180_000);

  it('stops at the first divergence by default', async () => {
    const out = path.join(work, 'variant-b-stop');
    const result = await replayOn('b', out);
    expect(result.code).toBe(1);
    const r = await report(out);
    expect(r.steps.map((s) => s.status)).toEqual([
      'ok',
      'name_missing',
      ...Array.from({ length: 8 }, () => 'not_run'),
    ]);
    expect(r.summary).toMatchObject({ stopped: true, first_divergence: 1, not_run: 8 });
    const replayed = await readTraceFile(r.replay_file);
    expect(replayed.steps).toHaveLength(2);
    expect(replayed.end).toMatchObject({ outcome: 'error' });
  }, 180_000);

  it('explains bad arguments without a stack trace', async () => {
    const bad = await cli('replay', recorded, '--on-divergence', 'maybe');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--on-divergence maybe: use stop or continue/);
    const missing = await cli('replay', path.join(work, 'nope.jsonl'), '--site', 'builtin');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.jsonl: cannot read the trace file/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
