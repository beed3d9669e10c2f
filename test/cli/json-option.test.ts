import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { runCli } from '../support/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const V1 = path.join(ROOT, 'test/fixtures/traces/v1-session.jsonl');
const QUOTING = path.join(ROOT, 'test/fixtures/table/quoting.jsonl');

/** Every command that runs something (has no subcommands), by its full name. */
function leafCommands(command: Command, prefix = ''): [string, Command][] {
  return command.commands.flatMap((sub) => {
    const name = `${prefix}${sub.name()}`;
    return sub.commands.length ? leafCommands(sub, `${name} `) : [[name, sub] as [string, Command]];
  });
}

describe('--json on every command', () => {
  it('every command that runs something takes --json', () => {
    const leaves = leafCommands(buildProgram());
    const names = leaves.map(([name]) => name);
    for (const name of ['simulate', 'traces show', 'export table', 'serve', 'schema trace']) {
      expect(names).toContain(name);
    }
    const without = leaves
      .filter(([, c]) => !c.options.some((o) => o.long === '--json'))
      .map(([name]) => name);
    expect(without).toEqual([]);
  });

  it('traces show --json prints the parsed trace, rationales included', async () => {
    const result = await runCli(['traces', 'show', QUOTING, '--json']);
    expect(result.code).toBe(0);
    const trace = JSON.parse(result.stdout) as {
      header: { session_id: string };
      steps: { rationale: string | null }[];
      end: { outcome: string };
    };
    expect(trace.header.session_id).toBe('quoting-1');
    expect(trace.steps.map((s) => s.rationale)).toEqual([
      'I want shoes, "trail" ones,\nand cheap.',
      null,
      'Done.',
    ]);
    expect(trace.end.outcome).toBe('terminate');
  });

  it('traces ls --json lists runs and sessions', async () => {
    const result = await runCli(['traces', 'ls', path.dirname(QUOTING), '--json']);
    expect(result.code).toBe(0);
    const runs = JSON.parse(result.stdout) as {
      sessions: { sessionId: string; steps: number }[];
    }[];
    expect(runs[0]!.sessions).toEqual([
      expect.objectContaining({ sessionId: 'quoting-1', steps: 3, outcome: 'terminate' }),
    ]);
  });

  it('traces validate --json reports problems as data and exits 1', async () => {
    const good = await runCli(['traces', 'validate', V1, '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ valid: true, files: [V1], issues: [] });
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-json-'));
    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, '{"kind":"end","outcome":"terminate","steps":0,"duration_ms":0}\n');
    const result = await runCli(['traces', 'validate', bad, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { valid: boolean; issues: { line: number }[] };
    expect(report.valid).toBe(false);
    expect(report.issues[0]).toMatchObject({ file: bad, line: 1 });
  });

  it('doctor --json prints every check as data, and nothing else', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'shopsim-json-')), 'out');
    await mkdir(out);
    const result = await runCli(['doctor', '--model', 'heuristic', '--out', out, '--json']);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      problems: number;
      checks: { name: string; ok: boolean; detail: string }[];
    };
    expect(report.checks.length).toBeGreaterThanOrEqual(2);
    expect(report.problems).toBe(report.checks.filter((c) => !c.ok).length);
    expect(result.code).toBe(report.ok ? 0 : 1);
  });

  it('install-browser --json names the browser it found', async () => {
    const before = process.env.SHOPSIM_BROWSER;
    process.env.SHOPSIM_BROWSER = '/usr/bin/chromium';
    try {
      const result = await runCli(['install-browser', '--json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        source: 'env',
        executablePath: '/usr/bin/chromium',
      });
      expect(result.stderr).toContain('browser ready');
    } finally {
      if (before === undefined) delete process.env.SHOPSIM_BROWSER;
      else process.env.SHOPSIM_BROWSER = before;
    }
  });

  it('schema trace --json --out prints where the schema went', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'shopsim-json-')), 's.json');
    const result = await runCli(['schema', 'trace', '--out', file, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ file });
  });
});
