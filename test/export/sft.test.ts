import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeRationales } from '../../src/synthesize/synthesize.js';
import { createRationaleWriter } from '../../src/synthesize/writer.js';
import { exportSft, type SftExportOptions } from '../../src/export/sft.js';
import { DEFAULT_SPLIT, SPLIT_NAMES } from '../../src/export/sft-split.js';
import { readTraces } from '../../src/traces/reader.js';
import { checkSftFile } from './sft-check.js';
import { bySession, SYNTH_HUMAN, tempDir } from '../synthesize/synth-fixtures.js';

/** The fixtures with every step explained (template rationales: no model needed). */
let explained: string;
beforeAll(async () => {
  const writer = await createRationaleWriter('heuristic', { examples: [], htmlBudget: 1000 });
  const summary = await synthesizeRationales({
    human: SYNTH_HUMAN,
    writer,
    concurrency: 2,
    maxAttempts: 1,
    out: path.join(await tempDir(), 'explained'),
  });
  explained = summary.run_dir;
});

async function run(overrides: Partial<SftExportOptions> = {}) {
  return exportSft({
    human: explained,
    format: 'openai',
    rationales: true,
    historyPages: 100,
    seed: 1,
    split: DEFAULT_SPLIT,
    missingRationale: 'omit',
    out: path.join(await tempDir('shopsim-sft-'), 'out'),
    ...overrides,
  });
}

async function allRecords(out: string, format: 'openai' | 'messages', rationales: boolean) {
  const parts = await Promise.all(
    ['train', 'validation', 'test'].map((s) =>
      checkSftFile(path.join(out, `${s}.jsonl`), format, rationales),
    ),
  );
  return parts.flat();
}

describe('exportSft', () => {
  it('writes one valid openai example per step, with the human actions and rationales', async () => {
    const summary = await run();
    expect(summary).toMatchObject({ sessions: 5, steps: 20, skipped_sessions: [] });
    expect(summary.missing_rationales).toEqual({ steps: 0, sessions: 0 });
    const records = await allRecords(summary.out, 'openai', true);
    expect(records).toHaveLength(20);

    const traces = await readTraces(explained);
    const actions = records.map((r) => JSON.stringify(r.answer.action)).sort();
    expect(actions).toEqual(
      traces.flatMap((t) => t.steps.map((s) => JSON.stringify(s.action))).sort(),
    );
    const carol = records.filter((r) => r.messages[0]!.content.includes('Carol, 27'));
    const carolTrace = bySession(traces).get('carol-2026-03-02T21-40')!;
    expect(carol.map((r) => r.answer.rationale).sort()).toEqual(
      carolTrace.steps.map((s) => s.rationale).sort(),
    );
    // the simulator's own prompt: rules + persona in the system turn, history and page in the user turn
    const first = carol.find((r) => r.messages[1]!.content.includes('(step 1)'))!;
    expect(first.messages[0]!.content).toContain('Replace my worn-out everyday sneakers.');
    expect(first.messages[0]!.content).toContain('{"rationale":');
    expect(first.messages[1]!.content).toContain('<input name="nav_bar.search_input"');
    expect(first.messages[1]!.content).toContain('- nav_bar.search_input (text_input');
    const second = carol.find((r) => r.messages[1]!.content.includes('(step 2)'))!;
    expect(second.messages[1]!.content).toContain('Title: Search: sneakers | Trailhead Outfitters');
    expect(second.messages[1]!.content).toContain(`Your reason: ${carolTrace.steps[0]!.rationale}`);
  });

  it('--no-rationale: assistant turns hold the action only and no turn asks for a rationale', async () => {
    const summary = await run({ rationales: false, format: 'messages' });
    const records = await allRecords(summary.out, 'messages', false);
    expect(records).toHaveLength(20);
    for (const r of records) {
      expect(r.messages.map((m) => m.content).join('\n')).not.toMatch(/rationale/i);
      expect(r.messages[0]!.content).toContain('{"action": {<one action>}}');
    }
    const sessions = new Set(records.map((r) => r.id!.replace(/#\d+$/, '')));
    expect([...sessions].sort()).toEqual(
      (await readTraces(explained)).map((t) => t.header.session_id).sort(),
    );
    const dan = records.filter((r) => r.id!.startsWith('dan-2026-03-03T12-05#'));
    expect(dan.every((r) => r.userId === null)).toBe(true);
    const last = dan.sort((x, y) => x.id!.localeCompare(y.id!, 'en', { numeric: true })).at(-1)!;
    expect(last.answer).toEqual({ action: { type: 'terminate' } });
  });

  it('leaves out steps without a rationale, or their whole session', async () => {
    const omitted = await run({ human: SYNTH_HUMAN });
    expect(omitted.missing_rationales).toEqual({ steps: 19, sessions: 5 });
    const records = await allRecords(omitted.out, 'openai', true);
    expect(records.map((r) => r.answer.rationale)).toEqual([
      'I wanted to see whether people said they run small before picking a size.',
    ]);
    expect(omitted.trained_tokens.total).toBe(
      omitted.examples.reduce((n, e) => n + e.trained_tokens, 0),
    );

    const skipped = await run({ human: SYNTH_HUMAN, missingRationale: 'skip' });
    expect(skipped.sessions).toBe(0);
    expect(skipped.skipped_sessions).toHaveLength(5);
  });

  it('caps the context like the simulator: the last k earlier pages in full, older as URL + title', async () => {
    const summary = await run({ historyPages: 2, format: 'messages' });
    const records = await allRecords(summary.out, 'messages', true);
    const last = records.find((r) => r.id === 'alice-2026-03-01T10-00#6')!;
    const user = last.messages[1]!.content;
    expect(user.split('```html').length - 1).toBe(3);
    expect(user).toContain('Page: Home | Trailhead Outfitters (http://127.0.0.1:4173/)');
    expect(user).toContain('<button name="checkout.place_order">Place order</button>');

    const none = await run({ historyPages: 0 });
    const all = await run();
    expect(none.tokens.total).toBeLessThan(summary.tokens.total);
    expect(summary.tokens.total).toBeLessThan(all.tokens.total);
  });

  it('splits by user, deterministically for a seed, never putting one user in two splits', async () => {
    const a = await run({ seed: 7, format: 'messages' });
    const b = await run({ seed: 7, format: 'messages' });
    for (const s of ['train', 'validation', 'test']) {
      expect(await readFile(path.join(a.out, `${s}.jsonl`), 'utf8')).toBe(
        await readFile(path.join(b.out, `${s}.jsonl`), 'utf8'),
      );
    }
    const splitOf = new Map<string, string>();
    for (const e of a.examples) {
      const seen = splitOf.get(e.split_key);
      if (seen) expect(seen).toBe(e.split);
      splitOf.set(e.split_key, e.split);
    }
    const alices = new Set(
      a.examples.filter((e) => e.split_key === 'user:user-alice').map((e) => e.session_id),
    );
    expect(alices.size).toBe(2);
    expect(a.examples.find((e) => e.id.startsWith('dan'))!.split_key).toBe('persona:dan');
    const counted = a.splits.train.examples + a.splits.validation.examples + a.splits.test.examples;
    expect(counted).toBe(20);
    const users = a.splits.train.users + a.splits.validation.users + a.splits.test.users;
    expect(users).toBe(4);

    const trainOnly = await run({ split: { train: 1, validation: 0, test: 0 } });
    expect(trainOnly.splits.train.examples).toBe(20);
    expect(await readFile(path.join(trainOnly.out, 'test.jsonl'), 'utf8')).toBe('');
  });

  it('warns about every empty split and says why', async () => {
    const trainOnly = await run({ split: { train: 1, validation: 0, test: 0 } });
    expect(trainOnly.warnings).toHaveLength(2);
    expect(trainOnly.warnings[0]).toMatch(
      /^the validation split is empty \(.*validation\.jsonl\): its --split fraction is 0; /,
    );
    expect(trainOnly.warnings[1]).toMatch(/^the test split is empty/);
    // 4 users and a 1% validation share: no user is drawn into it
    const few = await run({ split: { train: 0.98, validation: 0.01, test: 0.01 } });
    expect(few.splits.validation.examples).toBe(0);
    expect(few.warnings.join('\n')).toMatch(
      /the validation split is empty .*none of the 4 user\(s\) was drawn into it \(fraction 0\.01\)/,
    );
    expect(
      await readFile(path.join(few.out, 'sft-report.md'), 'utf8').catch(() => null),
    ).toBeNull();
    const filled = await run({ seed: 7 });
    const empty = SPLIT_NAMES.filter((s) => filled.splits[s].examples === 0);
    expect(filled.warnings.map((w) => w.split(' ')[1])).toEqual(empty);
  });

  it('counts tokens per example with min / median / max / total', async () => {
    const summary = await run();
    const counts = summary.examples.map((e) => e.tokens);
    expect(counts.every((n) => n > 200)).toBe(true);
    expect(summary.tokens.total).toBe(counts.reduce((x, y) => x + y, 0));
    expect(summary.tokens.min).toBe(Math.min(...counts));
    expect(summary.tokens.max).toBe(Math.max(...counts));
    const sorted = [...counts].sort((x, y) => x - y);
    expect(summary.tokens.median).toBe((sorted[9]! + sorted[10]!) / 2);
    for (const e of summary.examples) expect(e.trained_tokens).toBeLessThan(e.tokens);
    expect(
      summary.splits.train.tokens.total +
        summary.splits.validation.tokens.total +
        summary.splits.test.tokens.total,
    ).toBe(summary.tokens.total);
  });

  it('refuses to overwrite an export or to write inside the input', async () => {
    const first = await run();
    await expect(run({ out: first.out })).rejects.toThrow(/already exists; choose a new --out/);
    await expect(run({ out: path.join(explained, 'sft') })).rejects.toThrow(/inside the input/);
  });
});
