import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/agent/summary.js';
import { runCli } from '../support/cli.js';
import { readZip } from '../support/zip.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PERSONA = path.join(ROOT, 'personas/trail-runner-maya.json');
const SCRIPT = path.join(ROOT, 'test/fixtures/pw-trace/shop-script.json');

describe('simulate --pw-trace', () => {
  it('writes a Playwright trace.zip whose step groups carry the rationales', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'shopsim-pwtrace-')), 'run');
    const result = await runCli([
      'simulate',
      '--model',
      `scripted:${SCRIPT}`,
      '--persona',
      PERSONA,
      '--pw-trace',
      'on',
      '--out',
      out,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as RunSummary;
    const record = summary.records[0]!;
    expect(record.steps).toBe(3);
    const zipFile = record.file.replace(/\.jsonl$/, '.trace.zip');
    expect((await readdir(out)).sort()).toContain(path.basename(zipFile));
    const entries = await readZip(zipFile);
    const events = [...entries]
      .filter(([name]) => name.endsWith('.trace'))
      .flatMap(([, data]) => data.toString('utf8').split('\n'))
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const groups = events.filter((e) => e.type === 'before' && e.method === 'tracingGroup');
    expect(groups.map((g) => g.title)).toEqual([
      'step 0: type_and_submit nav_bar.search_input "trail shoes" — ' +
        "I need trail shoes for next month's race, so I search for them first.",
      'step 1: click nav_bar.cart — Before choosing, I look at what is already in my cart.',
      'step 2: terminate — Nothing here convinces me today, so I leave.',
    ]);
    // the browser calls of a step sit inside its group, with DOM snapshots in the zip
    const inFirst = events.filter((e) => e.parentId === groups[0]!.callId);
    expect(inFirst.length).toBeGreaterThan(0);
    expect([...entries.keys()].some((name) => name.startsWith('resources/'))).toBe(true);
    expect(existsSync(record.file)).toBe(true);
  });
});
