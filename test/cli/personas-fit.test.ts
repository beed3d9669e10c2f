import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPersonaFile, loadPersonas, type Persona } from '../../src/persona.js';
import type { CohortsSummary } from '../../src/personas/fit/fit.js';
import { runCli } from '../support/cli.js';

/** Imported (OPeRA) and recorded human traces, 4 + 5 + 5 sessions. */
const RECORDED = ['test/fixtures/eval/human', 'test/fixtures/synth/human'];

let work: string;
let imported: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'shopsim-fit-'));
  imported = path.join(work, 'opera');
  const result = await runCli(['import', 'opera', 'test/fixtures/opera', '--out', imported]);
  expect(result.code).toBe(0);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function fit(out: string, ...extra: string[]) {
  return runCli(['personas', 'fit', '--human', imported, ...RECORDED, '--out', out, ...extra]);
}

describe('shopsim personas fit', () => {
  it('writes persona files that parse, weights summing to 1, and cohorts.json', async () => {
    const out = path.join(work, 'auto');
    const result = await fit(out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/cohort\(s\) from 14 human sessions/);
    const personas = await loadPersonas([out]); // cohorts.json beside them is not a persona
    const summary = JSON.parse(
      await readFile(path.join(out, 'cohorts.json'), 'utf8'),
    ) as CohortsSummary;
    expect(personas.length).toBe(summary.k);
    expect(summary.k).toBeGreaterThanOrEqual(1);
    expect(summary.sessions).toBe(14);
    const weights = personas.map((p) => p.weight!);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(personas.reduce((s, p) => s + p.fitted!.sessions, 0)).toBe(14);
    for (const p of personas) {
      expect(p.weight).toBeCloseTo(p.fitted!.sessions / 14, 12);
      expect(p.goal).toBe(p.fitted!.means.purchase! >= 0.5 ? 'buy' : 'browse');
      expect(p.fitted!.source).toEqual([imported, ...RECORDED]);
    }
    // 6 of the 14 sessions bought (2 imported, 4 recorded); the weighted purchase means give back the overall rate
    const overall = personas.reduce((s, p) => s + p.weight! * p.fitted!.means.purchase!, 0);
    expect(overall).toBeCloseTo(6 / 14, 12);
    expect(summary.cohorts.map((c) => c.id)).toEqual(personas.map((p) => p.id));
  });

  it('with --k and --seed: that many cohorts, the same files on every run', async () => {
    const [a, b] = [path.join(work, 'k3a'), path.join(work, 'k3b')];
    expect((await fit(a, '--k', '3', '--seed', '7')).code).toBe(0);
    expect((await fit(b, '--k', '3', '--seed', '7')).code).toBe(0);
    const names = (await readdir(a)).sort();
    expect(names).toEqual(['cohort-1.json', 'cohort-2.json', 'cohort-3.json', 'cohorts.json']);
    for (const name of names) {
      expect(await readFile(path.join(b, name), 'utf8')).toBe(
        await readFile(path.join(a, name), 'utf8'),
      );
    }
    const first: Persona = await loadPersonaFile(path.join(a, 'cohort-1.json'));
    expect(first.fitted!.top_queries.length).toBeGreaterThan(0);
    expect(first.background).toMatch(/^Stands for \d+ of 14 human sessions/);
  });

  it('refuses a folder holding earlier output, and bad --k', async () => {
    const out = path.join(work, 'k3a');
    const again = await fit(out, '--k', '3');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already holds .*cohort-1\.json.*choose a new folder/);
    const bad = await fit(path.join(work, 'bad'), '--k', '0');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--k 0: give a whole number from 1 to 100/);
  });

  it('skips files that are not human sessions and says why', async () => {
    const out = path.join(work, 'mixed');
    const result = await runCli([
      'personas',
      'fit',
      '--human',
      'test/fixtures/eval/human',
      'test/fixtures/traces/v1-session.jsonl',
      '--out',
      out,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as CohortsSummary;
    expect(summary.sessions).toBe(5);
    expect(summary.skipped).toEqual([
      expect.objectContaining({
        file: 'test/fixtures/traces/v1-session.jsonl',
        reason: expect.stringMatching(/only human sessions are fitted/),
      }),
    ]);
  });
});
