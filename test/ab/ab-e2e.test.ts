import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ContinuationResult, PairsResult } from '../../src/ab/preview.js';
import { sessionSeed } from '../../src/agent/seed.js';
import { readTraces } from '../../src/traces/reader.js';
import { runCli } from '../support/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PERSONAS = ['trail-runner-maya', 'coffee-maker-aisha'];

describe('shopsim ab on the builtin shop', () => {
  it('runs every pair on both arms with the same seed, then continues a human session on each arm', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'shopsim-ab-'));
    const out = path.join(tmp, 'run');
    const { code, stdout, stderr } = await runCli([
      'ab',
      ...PERSONAS.flatMap((p) => ['--persona', path.join(ROOT, `personas/${p}.json`)]),
      // 8 steps: aisha buys on her 8th (she compares two coffee makers first), maya (13 steps to
      // buy in arm a) runs out, so both kinds of session are checked for their Playwright trace
      '--max-steps',
      '8',
      '--seed',
      '3',
      '--out',
      out,
      '--pw-trace',
      'retain-on-failure',
      '--json',
    ]);
    expect(stderr).not.toMatch(/Error/);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as PairsResult;
    expect(existsSync(path.join(out, 'ab.json'))).toBe(true);
    expect(await readFile(path.join(out, 'ab.md'), 'utf8')).toMatch(/## Why: discordant pairs/);
    expect(result.stats.pairs).toBe(2);
    expect(result.stats.metrics[0]).toMatchObject({ metric: 'converted', role: 'primary' });
    expect(result.stats.metrics.slice(1).every((m) => m.role === 'exploratory')).toBe(true);
    const [a, b] = await Promise.all(['a', 'b'].map((arm) => readTraces(path.join(out, arm))));
    const kept = new Set<boolean>();
    for (const [arm, traces] of [
      ['a', a!],
      ['b', b!],
    ] as const) {
      expect(traces.map((t) => t.header.session_id).sort()).toEqual(
        PERSONAS.map((p) => `${p}-1`).sort(),
      );
      for (const t of traces) {
        // a Playwright trace beside each session that failed (did not buy, or a refused action)
        const failed =
          t.end?.outcome !== 'purchase' || t.steps.some((step) => step.result?.ok === false);
        expect(existsSync(t.file.replace(/\.jsonl$/, '.trace.zip'))).toBe(failed);
        kept.add(failed);
        expect(t.header.variant).toBe(arm);
        expect(t.header.seed).toBe(sessionSeed(3, t.header.persona!.id, 0));
        expect(t.steps[0]!.url).toContain(`variant=${arm}`);
      }
    }
    expect([...kept].sort()).toEqual([false, true]);
    // variant b folds the reviews and drops the price filters: its pages show other names
    expect(
      result.exclusiveClicks.some((r) => r.arm === 'a' && r.name.startsWith('filters.price')),
    ).toBe(true);

    // a human session: arm a's first trace, relabelled as recorded by a person
    const humans = path.join(tmp, 'humans');
    await mkdir(humans);
    const source = a![0]!;
    const text = await readFile(source.file, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    lines[0] = { ...lines[0], source: 'human', run_id: null, model: null, seed: null };
    await writeFile(
      path.join(humans, 'h-1.jsonl'),
      lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
    );
    const continued = await runCli([
      'ab',
      '--from-human',
      humans,
      '--prefix',
      '2',
      '--seed',
      '3',
      '--max-steps',
      '3',
      '--out',
      path.join(tmp, 'continued'),
      '--json',
    ]);
    expect(continued.code).toBe(0);
    const c = JSON.parse(continued.stdout) as ContinuationResult;
    expect(c.sessions).toHaveLength(1);
    const row = c.sessions[0]!;
    expect(row.prefix).toBe(2);
    expect(row.humanOutcome).toBe(source.end!.outcome);
    expect(row.arms.map((s) => s.arm)).toEqual(['a', 'b']);
    // arm a is the site (same catalog seed) the human shopped: both recorded steps replay there
    expect(row.arms[0]!.replayed).toBe(2);
    for (const s of row.arms) {
      const [t] = await readTraces(s.file);
      expect(t!.steps.slice(0, s.replayed).map((x) => x.action)).toEqual(
        source.steps.slice(0, s.replayed).map((x) => x.action),
      );
      expect(t!.header.variant).toBe(s.arm);
    }
    expect(c.tallies.map((t) => t.arm)).toEqual(['human (as recorded)', 'a', 'b']);
  }, 600_000);
});
