import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTraces } from '../../src/traces/reader.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../support/openai-server.js';
import { checkSftFile } from './sft-check.js';
import { copyHumanFixtures, tempDir } from '../synthesize/synth-fixtures.js';
import { runCli } from '../support/cli.js';

const cli = (...args: string[]) => runCli(args);

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('shopsim synthesize, then shopsim export sft', () => {
  it('turns human traces into valid fine-tuning files, with and without rationales', async () => {
    let n = 0;
    server = await startFakeOpenAIServer({
      fallback: () => ({ content: `"I take step ${++n} because it gets me closer to my goal."` }),
    });
    const human = await copyHumanFixtures();
    const work = await tempDir();
    const synthesized = path.join(work, 'synthesized');

    const syn = await cli(
      'synthesize',
      '--human',
      human,
      '--model',
      'openai:fake-model',
      '--base-url',
      server.baseUrl,
      '--concurrency',
      '2',
      '--out',
      synthesized,
      '--json',
    );
    expect(syn.stderr).toBe('');
    expect(syn.code).toBe(0);
    const summary = JSON.parse(syn.stdout);
    expect(summary).toMatchObject({ synthesized: 19, kept: 1, failed: 0, run_dir: synthesized });
    expect(summary.report.markdown).toBe(path.join(synthesized, 'synthesize-report.md'));
    expect(server.completions.every((c) => c.model === 'fake-model')).toBe(true);
    const traces = await readTraces(synthesized);
    expect(traces.flatMap((t) => t.steps).every((s) => s.rationale)).toBe(true);

    for (const [format, rationales] of [
      ['openai', true],
      ['messages', false],
    ] as const) {
      const out = path.join(work, `sft-${format}`);
      const args = ['export', 'sft', '--human', synthesized, '--format', format, '--out', out];
      if (!rationales) args.push('--no-rationale');
      const exp = await cli(...args, '--seed', '3', '--history-pages', '2', '--json');
      expect(exp.stderr).toBe('');
      expect(exp.code).toBe(0);
      const result = JSON.parse(exp.stdout);
      expect(result).toMatchObject({ sessions: 5, steps: 20, rationales, format, seed: 3 });
      expect((await readdir(out)).sort()).toEqual([
        'sft-report.json',
        'sft-report.md',
        'test.jsonl',
        'train.jsonl',
        'validation.jsonl',
      ]);
      let records = 0;
      for (const split of ['train', 'validation', 'test']) {
        const checked = await checkSftFile(path.join(out, `${split}.jsonl`), format, rationales);
        records += checked.length;
        for (const r of checked) {
          if (rationales) expect(r.answer.rationale).toMatch(/^I /);
          // the current page and at most the 2 latest earlier pages in full
          const full = r.messages[1]!.content.split('```html').length - 1;
          expect(full).toBeGreaterThanOrEqual(1);
          expect(full).toBeLessThanOrEqual(3);
        }
      }
      expect(records).toBe(20);
    }
  });

  it('export warns about steps without a rationale and suggests synthesize', async () => {
    const out = path.join(await tempDir(), 'sft');
    const result = await cli('export', 'sft', '--human', await copyHumanFixtures(), '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/19 step\(s\) in 5 session\(s\) have no rationale/);
    expect(result.stderr).toMatch(/shopsim synthesize/);
    // only the one self-reported rationale makes an example; the other steps are left out
    expect(result.stdout).toMatch(
      /Exported 1 step example\(s\) of 1 session\(s\) as openai with rationales/,
    );
  });

  it('synthesize exits 1 when steps failed, and says how to fill them in', async () => {
    const work = await tempDir();
    const script = path.join(work, 'script.json');
    await writeFile(script, JSON.stringify({ 'carol-2026-03-02T21-40#1': null, '*': 'I go on.' }));
    const human = path.join(await copyHumanFixtures(), 'carol-2026-03-02T21-40.jsonl');
    const out = path.join(work, 'run');
    const result = await cli(
      'synthesize',
      '--human',
      human,
      '--model',
      `scripted:${script}`,
      '--out',
      out,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Rationales: 2 synthesized, 0 kept, 1 failed');
    expect(result.stdout).toContain(`Run synthesize again with --human ${out}`);
    expect(result.stderr).toContain('carol-2026-03-02T21-40: 2 synthesized, 0 kept, 1 failed');

    // a second pass over the output fills in only the missing step
    await writeFile(script, JSON.stringify({ '*': 'I look at the product first.' }));
    const again = await cli(
      'synthesize',
      '--human',
      out,
      '--model',
      `scripted:${script}`,
      '--out',
      path.join(work, 'run2'),
      '--json',
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ kept: 2, failed: 0, synthesized: 1 });
    const [trace] = await readTraces(path.join(work, 'run2'));
    expect(trace!.steps.map((s) => s.rationale)).toEqual([
      'I go on.',
      'I look at the product first.',
      'I go on.',
    ]);
  });

  it('gives clear usage errors', async () => {
    const human = await copyHumanFixtures();
    const bad = async (...args: string[]) => {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      return r.stderr;
    };
    expect(await bad('synthesize', '--human', human)).toMatch(/give --model for the rationales/);
    expect(await bad('synthesize', '--human', human, '--model', 'random')).toMatch(
      /cannot explain one/,
    );
    expect(await bad('export', 'sft', '--human', human, '--format', 'csv')).toMatch(
      /--format csv: use openai or messages/,
    );
    expect(await bad('export', 'sft', '--human', human, '--split', '0.5,0.2')).toMatch(
      /three non-negative fractions/,
    );
    expect(await bad('export', 'sft', '--human', human, '--split', '0.5,0.2,0.2')).toMatch(
      /add up to 0.9/,
    );
    expect(await bad('export', 'sft', '--human', human, '--history-pages', '-1')).toMatch(
      /--history-pages/,
    );
  });
});
