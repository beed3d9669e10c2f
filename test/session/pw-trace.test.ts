import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/action.js';
import { runSessionLoop } from '../../src/session/loop.js';
import {
  failedSession,
  pwTraceFile,
  pwTraceFor,
  stepGroupLabel,
} from '../../src/session/pw-trace.js';
import type { ActionSource } from '../../src/session/action-source.js';
import { TraceWriter } from '../../src/traces/writer.js';
import { FakeSession, TINY_SHOP } from '../support/fake-session.js';

/** A fake session that records the step groups it is asked to open and close. */
class GroupingSession extends FakeSession {
  readonly groups: string[] = [];
  beginStep(label: string): Promise<void> {
    this.groups.push(`begin ${label}`);
    return Promise.resolve();
  }
  endStep(): Promise<void> {
    this.groups.push('end');
    return Promise.resolve();
  }
}

function scripted(steps: { action: Action; rationale: string }[]): ActionSource {
  return {
    next: ({ index }) => {
      const step = steps[index];
      if (!step) return Promise.resolve({ kind: 'stop' });
      return Promise.resolve({
        kind: 'act',
        step: { ...step, rationaleSource: 'model' },
      });
    },
  };
}

async function loop(pwMode: 'on' | 'retain-on-failure', steps: Parameters<typeof scripted>[0]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-pwloop-'));
  const file = path.join(dir, 's-1.jsonl');
  const pwTrace = pwTraceFor(pwMode, file)!;
  await writeFile(pwTrace.file, 'zip'); // stands in for the zip the browser writes on close
  const session = new GroupingSession(TINY_SHOP);
  const writer = await TraceWriter.create(file, {
    session_id: 's-1',
    source: 'simulated',
    site: 'http://shop.test',
    started_at: new Date().toISOString(),
  });
  const summary = await runSessionLoop({
    open: () => Promise.resolve(session),
    source: scripted(steps),
    writer,
    maxSteps: 10,
    pwTrace,
  });
  return { summary, session, zip: pwTrace.file };
}

describe('Playwright trace of a session', () => {
  it('is named after the session trace', () => {
    expect(pwTraceFile('/runs/r/maya-1.jsonl')).toBe('/runs/r/maya-1.trace.zip');
    expect(pwTraceFile('/runs/r/maya-1.jsonl.gz')).toBe('/runs/r/maya-1.trace.zip');
    expect(pwTraceFor('off', '/runs/r/maya-1.jsonl')).toBeNull();
  });

  it('labels a step group with its number, action and rationale', () => {
    const label = stepGroupLabel(2, { type: 'click', name: 'cart.checkout' }, 'Time  to\npay.');
    expect(label).toBe('step 2: click cart.checkout — Time to pay.');
    expect(stepGroupLabel(0, { type: 'terminate' }, null)).toBe('step 0: terminate');
    expect(stepGroupLabel(0, { type: 'terminate' }, 'x'.repeat(900)).length).toBeLessThan(430);
  });

  it('counts a session failed unless it bought without a refused action', () => {
    expect(failedSession('purchase', 0)).toBe(false);
    expect(failedSession('purchase', 1)).toBe(true);
    for (const outcome of ['terminate', 'max_steps', 'error', 'interrupted'] as const) {
      expect(failedSession(outcome, 0)).toBe(true);
    }
  });

  it('opens one group per step around its action, and closes it', async () => {
    const { session, zip } = await loop('on', [
      { action: { type: 'click', name: 'results.item_1.title_link' }, rationale: 'A mug.' },
      { action: { type: 'terminate' }, rationale: 'Enough.' },
    ]);
    expect(session.groups).toEqual([
      'begin step 0: click results.item_1.title_link — A mug.',
      'end',
      'begin step 1: terminate — Enough.',
      'end',
    ]);
    expect(existsSync(zip)).toBe(true);
  });

  it('retain-on-failure drops the trace of a clean purchase and keeps a failed one', async () => {
    const bought = await loop('retain-on-failure', [
      { action: { type: 'click', name: 'results.item_1.title_link' }, rationale: 'A mug.' },
      { action: { type: 'click', name: 'product_form.buy_now' }, rationale: 'Buy it.' },
    ]);
    expect(bought.summary.outcome).toBe('purchase');
    expect(existsSync(bought.zip)).toBe(false);
    const refused = await loop('retain-on-failure', [
      { action: { type: 'click', name: 'promo.banner_link' }, rationale: 'A sale?' },
      { action: { type: 'click', name: 'results.item_1.title_link' }, rationale: 'A mug.' },
      { action: { type: 'click', name: 'product_form.buy_now' }, rationale: 'Buy it.' },
    ]);
    expect(refused.summary.outcome).toBe('purchase');
    expect(existsSync(refused.zip)).toBe(true);
  });
});
