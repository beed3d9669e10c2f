import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelSource } from '../../src/agent/model-source.js';
import { OrderGuard } from '../../src/guard/orders.js';
import { ScriptedModel } from '../../src/models/scripted.js';
import { runSessionLoop, type SessionLoopOptions } from '../../src/session/loop.js';
import { readTraceFile } from '../../src/traces/reader.js';
import { TraceWriter } from '../../src/traces/writer.js';
import { FakeSession, TINY_SHOP } from '../support/fake-session.js';

const say = (action: Record<string, unknown>) => ({ rationale: 'because', action });
const FUNNEL = [
  say({ type: 'type_and_submit', name: 'search.query_input', text: 'mug' }),
  say({ type: 'click', name: 'results.item_1.title_link' }),
  say({ type: 'click', name: 'product_form.buy_now' }),
];

async function run(origin: string, extra: Partial<SessionLoopOptions>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-guard-loop-'));
  const writer = await TraceWriter.create(path.join(dir, 'session.jsonl'), {
    session_id: 'guard-loop',
    source: 'simulated',
    site: origin,
    started_at: new Date().toISOString(),
  });
  const session = new FakeSession(TINY_SHOP, '/', origin);
  const model = new ScriptedModel(FUNNEL);
  const summary = await runSessionLoop({
    open: () => Promise.resolve(session),
    source: modelSource({ model, persona: null, maxAttempts: 2, historyPages: 1 }),
    writer,
    maxSteps: 10,
    ...extra,
  });
  return { summary, session, trace: await readTraceFile(writer.file) };
}

describe('the session loop with the live-site guard', () => {
  it('does not click the order button of a non-loopback shop, and ends as a purchase not placed', async () => {
    const { summary, session, trace } = await run('http://shop.test', {
      orderGuard: new OrderGuard([]),
    });
    expect(session.executed.map((a) => a.type)).toEqual(['type_and_submit', 'click']);
    expect(summary.outcome).toBe('purchase');
    expect(summary.orderId).toBeNull();
    expect(summary.notPlaced).toMatch(
      /product_form\.buy_now \("Buy now"\) would place an order on shop\.test/,
    );
    expect(trace.steps.at(-1)!.result).toMatchObject({ ok: false, error: summary.notPlaced });
    expect(trace.end).toMatchObject({ outcome: 'purchase', not_placed: true });
  });

  it('places the order on loopback and on --allow-orders-on hosts', async () => {
    for (const [origin, hosts] of [
      ['http://127.0.0.1:8080', []],
      ['http://shop.test', ['shop.test']],
    ] as const) {
      const { summary, trace } = await run(origin, { orderGuard: new OrderGuard(hosts) });
      expect(summary).toMatchObject({ outcome: 'purchase', orderId: 'ORD-1', notPlaced: null });
      expect(trace.end?.not_placed).toBeUndefined();
    }
  });

  it('paces the actions: recorded step times are at least --min-step-interval apart', async () => {
    const interval = 150;
    const { trace } = await run('http://127.0.0.1:8080', { minStepIntervalMs: interval });
    const times = trace.steps.map((s) => Date.parse(s.time));
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(interval);
    }
  });
});
