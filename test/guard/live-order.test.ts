import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop } from '../../sites/shop/server.js';
import { runSession } from '../../src/agent/run-session.js';
import { CHROMIUM_FLAGS, findBrowser } from '../../src/browser/launch.js';
import { openSession } from '../../src/browser/session.js';
import { OrderGuard } from '../../src/guard/orders.js';
import { ScriptedModel } from '../../src/models/scripted.js';
import { readTraceFile } from '../../src/traces/reader.js';
import { TraceWriter } from '../../src/traces/writer.js';
import { loadTestPersona } from '../support/model-fixtures.js';

/**
 * The bundled shop under a real non-loopback host name: Chromium resolves shop.example to
 * 127.0.0.1 (--host-resolver-rules), so the page's URL says http://shop.example:<port>/ exactly
 * as a live shop's would, while nothing leaves this machine.
 */
let browser: Browser;
let shop: Awaited<ReturnType<typeof startShop>>;

beforeAll(async () => {
  const location = findBrowser();
  [browser, shop] = await Promise.all([
    chromium.launch({
      executablePath: location.executablePath,
      ...(location.channel ? { channel: location.channel } : {}),
      args: [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP shop.example 127.0.0.1'],
    }),
    startShop({ port: 0, variant: 'a', seed: 1 }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const answer = (action: Record<string, unknown>) => ({ rationale: 'step', action });
const FUNNEL = [
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
];

async function buy(startUrl: string, allowOrdersOn: string[]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-live-order-'));
  const file = path.join(dir, 'session.jsonl');
  const writer = await TraceWriter.create(file, {
    session_id: 'live-order',
    source: 'simulated',
    site: startUrl,
    started_at: new Date().toISOString(),
  });
  const summary = await runSession({
    openSession: (url, recipe, timeoutMs) =>
      openSession(browser, { startUrl: url, recipe, timeoutMs }),
    startUrl,
    recipe: null,
    persona: loadTestPersona(),
    model: new ScriptedModel(FUNNEL),
    writer,
    maxSteps: 12,
    maxAttempts: 2,
    historyPages: 1,
    timeoutMs: 10_000,
    orderGuard: new OrderGuard(allowOrdersOn),
  });
  const orders = (await (await fetch(new URL('/api/orders', shop.url))).json()) as {
    orderId: string;
  }[];
  return { summary, trace: await readTraceFile(file), orders };
}

describe('orders on a host that is not loopback', () => {
  it('stop at the order button: the click is not made, the purchase is marked not placed', async () => {
    const before = (await (await fetch(new URL('/api/orders', shop.url))).json()) as unknown[];
    const { summary, trace, orders } = await buy(`http://shop.example:${shop.port}/`, []);
    expect(summary.error).toBeNull();
    expect(summary.outcome).toBe('purchase');
    expect(summary.notPlaced).toMatch(
      /^not placed \(live-site guard\): checkout_form\.place_order/,
    );
    expect(summary.notPlaced).toContain('--allow-orders-on shop.example');
    expect(orders).toHaveLength(before.length);
    const last = trace.steps.at(-1)!;
    expect(last.url).toBe(`http://shop.example:${shop.port}/checkout`);
    expect(last.action).toEqual({ type: 'click', name: 'checkout_form.place_order' });
    expect(last.result).toMatchObject({ ok: false, error: summary.notPlaced });
    expect(trace.end).toMatchObject({
      outcome: 'purchase',
      order_id: null,
      not_placed: true,
      not_placed_reason: summary.notPlaced,
    });
  });

  it('are placed on a host named with --allow-orders-on', async () => {
    const { summary, trace, orders } = await buy(`http://shop.example:${shop.port}/`, [
      'shop.example',
    ]);
    expect(summary).toMatchObject({ outcome: 'purchase', notPlaced: null });
    expect(orders.map((o) => o.orderId)).toContain(summary.orderId);
    expect(trace.end?.not_placed).toBeUndefined();
  });
});
