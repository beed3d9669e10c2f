import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelSource } from '../../src/agent/model-source.js';
import { ScriptedModel, type ScriptedResponse } from '../../src/models/scripted.js';
import { TraceSource } from '../../src/replay/trace-source.js';
import type { ActionSource } from '../../src/session/action-source.js';
import { INTERRUPTED, runSessionLoop } from '../../src/session/loop.js';
import { PrefixSource } from '../../src/session/prefix-source.js';
import { readTraceFile } from '../../src/traces/reader.js';
import type { TraceStep } from '../../src/traces/schema.js';
import { TraceWriter } from '../../src/traces/writer.js';
import { FakeSession, TINY_SHOP, type FakePage } from '../support/fake-session.js';

const say = (action: Record<string, unknown>, rationale = 'because') => ({ rationale, action });
const click = (name: string) => say({ type: 'click', name });

async function writer(): Promise<TraceWriter> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-loop-'));
  return TraceWriter.create(path.join(dir, 'session.jsonl'), {
    session_id: 'loop-test',
    source: 'simulated',
    site: 'http://shop.test',
    started_at: new Date().toISOString(),
  });
}

async function run(
  source: ActionSource,
  options: {
    maxSteps?: number;
    pages?: Record<string, FakePage>;
    signal?: AbortSignal;
    settleMs?: number;
  } = {},
) {
  const session = new FakeSession(options.pages ?? TINY_SHOP);
  session.settleMs = options.settleMs;
  const trace = await writer();
  const summary = await runSessionLoop({
    open: () => Promise.resolve(session),
    source,
    writer: trace,
    maxSteps: options.maxSteps ?? 10,
    signal: options.signal,
  });
  return {
    summary,
    session,
    trace: await readTraceFile(trace.file),
    text: await readFile(trace.file, 'utf8'),
  };
}

const model = (responses: ScriptedResponse[]) => new ScriptedModel(responses);
const fromModel = (m: ScriptedModel, maxAttempts = 3) =>
  modelSource({ model: m, persona: null, maxAttempts, historyPages: 1 });

describe('the session loop with a model as its source', () => {
  it('buys through the funnel and stops on the confirmation page with the order id', async () => {
    const m = model([
      say({ type: 'type_and_submit', name: 'search.query_input', text: 'mug' }),
      click('results.item_1.title_link'),
      click('product_form.buy_now'),
    ]);
    const { summary, trace, session } = await run(fromModel(m));
    expect(summary).toMatchObject({ outcome: 'purchase', steps: 3, orderId: 'ORD-1', error: null });
    expect(trace.end).toMatchObject({ outcome: 'purchase', steps: 3, order_id: 'ORD-1' });
    expect(trace.steps.map((s) => s.url)).toEqual([
      'http://shop.test/',
      'http://shop.test/search',
      'http://shop.test/product',
    ]);
    expect(trace.steps[2]!.result).toMatchObject({
      ok: true,
      url_after: 'http://shop.test/order/ORD-1',
    });
    expect(session.closed).toBe(true);
    expect(m.requests.map((r) => r.history.length)).toEqual([0, 1, 2]);
  });

  it('feeds an answer naming a missing element back, and takes the corrected one', async () => {
    const m = model([
      click('results.item_9.title_link'),
      click('results.item_1.title_link'),
      say({ type: 'terminate' }),
    ]);
    const { summary, trace } = await run(fromModel(m));
    expect(summary.outcome).toBe('terminate');
    expect(m.requests[1]!.feedback).toHaveLength(1);
    expect(JSON.stringify(m.requests[1]!.feedback)).toContain('results.item_9.title_link');
    expect(trace.steps[0]!.usage).toMatchObject({ attempts: 2 });
  });

  it('ends with outcome error, keeping the trace, when every attempt is invalid', async () => {
    const { summary, trace } = await run(fromModel(model(['not json', 'still not', '{}']), 3));
    expect(summary.outcome).toBe('error');
    expect(summary.error).toMatch(/no valid action in 3 attempt/);
    expect(trace.end).toMatchObject({ outcome: 'error', steps: 0 });
  });

  it("records the browser's refusal as the step's error and shows it in the next request", async () => {
    const m = model([click('promo.banner_link'), say({ type: 'terminate' })]);
    const { summary, trace } = await run(fromModel(m));
    expect(summary).toMatchObject({ outcome: 'terminate', steps: 2 });
    expect(trace.steps[0]!.result).toMatchObject({
      ok: false,
      error: expect.stringContaining('covered'),
    });
    expect(m.requests[1]!.history[0]!.error).toContain('covered');
  });

  it('records how long each action took in the browser, and its settle wait', async () => {
    const m = model([
      click('promo.banner_link'),
      click('results.item_1.title_link'),
      say({ type: 'terminate' }),
    ]);
    const { trace } = await run(fromModel(m), { settleMs: 7 });
    const [refused, clicked] = trace.steps.map((s) => s.result!);
    // a refused action was timed too; only a finished one reports a settle wait
    expect(refused).toMatchObject({ ok: false, execute_ms: expect.any(Number), settle_ms: null });
    expect(clicked).toMatchObject({ ok: true, execute_ms: expect.any(Number), settle_ms: 7 });
  });

  it('stops at max steps', async () => {
    const loop = Array.from({ length: 5 }, () => click('promo.banner_link'));
    const { summary, trace } = await run(fromModel(model(loop)), { maxSteps: 3 });
    expect(summary).toMatchObject({ outcome: 'max_steps', steps: 3 });
    expect(trace.end).toMatchObject({ outcome: 'max_steps', steps: 3 });
  });

  it('stops before the next step when interrupted, and says so in the end line', async () => {
    const interrupt = new AbortController();
    const m = model([click('promo.banner_link'), click('promo.banner_link')]);
    const source = fromModel(m);
    const { summary, trace } = await run(
      { next: (c) => source.next(c), done: () => interrupt.abort() },
      { signal: interrupt.signal },
    );
    expect(summary).toMatchObject({ outcome: 'interrupted', steps: 1, error: INTERRUPTED });
    expect(trace.end?.error).toBe(INTERRUPTED);
    expect(m.remaining).toBe(1);
  });

  it('ends when the page closes the tab', async () => {
    const m = model([click('results.item_1.title_link'), click('nav.close_tab')]);
    const { summary, session } = await run(fromModel(m));
    expect(summary).toMatchObject({ outcome: 'terminate', steps: 2 });
    expect(session.observations).toBe(2);
  });

  it('never writes a card number the model typed, in the action, the raw answer or the rationale', async () => {
    const card = '4242 4242 4242 4242';
    const m = model([
      click('results.item_1.title_link'),
      say(
        { type: 'type_and_submit', name: 'pay.card_number_input', text: card },
        `I type my card ${card}`,
      ),
      say({ type: 'terminate' }, 'done'),
    ]);
    const { trace, text } = await run(fromModel(m));
    expect(trace.steps[1]!.action).toMatchObject({ text: '[redacted]' });
    expect(text).not.toContain('4242');
  });
});

describe('the session loop with recorded steps as its source', () => {
  const recorded = async (responses: ScriptedResponse[]): Promise<TraceStep[]> =>
    (await run(fromModel(model(responses)))).trace.steps;

  it('replays a trace, skipping a step whose element is gone, and reports every step', async () => {
    const steps = await recorded([
      click('results.item_1.title_link'),
      click('product_form.buy_now'),
    ]);
    const changed: Record<string, FakePage> = {
      ...TINY_SHOP,
      '/product': { ...TINY_SHOP['/product']!, elements: [{ name: 'product_form.add_to_cart' }] },
    };
    const source = new TraceSource(steps, 'continue');
    const { summary, session } = await run(source, { pages: changed, maxSteps: steps.length + 1 });
    expect(source.report().map((r) => r.status)).toEqual(['ok', 'name_missing']);
    expect(session.executed).toHaveLength(1);
    expect(summary).toMatchObject({ outcome: 'terminate', steps: 2 });
  });

  it('stops after the first divergence when told to', async () => {
    const steps = await recorded([
      click('promo.banner_link'),
      click('results.item_1.title_link'),
      say({ type: 'terminate' }),
    ]);
    const source = new TraceSource(steps, 'stop');
    const { summary } = await run(source, { maxSteps: steps.length + 1 });
    expect(source.report().map((r) => r.status)).toEqual(['action_failed', 'not_run', 'not_run']);
    expect(summary).toMatchObject({ outcome: 'error', steps: 1 });
    expect(summary.error).toMatch(/diverged at step 0/);
  });

  it('continues a recorded prefix with a model, from where the prefix can no longer be followed', async () => {
    const steps = await recorded([click('results.item_1.title_link'), click('nav.close_tab')]);
    const m = model([click('product_form.buy_now')]);
    const prefix = new PrefixSource(steps, 5, fromModel(m));
    const { summary, trace } = await run(prefix);
    // step 1 (close the tab) is taken from the recording, so the prefix ends there
    expect(trace.steps.map((s) => s.rationale_source)).toEqual(['model', 'model']);
    expect(summary.outcome).toBe('terminate');
    expect(prefix.replayed).toBe(2);

    const gone: Record<string, FakePage> = {
      ...TINY_SHOP,
      '/product': {
        ...TINY_SHOP['/product']!,
        elements: TINY_SHOP['/product']!.elements.slice(0, 1),
      },
    };
    const m2 = model([click('product_form.buy_now')]);
    const cut = new PrefixSource(steps, 5, fromModel(m2));
    const second = await run(cut, { pages: gone });
    expect(cut.replayed).toBe(1);
    expect(second.summary).toMatchObject({ outcome: 'purchase', steps: 2, orderId: 'ORD-1' });
    expect(m2.requests[0]!.history).toHaveLength(1);
  });
});
