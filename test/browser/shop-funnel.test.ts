import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../src/action.js';
import { launchBrowser } from '../../src/browser/launch.js';
import { openSession, type BrowserSession, type ExecuteResult } from '../../src/browser/session.js';
import type { Observation, ObservedElement } from '../../src/observe/observation.js';
import { startShop, type RunningShop, type ShopOrder } from '../../sites/shop/server.js';
import { nameOf } from './helpers.js';

let browser: Browser;
let shop: RunningShop;

beforeAll(async () => {
  [browser, shop] = await Promise.all([
    launchBrowser(),
    startShop({ port: 0, variant: 'a', seed: 1 }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

/** The shopper's loop: act by name only, then look at the page again. */
async function step(
  session: BrowserSession,
  action: Action,
): Promise<{ result: ExecuteResult; page: Observation }> {
  const result = await session.execute(action);
  return { result, page: await session.observe() };
}

const click = (name: string): Action => ({ type: 'click', name });

/** One enabled, in-stock choice per option group (groups are the names' parent paths). */
function optionChoices(page: Observation): string[] {
  const groups = new Map<string, ObservedElement[]>();
  for (const e of page.elements) {
    if (e.kind !== 'radio' || !e.name.startsWith('buy_box.')) continue;
    const group = e.name.slice(0, e.name.lastIndexOf('.'));
    groups.set(group, [...(groups.get(group) ?? []), e]);
  }
  return [...groups.values()].map(
    (options) => options.find((o) => !o.disabled && !/out of stock/i.test(o.text))!.name,
  );
}

describe('the mock shop funnel, driven only by semantic names', () => {
  it('search -> filter -> product -> options -> cart -> checkout -> order', async () => {
    const session = await openSession(browser, { startUrl: shop.url });
    let page = await session.observe();

    const search = nameOf(page, (e) => e.kind === 'text_input' && /search/i.test(e.text));
    ({ page } = await step(session, {
      type: 'type_and_submit',
      name: search,
      text: 'running shoes',
    }));
    expect(new URL(page.url).pathname).toBe('/search');
    expect(new URL(page.url).searchParams.get('q')).toBe('running shoes');

    const brand = page.elements.find((e) => e.kind === 'checkbox' && e.name.includes('brand'))!;
    const brandName = brand.text.replace(/\s*\(\d+\)$/, '');
    let filtered = await step(session, click(brand.name));
    if (!filtered.result.navigated) {
      const apply = nameOf(filtered.page, (e) => e.kind === 'button' && /apply/i.test(e.text));
      filtered = await step(session, click(apply));
    }
    page = filtered.page;
    expect(page.url).toMatch(/[?&]brand=/);
    const titles = page.elements.filter((e) => e.name.endsWith('.title_link'));
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title.text.startsWith(brandName)).toBe(true);

    ({ page } = await step(session, click(titles[0]!.name)));
    expect(new URL(page.url).pathname).toMatch(/^\/product\/p\d{4}$/);
    const productId = new URL(page.url).pathname.split('/')[2];

    for (const option of optionChoices(page)) {
      ({ page } = await step(session, click(option)));
      expect(page.elements.find((e) => e.name === option)?.checked).toBe(true);
    }
    const addToCart = nameOf(page, (e) => e.kind === 'button' && /^add to cart$/i.test(e.text));
    ({ page } = await step(session, click(addToCart)));

    const cart = nameOf(
      page,
      (e) =>
        e.kind === 'link' && e.href?.endsWith('/cart') === true && e.name.startsWith('site_header'),
    );
    ({ page } = await step(session, click(cart)));
    expect(new URL(page.url).pathname).toBe('/cart');
    expect(page.html).toContain(titles[0]!.text.slice(0, 30));

    const checkout = nameOf(page, (e) => /checkout/i.test(e.text) && e.kind !== 'text_input');
    ({ page } = await step(session, click(checkout)));
    expect(new URL(page.url).pathname).toBe('/checkout');

    const placeOrder = nameOf(page, (e) => /place order/i.test(e.text));
    const placed = await step(session, click(placeOrder));
    expect(placed.result.navigated).toBe(true);
    page = placed.page;
    const orderId = /ORD-[A-Z0-9]{8}/.exec(page.html)?.[0];
    expect(orderId).toBeDefined();

    const orders = (await (await fetch(`${shop.url}/api/orders`)).json()) as ShopOrder[];
    const order = orders.find((o) => o.orderId === orderId);
    expect(order).toBeDefined();
    expect(order!.items.map((i) => i.productId)).toEqual([productId]);
    await session.close();
  });
});
