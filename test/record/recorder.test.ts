import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { attributesOfNamed } from '../observe/dom.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type OpenedSite } from '../../src/cli/site.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { ObservedElement } from '../../src/observe/observation.js';
import { startRecording } from '../../src/record/record-session.js';
import { REDACTED } from '../../src/record/sensitive.js';
import { validatePath } from '../../src/traces/validate.js';
import { readTraceFile } from '../../src/traces/reader.js';
import type { Trace } from '../../src/traces/schema.js';
import { PREFILLED_CARD, shopLikeAPerson, TYPED_CARD, TYPED_CVC } from './shop-flow.js';

let work: string;
let shop: OpenedSite;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'shopsim-record-'));
  shop = await openSite('builtin', 'a', DEFAULT_CONFIG.seed); // with the shop's recipe, as the CLI
});
afterAll(async () => {
  await shop?.close();
  await rm(work, { recursive: true, force: true });
});

const element = (trace: Trace, step: number, name: string): ObservedElement | undefined =>
  trace.steps[step]!.observation.elements.find((e) => e.name === name);

describe('record', () => {
  it('turns a person shopping into the simulator actions, with the page before each action', async () => {
    const recording = await startRecording({
      startUrl: shop.startUrl,
      variant: 'a',
      persona: null,
      recipe: shop.recipe,
      headless: true,
      browserPath: null,
      out: path.join(work, 'shop'),
      sessionId: 'person-1',
    });
    let expected;
    try {
      expected = await shopLikeAPerson(recording.browser.page);
    } catch (error) {
      await recording.stop();
      throw error;
    }
    const summary = await recording.stop();
    expect(summary).toMatchObject({ droppedEvents: 1, invalidMessages: 0, outcome: 'purchase' });
    expect(summary.orderId).toMatch(/^ORD-/);

    const trace = await readTraceFile(recording.file);
    expect(trace.header).toMatchObject({
      session_id: 'person-1',
      source: 'human',
      dataset: 'shopsim-record',
      variant: 'a',
    });
    expect(trace.steps.map((s) => s.action)).toEqual(expected);
    expect(expected[0]).toMatchObject({ name: expect.stringMatching(/search/) });
    expect(trace.end).toMatchObject({ outcome: 'purchase', steps: 10, dropped_events: 1 });

    // pre-action pages: where the person was, and what the page showed before acting
    const paths = trace.steps.map((s) => new URL(s.url).pathname);
    expect(paths).toEqual([
      '/',
      '/search',
      '/search',
      '/product/p0176',
      '/product/p0176',
      '/product/p0176',
      '/product/p0176',
      '/cart',
      '/checkout',
      expect.stringMatching(/^\/order\/ORD-/),
    ]);
    trace.steps.forEach((s) => expect(s.observation.url).toBe(s.url));
    const search = expected[0]!.type === 'type_and_submit' ? expected[0]!.name : '';
    expect(element(trace, 0, search)?.value ?? '').toBe(''); // before typing
    expect(trace.steps[1]!.observation.title).toBe('Results for "running shoes" | Cartwheel');
    expect(trace.steps[2]!.url).toMatch(/min=50&max=100/);
    expect(trace.steps[4]!.url).toMatch(/reviews_page=2/);
    const size = trace.steps[4]!.action.type === 'click' ? trace.steps[4]!.action.name : '';
    expect(element(trace, 4, size)).toMatchObject({ kind: 'radio', checked: false, text: '9' });
    expect(element(trace, 5, size)?.checked).toBe(true); // the page before "add to cart"
    expect(element(trace, 1, (expected[1] as { name: string }).name)?.text).toMatch(/50 to \$?100/);
    expect(trace.steps[7]!.observation.html).toContain('Velo Athletics Aerofoam 2');
    // every clicked name is on the page it was clicked on
    for (const step of trace.steps) {
      if (step.action.type === 'terminate') continue;
      expect(step.observation.elements.map((e) => e.name)).toContain(step.action.name);
    }

    // the card data the person typed (and the prefilled test card) never reach the file
    const text = await readFile(recording.file, 'utf8');
    for (const secret of [TYPED_CARD, TYPED_CARD.replace(/ /g, ''), PREFILLED_CARD]) {
      expect(text).not.toContain(secret);
    }
    const checkout = trace.steps[8]!.observation;
    const card = checkout.elements.find((e) => e.text.includes('Card number'));
    const cvc = checkout.elements.find((e) => e.text.includes('Security code'));
    expect(card?.value).toBe(REDACTED);
    expect(cvc?.value).toBe(REDACTED);
    expect(checkout.html).not.toContain(`value="${TYPED_CVC}"`);
    expect(attributesOfNamed(checkout.html, cvc!.name)?.['value']).toBe(REDACTED);

    const report = await validatePath(recording.dir);
    expect(report.issues).toEqual([]);
  }, 180_000);

  it('never records password or card values, whatever the markup', async () => {
    const page = pathToFileURL(path.join(import.meta.dirname, 'fixtures', 'secrets.html')).href;
    const recording = await startRecording({
      startUrl: page,
      variant: null,
      persona: null,
      recipe: null,
      headless: true,
      browserPath: null,
      out: path.join(work, 'secrets'),
      sessionId: 'secrets',
    });
    const p = recording.browser.page;
    try {
      await p.waitForLoadState('load');
      await p.click('#user');
      await p.keyboard.type('shopper@example.com');
      await p.click('#pw');
      await p.keyboard.type('hunter2-Secret!');
      await p.keyboard.press('Enter');
      await p.click('input[autocomplete="cc-number"]'); // no label, no telling name
      await p.keyboard.type('4000056655665556');
      await p.click('input[name="ccnum2"]');
      await p.keyboard.type('5105105105105100');
      await p.keyboard.press('Enter');
      await p.click('#sec');
      await p.keyboard.type('737');
      await p.click('#pay');
      await p.waitForSelector('#status:has-text("Paid")');
    } catch (error) {
      await recording.stop();
      throw error;
    }
    await recording.stop();
    const trace = await readTraceFile(recording.file);
    const actions = trace.steps.map((s) => s.action);
    expect(actions.map((a) => a.type)).toEqual([
      'type_and_submit',
      'type_and_submit',
      'click',
      'terminate',
    ]);
    expect(actions[0]).toMatchObject({ text: REDACTED });
    expect(actions[1]).toMatchObject({ text: REDACTED });
    const text = await readFile(recording.file, 'utf8');
    for (const secret of ['hunter2-Secret!', '4000056655665556', '4000 0566', '5105105105105100']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('value="737"');
    // the live preview echoed the card number into the page text: scrubbed there too
    expect(trace.steps[3]!.observation.html).toContain(`Card: ${REDACTED}`);
    expect(trace.steps[3]!.observation.html).toContain('Paid');
  }, 120_000);
});
