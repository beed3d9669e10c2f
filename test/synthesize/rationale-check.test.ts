import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/action.js';
import { ScriptedChat } from '../../src/models/scripted-chat.js';
import { ChatRationaleWriter } from '../../src/synthesize/chat-writer.js';
import { cleanRationale } from '../../src/synthesize/clean.js';
import { rationaleProblem } from '../../src/synthesize/rationale-check.js';
import { explainStep, rationaleRequest } from '../../src/synthesize/step.js';
import { synthesizeRationales } from '../../src/synthesize/synthesize.js';
import { readTraceFile, readTraces } from '../../src/traces/reader.js';
import { SYNTH_HUMAN, tempDir } from './synth-fixtures.js';

const CLICK: Action = { type: 'click', name: 'search_results.item_3.title_link' };
const problemOf = (raw: string): string | null => rationaleProblem(cleanRationale(raw), raw, CLICK);

/** Answers that are not a shopper's reason, as writers really give them. */
const NON_RATIONALES = [
  'Sure!',
  'Certainly.',
  'As an AI, I do not shop, but the user probably liked the product.',
  "I'm sorry, I can't help with that.",
  '(not recorded)',
  'N/A',
  'Picked at random (chance baseline).',
  '',
  '   ',
  '{"action": {"type": "click", "name": "search_results.item_3.title_link"}}',
  '[1, 2, 3]',
  'click search_results.item_3.title_link',
  'search_results.item_3.title_link',
  'The shopper opens the product because it matches the query.',
  'To compare.',
  'I buy.',
];

describe('rationale check', () => {
  it('rejects answers that are not a first-person rationale', () => {
    for (const raw of NON_RATIONALES) expect(problemOf(raw), JSON.stringify(raw)).not.toBeNull();
  });

  it('accepts first-person reasons, also wrapped in JSON or a preamble', () => {
    for (const raw of [
      'I open this one because it is the cheapest trail shoe in my size.',
      '{"rationale": "I want to read the reviews before I buy."}',
      'Rationale: My budget is tight, so I check the price first.',
      "We need a bigger pot for the family, so I'm adding this one.",
    ])
      expect(problemOf(raw), raw).toBeNull();
  });
});

async function carolTrace() {
  return readTraceFile(path.join(SYNTH_HUMAN, 'carol-2026-03-02T21-40.jsonl'));
}

describe('explainStep with a scripted chat model', () => {
  it('retries a rejected answer, telling the model why, until a rationale comes', async () => {
    const chat = new ScriptedChat([
      'Sure!',
      'As an AI language model, I cannot know the shopper.',
      '{"action": {"type": "terminate"}}',
      'I open the first result because it matches what I searched for.',
    ]);
    const writer = new ChatRationaleWriter(chat, { examples: [], htmlBudget: 1000 });
    const sentence = await explainStep(writer, rationaleRequest(await carolTrace(), 1), 5);
    expect(sentence).toBe('I open the first result because it matches what I searched for.');
    const users = chat.requests.map((r) => r.messages[1]!.content);
    expect(users).toHaveLength(4);
    expect(users[0]).not.toContain('could not be used');
    expect(users[1]).toContain('could not be used');
    expect(users[1]).toContain('"Sure!"');
    expect(users[3]).toContain('As an AI language model');
    expect(users[3]).toContain('JSON without a rationale');
    expect(users[3]).toContain('one first-person sentence');
  });

  it('gives up after the bounded attempts with every reason in the error', async () => {
    const chat = new ScriptedChat({ '*': 'Sure!' });
    const writer = new ChatRationaleWriter(chat, { examples: [], htmlBudget: 1000 });
    await expect(explainStep(writer, rationaleRequest(await carolTrace(), 1), 3)).rejects.toThrow(
      /no first-person rationale in 3 attempt\(s\).*1: .*"Sure!".*3: /,
    );
    expect(chat.requests).toHaveLength(3);
  });
});

describe('synthesize with non-rationale answers', () => {
  it('leaves the step without a rationale, reports it, and writes no junk into the traces', async () => {
    const bad = 'carol-2026-03-02T21-40#2';
    const fallback = 'alice-2026-03-01T10-00#0';
    const chat = new ScriptedChat({
      [bad]: 'Sure! Here you go.',
      [fallback]: '(not recorded)',
      '*': 'I do this because it brings me closer to what I came for.',
    });
    const writer = new ChatRationaleWriter(chat, { examples: [], htmlBudget: 1000 });
    const out = path.join(await tempDir(), 'run');
    const summary = await synthesizeRationales({
      human: SYNTH_HUMAN,
      writer,
      concurrency: 1,
      maxAttempts: 2,
      out,
    });
    expect(summary).toMatchObject({ steps: 20, kept: 1, synthesized: 17, failed: 2 });
    expect(summary.failures.map((f) => `${f.session_id}#${f.step}`).sort()).toEqual(
      [bad, fallback].sort(),
    );
    expect(chat.requests.filter((r) => r.key === bad)).toHaveLength(2);
    const steps = (await readTraces(out)).flatMap((t) =>
      t.steps.map((s) => ({ key: `${t.header.session_id}#${s.index}`, step: s })),
    );
    for (const key of [bad, fallback]) {
      const step = steps.find((s) => s.key === key)!.step;
      expect(step.rationale).toBeNull();
      expect(step.rationale_source).not.toBe('synthesized');
    }
    const written = steps.map((s) => s.step.rationale ?? '').join('\n');
    expect(written).not.toMatch(/Sure!|not recorded/);
  });
});
