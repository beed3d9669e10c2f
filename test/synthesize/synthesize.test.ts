import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { synthesizeRationales } from '../../src/synthesize/synthesize.js';
import { loadThinkAloudExamples } from '../../src/synthesize/examples.js';
import { createRationaleWriter, type RationaleWriter } from '../../src/synthesize/writer.js';
import { readRunInfo } from '../../src/traces/run.js';
import { readTraces } from '../../src/traces/reader.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../support/openai-server.js';
import { bySession, copyHumanFixtures, snapshot, tempDir } from './synth-fixtures.js';

let server: FakeOpenAIServer | null = null;
let writer: RationaleWriter | null = null;
afterEach(async () => {
  await writer?.close();
  await server?.close();
  writer = null;
  server = null;
});

async function openaiWriter(fallback: (n: number) => string): Promise<FakeOpenAIServer> {
  let n = 0;
  server = await startFakeOpenAIServer({ fallback: () => ({ content: fallback(n++) }) });
  writer = await createRationaleWriter('openai:fake-model', {
    examples: await loadThinkAloudExamples(),
    htmlBudget: 4000,
    baseUrl: server.baseUrl,
    env: {},
  });
  return server;
}

describe('synthesizeRationales with an OpenAI-compatible server', () => {
  it('explains every step lacking a rationale, keeps self-reported ones, leaves the input alone', async () => {
    const human = await copyHumanFixtures();
    const before = await snapshot(human);
    const srv = await openaiWriter(
      (n) => `Rationale: "I do step ${n} because it fits my plan." Extra.`,
    );
    const out = path.join(await tempDir(), 'run');

    const summary = await synthesizeRationales({
      human,
      writer: writer!,
      concurrency: 3,
      maxAttempts: 2,
      out,
    });

    expect(summary).toMatchObject({ sessions: 5, steps: 20, kept: 1, synthesized: 19, failed: 0 });
    expect(srv.completions).toHaveLength(19);
    expect(await snapshot(human)).toEqual(before);
    expect((await readRunInfo(out)).kind).toBe('synthesize');

    const input = bySession(await readTraces(human));
    const output = await readTraces(out);
    expect(output.map((t) => t.header.session_id).sort()).toEqual([...input.keys()].sort());
    for (const trace of output) {
      const original = input.get(trace.header.session_id)!;
      expect(trace.header.run_id).toBe(summary.run_id);
      expect(trace.header.source).toBe('human');
      expect(trace.header.persona).toEqual(original.header.persona);
      expect(trace.end).toEqual(original.end);
      for (const [i, step] of trace.steps.entries()) {
        const old = original.steps[i]!;
        expect(step.action).toEqual(old.action);
        expect(step.observation).toEqual(old.observation);
        if (old.rationale_source === 'self_reported') {
          expect(step.rationale).toBe(old.rationale);
          expect(step.rationale_source).toBe('self_reported');
        } else {
          expect(step.rationale_source).toBe('synthesized');
          expect(step.rationale).toMatch(/^I do step \d+ because it fits my plan\.$/);
        }
      }
    }
  });

  it('sends the action the human took, the page and the think-aloud examples', async () => {
    const human = await copyHumanFixtures();
    const srv = await openaiWriter(() => 'I want to see the details.');
    const examples = await loadThinkAloudExamples();
    await synthesizeRationales({
      human: path.join(human, 'carol-2026-03-02T21-40.jsonl'),
      writer: writer!,
      concurrency: 1,
      maxAttempts: 1,
      out: path.join(await tempDir(), 'run'),
    });
    expect(srv.completions).toHaveLength(3);
    const [search, click, buy] = srv.completions.map((c) => c.messages);
    expect(search![0]!.role).toBe('system');
    expect(search![0]!.content).toContain(examples[0]!.rationale);
    expect(search![1]!.content).toContain(
      'Action the shopper took on this page: type_and_submit nav_bar.search_input "sneakers"',
    );
    expect(search![1]!.content).toContain('Replace my worn-out everyday sneakers.');
    expect(click![1]!.content).toContain('click search_results.item_3.title_link');
    expect(click![1]!.content).toContain('Target element: link "City Walk Sneaker"');
    expect(click![1]!.content).toContain('type_and_submit nav_bar.search_input "sneakers"'); // history
    expect(buy![1]!.content).toContain('<button name="product_form.buy_now">Buy now</button>');
  });

  it('counts failed steps, leaves them without a rationale, and retries unusable answers', async () => {
    const human = await copyHumanFixtures();
    // step answers in order: usable, unusable then usable, then HTTP 400 (not retried by the SDK)
    server = await startFakeOpenAIServer({
      replies: [
        { content: 'I start with a search.' },
        { content: 'Rationale:' },
        { content: 'I sort by price to see the cheap ones.' },
        { status: 400, error: 'context length exceeded' },
      ],
    });
    writer = await createRationaleWriter('openai:fake-model', {
      examples: await loadThinkAloudExamples(),
      htmlBudget: 4000,
      baseUrl: server.baseUrl,
      env: {},
    });
    const summary = await synthesizeRationales({
      human: path.join(human, 'alice-2026-03-04T19-30.jsonl'),
      writer,
      concurrency: 1,
      maxAttempts: 2,
      out: path.join(await tempDir(), 'run'),
    });
    expect(summary).toMatchObject({ steps: 3, synthesized: 2, failed: 1, kept: 0 });
    expect(summary.failures[0]).toMatchObject({ step: 2 });
    expect(summary.failures[0]!.message).toMatch(/HTTP 400.*context length exceeded/);
    const [trace] = await readTraces(summary.run_dir);
    expect(trace!.steps.map((s) => s.rationale)).toEqual([
      'I start with a search.',
      'I sort by price to see the cheap ones.',
      null,
    ]);
    expect(trace!.steps[2]!.rationale_source).toBeNull();
  });

  it('stops early when the backend fails every call', async () => {
    server = await startFakeOpenAIServer({ fallback: { status: 404, error: 'no such model' } });
    writer = await createRationaleWriter('openai:missing', {
      examples: await loadThinkAloudExamples(),
      htmlBudget: 4000,
      baseUrl: server.baseUrl,
      env: {},
    });
    await expect(
      synthesizeRationales({
        human: await copyHumanFixtures(),
        writer,
        concurrency: 2,
        maxAttempts: 1,
        out: path.join(await tempDir(), 'run'),
      }),
    ).rejects.toThrow(/first 5 rationale calls all failed.*HTTP 404/);
    expect(server.completions.length).toBeLessThan(10);
  });
});

describe('other rationale writers', () => {
  it('scripted: canned answers keyed by session and step, cleaned like a model answer', async () => {
    const dir = await tempDir();
    const script = path.join(dir, 'script.json');
    await writeFile(
      script,
      JSON.stringify({
        'bob-2026-03-02T08-15#0': '"I search for boots for my trip."',
        'bob-2026-03-02T08-15#1': null,
        '*': 'I keep going.',
      }),
    );
    writer = await createRationaleWriter(`scripted:${script}`, {
      examples: [],
      htmlBudget: 1000,
    });
    const summary = await synthesizeRationales({
      human: path.join(await copyHumanFixtures(), 'bob-2026-03-02T08-15.jsonl'),
      writer,
      concurrency: 2,
      maxAttempts: 1,
      out: path.join(dir, 'run'),
    });
    expect(summary).toMatchObject({ synthesized: 3, failed: 1 });
    const [trace] = await readTraces(summary.run_dir);
    expect(trace!.steps.map((s) => s.rationale)).toEqual([
      'I search for boots for my trip.',
      null,
      'I keep going.',
      'I keep going.',
    ]);
  });

  it('heuristic: a template sentence from the action and the element text', async () => {
    writer = await createRationaleWriter('heuristic', { examples: [], htmlBudget: 1000 });
    const summary = await synthesizeRationales({
      human: path.join(await copyHumanFixtures(), 'alice-2026-03-01T10-00.jsonl'),
      writer,
      concurrency: 1,
      maxAttempts: 1,
      out: path.join(await tempDir(), 'run'),
    });
    expect(summary).toMatchObject({ synthesized: 6, kept: 1, failed: 0 });
    const [trace] = await readTraces(summary.run_dir);
    const r = trace!.steps.map((s) => s.rationale!);
    expect(r[0]).toContain('"trail running shoes"');
    expect(r[0]).toContain('find trail running shoes under $100');
    expect(r[1]).toMatch(/opening "Trail Runner 2"/);
    expect(r[3]).toMatch(/choosing "Blue"/);
    expect(r[4]).toMatch(/"Add to cart" to put it in my cart/);
    expect(r[6]).toMatch(/"Place order" because I've decided/);
  });

  it('rejects specs that cannot explain an action, and bad output folders', async () => {
    const options = { examples: [], htmlBudget: 1000 };
    await expect(createRationaleWriter('random', options)).rejects.toBeInstanceOf(UsageError);
    await expect(createRationaleWriter('gpt-4', options)).rejects.toThrow(/unknown model spec/);
    await expect(createRationaleWriter('openai:', options)).rejects.toThrow(/openai:<model>/);
    writer = await createRationaleWriter('heuristic', options);
    const human = await copyHumanFixtures();
    await expect(
      synthesizeRationales({ human, writer, concurrency: 1, maxAttempts: 1, out: human }),
    ).rejects.toThrow(/inside the input/);
  });

  it('skips traces that are not human', async () => {
    const human = await copyHumanFixtures();
    const file = path.join(human, 'dan-2026-03-03T12-05.jsonl');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"source":"human"', '"source":"simulated"'));
    writer = await createRationaleWriter('heuristic', { examples: [], htmlBudget: 1000 });
    const summary = await synthesizeRationales({
      human,
      writer,
      concurrency: 2,
      maxAttempts: 1,
      out: path.join(await tempDir(), 'run'),
    });
    expect(summary.sessions).toBe(4);
    expect(summary.skipped_sessions).toEqual([
      { file, reason: 'source is "simulated"; synthesize explains human steps only' },
    ]);
  });
});
