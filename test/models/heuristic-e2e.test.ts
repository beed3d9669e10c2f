import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.js';
import { openSession, type BrowserSession } from '../../src/browser/session.js';
import { decide } from '../../src/models/decide.js';
import { createHeuristicModel } from '../../src/models/heuristic.js';
import type { HistoryStep } from '../../src/models/model.js';
import type { Observation } from '../../src/observe/observation.js';
import type { Persona } from '../../src/persona.js';
import { startShop, type RunningShop, type ShopOrder } from '../../sites/shop/server.js';
import { persona } from './heuristic/helpers.js';

const MAX_STEPS = 30;

/** Budget-compatible shoppers; the persona files are another part's, these are inline. */
const SHOPPERS: Persona[] = [
  persona({
    id: 'runner',
    intent: 'I need a new pair of trail running shoes for weekend hikes, under $150.',
    budget: 150,
    background: 'Wears size 9.',
    shopping_style: { patience: 'low' },
  }),
  persona({
    id: 'hiker',
    intent: 'Looking for a waterproof rain jacket.',
    budget: 200,
    shopping_style: { thoroughness: 'high' },
  }),
  persona({
    id: 'barista',
    intent: 'I want a coffee grinder under $80.',
    budget: 80,
    shopping_style: { patience: 'high', price_sensitivity: 'high' },
  }),
];

async function observe(session: BrowserSession): Promise<Observation> {
  try {
    return await session.observe();
  } catch {
    // A navigation started by the previous action may still be replacing the page.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return session.observe();
  }
}

/** The real loop: observe -> heuristic -> shared validation with feedback -> execute. */
async function shop(browser: Browser, url: string, p: Persona): Promise<HistoryStep[]> {
  const model = createHeuristicModel({ seed: 11 });
  const session = await openSession(browser, { startUrl: url });
  const history: HistoryStep[] = [];
  try {
    for (let i = 0; i < MAX_STEPS; i++) {
      const observation = await observe(session);
      const request = { persona: p, history, observation, feedback: [], historyPages: 1 };
      const step = await decide(model, request, { maxAttempts: 3 });
      let error: string | null = null;
      if (step.action.type !== 'terminate') {
        try {
          await session.execute(step.action);
        } catch (e) {
          error = (e as Error).message;
        }
      }
      history.push({ observation, rationale: step.rationale, action: step.action, error });
      if (step.action.type === 'terminate') break;
    }
  } finally {
    await session.close();
  }
  return history;
}

describe('heuristic model on the mock shop (real browser)', () => {
  let browser: Browser;
  let running: RunningShop;
  beforeAll(async () => {
    running = await startShop({ port: 0, seed: 1 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it.each(SHOPPERS.map((p) => [p.id, p] as const))(
    '%s finds a product within budget and places the order',
    async (_id, p) => {
      const before = (await (await fetch(`${running.url}/api/orders`)).json()) as ShopOrder[];
      const history = await shop(browser, `${running.url}/`, p);
      const trail = history.map(
        (h) => `${h.observation.url} ${JSON.stringify(h.action)} ${h.rationale} ${h.error ?? ''}`,
      );

      const orders = (await (await fetch(`${running.url}/api/orders`)).json()) as ShopOrder[];
      expect(orders.length, trail.join('\n')).toBe(before.length + 1);
      const order = orders[orders.length - 1]!;
      expect(order.items).toHaveLength(1);
      expect(order.subtotal).toBeLessThanOrEqual(p.budget!);
      if (p.background.includes('size 9')) expect(order.items[0]!.options['Size']).toBe('9');

      const last = history[history.length - 1]!;
      expect(last.action).toEqual({ type: 'terminate' });
      expect(last.rationale).toMatch(/order is placed/);
      expect(history.every((h) => h.rationale && !h.rationale.includes('\n'))).toBe(true);
      if (p.shopping_style.thoroughness === 'high') {
        expect(history.some((h) => h.rationale?.includes('other buyers say'))).toBe(true);
      }
    },
  );

  it('a shopper whose budget nothing fits leaves without ordering and says why', async () => {
    const before = (await (await fetch(`${running.url}/api/orders`)).json()) as ShopOrder[];
    const broke = persona({
      id: 'broke',
      intent: 'I want a laptop, must be under $40.',
      budget: 40,
    });
    const history = await shop(browser, `${running.url}/`, broke);
    const last = history[history.length - 1]!;
    expect(last.action).toEqual({ type: 'terminate' });
    expect(last.rationale).toMatch(/\$40 budget/);
    const after = (await (await fetch(`${running.url}/api/orders`)).json()) as ShopOrder[];
    expect(after.length).toBe(before.length);
  });

  it('a browse-only shopper looks at a few products and never buys', async () => {
    const before = (await (await fetch(`${running.url}/api/orders`)).json()) as ShopOrder[];
    const browsing = persona({
      id: 'window',
      goal: 'browse',
      budget: null,
      intent: 'Just browsing yoga mats.',
      shopping_style: { patience: 'medium' },
    });
    const history = await shop(browser, `${running.url}/`, browsing);
    const products = new Set(
      history
        .map((h) => new URL(h.observation.url).pathname)
        .filter((u) => u.startsWith('/product/')),
    );
    expect(products.size).toBeGreaterThanOrEqual(2);
    expect(history[history.length - 1]!.action).toEqual({ type: 'terminate' });
    expect(
      history.some((h) => /add_to_cart|buy_now|place_order/.test(JSON.stringify(h.action))),
    ).toBe(false);
    const after = (await (await fetch(`${running.url}/api/orders`)).json()) as ShopOrder[];
    expect(after.length).toBe(before.length);
  });
});
