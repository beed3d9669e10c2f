import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop } from '../../sites/shop/server.js';
import { INTERRUPTED, runSession } from '../../src/agent/run-session.js';
import { launchBrowser } from '../../src/browser/launch.js';
import { openSession } from '../../src/browser/session.js';
import { formatFeedbackEntry } from '../../src/models/feedback.js';
import { ScriptedModel, type ScriptedResponse } from '../../src/models/scripted.js';
import { readTraceFile } from '../../src/traces/reader.js';
import { TRACE_SCHEMA_VERSION } from '../../src/traces/schema.js';
import { TraceWriter } from '../../src/traces/writer.js';
import { loadTestPersona } from '../support/model-fixtures.js';

let browser: Browser;
let shop: Awaited<ReturnType<typeof startShop>>;
let fixtureServer: Server;
let fixtureUrl: string;

/** A page whose only button is covered by an overlay: clicking it fails in the browser. */
const COVERED_PAGE = `<!doctype html><title>Covered</title><main><h1>Deal</h1>
<button id="buy" aria-label="Buy deal">Buy deal</button>
<div style="position:fixed;inset:0;background:rgba(0,0,0,.4)">Please wait</div></main>`;

beforeAll(async () => {
  browser = await launchBrowser();
  shop = await startShop({ port: 0, variant: 'a', seed: 1 });
  fixtureServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(COVERED_PAGE);
  });
  await new Promise<void>((r) => fixtureServer.listen(0, '127.0.0.1', r));
  fixtureUrl = `http://127.0.0.1:${(fixtureServer.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await new Promise((r) => fixtureServer?.close(r));
});

const answer = (action: Record<string, unknown>, rationale = 'step') => ({ rationale, action });

async function run(
  responses: ScriptedResponse[],
  options: {
    startUrl?: string;
    maxAttempts?: number;
    maxSteps?: number;
    /** Aborts the session's signal after this many recorded steps. */
    interruptAfter?: number;
  } = {},
) {
  const interrupt = new AbortController();
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-agent-'));
  const file = path.join(dir, 'session.jsonl');
  const model = new ScriptedModel(responses);
  const writer = await TraceWriter.create(file, {
    kind: 'header',
    schema_version: TRACE_SCHEMA_VERSION,
    session_id: 'agent-test',
    run_id: null,
    source: 'simulated',
    dataset: null,
    user_id: null,
    persona: loadTestPersona(),
    site: shop.url,
    variant: 'a',
    model: model.id,
    seed: 1,
    started_at: new Date().toISOString(),
    shopsim_version: 'test',
    replay_of: null,
  });
  const summary = await runSession({
    openSession: (startUrl, recipe, timeoutMs) =>
      openSession(browser, { startUrl, recipe, timeoutMs }),
    startUrl: options.startUrl ?? shop.url,
    recipe: null,
    persona: loadTestPersona(),
    model,
    writer,
    maxSteps: options.maxSteps ?? 12,
    maxAttempts: options.maxAttempts ?? 3,
    historyPages: 1,
    timeoutMs: 10_000,
    signal: interrupt.signal,
    onStep: (index) => {
      if (index + 1 === options.interruptAfter) interrupt.abort();
    },
  });
  return { summary, model, trace: await readTraceFile(file) };
}

describe('agent loop with the scripted model', () => {
  it('buys through the whole funnel, and the order is in the shop log', async () => {
    const { summary, trace } = await run([
      answer({
        type: 'type_and_submit',
        name: 'site_header.search_form.search_products_input',
        text: 'running shoes',
      }),
      answer({ type: 'click', name: 'search_results.p0232.title_link' }),
      answer({ type: 'click', name: 'product_form.size.8' }),
      answer({ type: 'click', name: 'product_form.add_to_cart' }),
      answer({ type: 'click', name: 'site_header.cart' }),
      answer({ type: 'click', name: 'order_summary.proceed_form.proceed_to_checkout' }),
      answer({ type: 'click', name: 'checkout_form.place_order' }),
    ]);
    expect(summary.error).toBeNull();
    expect(summary.outcome).toBe('purchase');
    expect(summary.steps).toBe(7);
    expect(trace.end?.outcome).toBe('purchase');
    expect(trace.steps.every((s) => s.result?.ok)).toBe(true);
    // Payment fields are prefilled on checkout; their values never reach the trace.
    const checkout = trace.steps[6]!.observation;
    expect(checkout.elements.some((e) => /card_number/.test(e.name))).toBe(true);
    expect(JSON.stringify(checkout)).not.toMatch(/4242\s?4242|\b4111\s?1111/);
    const orders = (await (await fetch(new URL('/api/orders', shop.url))).json()) as {
      orderId: string;
      total: number;
    }[];
    expect(orders.map((o) => o.orderId)).toContain(summary.orderId);
  });

  it('ends on terminate', async () => {
    const { summary, trace } = await run([answer({ type: 'terminate' }, 'Nothing for me.')]);
    expect(summary.outcome).toBe('terminate');
    expect(trace.steps.map((s) => s.action)).toEqual([{ type: 'terminate' }]);
    expect(trace.steps[0]!.rationale).toBe('Nothing for me.');
  });

  it('feeds invalid answers back and recovers', async () => {
    const { summary, model, trace } = await run([
      'I think I will look around first.',
      answer({ type: 'click', name: 'product_form.add_to_cart' }),
      answer({ type: 'terminate' }),
    ]);
    expect(summary.outcome).toBe('terminate');
    expect(trace.steps[0]!.usage?.attempts).toBe(3);
    expect(model.requests[1]!.feedback.map(formatFeedbackEntry).join('\n')).toMatch(/JSON|json/);
    expect(model.requests[2]!.feedback.map(formatFeedbackEntry).join('\n')).toMatch(
      /product_form\.add_to_cart/,
    );
  });

  it('ends with an error, keeping the trace, when every attempt is invalid', async () => {
    const { summary, trace } = await run(['garbage', '{"rationale": "x"}'], { maxAttempts: 2 });
    expect(summary.outcome).toBe('error');
    expect(summary.error).toMatch(/no valid action in 2 attempt/);
    expect(trace.end?.outcome).toBe('error');
    expect(trace.steps).toHaveLength(0);
  });

  it('feeds a browser failure to the next step instead of stopping', async () => {
    const { summary, model, trace } = await run(
      [answer({ type: 'click', name: 'buy_deal' }), answer({ type: 'terminate' })],
      { startUrl: fixtureUrl },
    );
    const names = model.requests[0]!.observation.elements.map((e) => e.name);
    expect(names).toContain('buy_deal');
    expect(summary.outcome).toBe('terminate');
    expect(trace.steps[0]!.result?.ok).toBe(false);
    expect(trace.steps[0]!.result?.error).toMatch(/buy_deal/);
    expect(model.requests[1]!.history[0]!.error).toBe(trace.steps[0]!.result?.error);
  });

  it('stops at max steps', async () => {
    const { summary } = await run(
      [
        answer({ type: 'click', name: 'categories.shoes' }),
        answer({ type: 'click', name: 'categories.kitchen' }),
      ],
      { maxSteps: 2 },
    );
    expect(summary.outcome).toBe('max_steps');
    expect(summary.steps).toBe(2);
  });

  it('stops before the next step when interrupted, and ends the trace saying so', async () => {
    const { summary, model, trace } = await run(
      [
        answer({ type: 'click', name: 'categories.shoes' }),
        answer({ type: 'click', name: 'categories.kitchen' }),
      ],
      { interruptAfter: 1 },
    );
    expect(summary.outcome).toBe('error');
    expect(summary.error).toBe(INTERRUPTED);
    expect(model.requests).toHaveLength(1);
    expect(trace.steps.map((s) => s.action)).toEqual([{ type: 'click', name: 'categories.shoes' }]);
    expect(trace.end).toMatchObject({ outcome: 'interrupted', steps: 1, error: INTERRUPTED });
  });
});
