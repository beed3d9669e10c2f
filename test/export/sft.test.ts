import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesizeRationales } from '../../src/synthesize/synthesize.js';
import { createRationaleWriter } from '../../src/synthesize/writer.js';
import { exportSft, type SftExportOptions } from '../../src/export/sft.js';
import { DEFAULT_SPLIT } from '../../src/export/sft-split.js';
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
    maxFullPages: null,
    seed: 1,
    split: DEFAULT_SPLIT,
    missingRationale: 'mask',
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
  it('writes one valid openai conversation per session, with the human actions and rationales', async () => {
    const summary = await run();
    expect(summary).toMatchObject({ sessions: 5, steps: 20, skipped_sessions: [] });
    expect(summary.missing_rationales).toEqual({ steps: 0, sessions: 0 });
    const records = await allRecords(summary.out, 'openai', true);
    expect(records).toHaveLength(5);

    const traces = await readTraces(explained);
    const actions = records.map((r) => JSON.stringify(r.answers.map((a) => a.action))).sort();
    expect(actions).toEqual(traces.map((t) => JSON.stringify(t.steps.map((s) => s.action))).sort());
    const carol = records.find((r) => r.messages[0]!.content.includes('Carol, 27'))!;
    const carolTrace = bySession(traces).get('carol-2026-03-02T21-40')!;
    expect(carol.answers.map((a) => a.rationale)).toEqual(carolTrace.steps.map((s) => s.rationale));
    // the simulator's own prompt: rules + persona in the system turn, the page in user turns
    expect(carol.messages[0]!.content).toContain('Replace my worn-out everyday sneakers.');
    expect(carol.messages[0]!.content).toContain('{"rationale":');
    expect(carol.messages[1]!.content).toContain('<input name="nav_bar.search_input"');
    expect(carol.messages[1]!.content).toContain('- nav_bar.search_input (text_input');
    expect(carol.messages[3]!.content).toContain('Title: Search: sneakers | Trailhead Outfitters');
    expect(carol.messages.every((m) => m.weight === undefined)).toBe(true);
  });

  it('--no-rationale: assistant turns hold the action only and no turn asks for a rationale', async () => {
    const summary = await run({ rationales: false, format: 'messages' });
    const records = await allRecords(summary.out, 'messages', false);
    expect(records).toHaveLength(5);
    for (const r of records) {
      expect(r.messages.map((m) => m.content).join('\n')).not.toMatch(/rationale/i);
      expect(r.messages[0]!.content).toContain('{"action": {<one action>}}');
    }
    expect(records.map((r) => r.id).sort()).toEqual(
      (await readTraces(explained)).map((t) => t.header.session_id).sort(),
    );
    const dan = records.find((r) => r.id === 'dan-2026-03-03T12-05')!;
    expect(dan.userId).toBeNull();
    expect(dan.answers.at(-1)).toEqual({ action: { type: 'terminate' } });
  });

  it('masks or skips steps without a rationale', async () => {
    const masked = await run({ human: SYNTH_HUMAN });
    expect(masked.missing_rationales).toEqual({ steps: 19, sessions: 5 });
    const records = await allRecords(masked.out, 'openai', true);
    const assistant = records.flatMap((r) => r.messages.filter((m) => m.role === 'assistant'));
    expect(assistant.filter((m) => m.weight === 0)).toHaveLength(19);
    const kept = assistant.filter((m) => m.weight === undefined);
    expect(kept.map((m) => JSON.parse(m.content).rationale)).toEqual([
      'I wanted to see whether people said they run small before picking a size.',
    ]);
    expect(masked.trained_tokens.total).toBe(
      masked.examples.reduce((n, e) => n + e.trained_tokens, 0),
    );

    const skipped = await run({ human: SYNTH_HUMAN, missingRationale: 'skip' });
    expect(skipped.sessions).toBe(0);
    expect(skipped.skipped_sessions).toHaveLength(5);
  });

  it('caps the context: only the last k pages in full, older ones as URL + title', async () => {
    const summary = await run({ maxFullPages: 2, format: 'messages' });
    const records = await allRecords(summary.out, 'messages', true);
    const alice = records.find((r) => r.id === 'alice-2026-03-01T10-00')!;
    const users = alice.messages.filter((m) => m.role === 'user').map((m) => m.content);
    expect(users).toHaveLength(7);
    expect(users.map((u) => u.includes('```html'))).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(users[0]).toContain('Page: Home | Trailhead Outfitters (http://127.0.0.1:4173/)');
    expect(users[0]).toContain('Full page omitted');
    expect(users[6]).toContain('<button name="checkout.place_order">Place order</button>');

    const none = await run({ maxFullPages: 0 });
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
    const alices = a.examples.filter((e) => e.split_key === 'user:user-alice');
    expect(alices).toHaveLength(2);
    expect(a.examples.find((e) => e.id.startsWith('dan'))!.split_key).toBe('persona:dan');
    const counted = a.splits.train.examples + a.splits.validation.examples + a.splits.test.examples;
    expect(counted).toBe(5);
    const users = a.splits.train.users + a.splits.validation.users + a.splits.test.users;
    expect(users).toBe(4);

    const trainOnly = await run({ split: { train: 1, validation: 0, test: 0 } });
    expect(trainOnly.splits.train.examples).toBe(5);
    expect(await readFile(path.join(trainOnly.out, 'test.jsonl'), 'utf8')).toBe('');
  });

  it('counts tokens per example with min / median / max / total', async () => {
    const summary = await run();
    const counts = summary.examples.map((e) => e.tokens);
    expect(counts.every((n) => n > 200)).toBe(true);
    expect(summary.tokens.total).toBe(counts.reduce((x, y) => x + y, 0));
    expect(summary.tokens.min).toBe(Math.min(...counts));
    expect(summary.tokens.max).toBe(Math.max(...counts));
    const sorted = [...counts].sort((x, y) => x - y);
    expect(summary.tokens.median).toBe(sorted[2]);
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
