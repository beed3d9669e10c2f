import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.js';
import { openSession, type BrowserSession } from '../../src/browser/session.js';
import { startShop, type RunningShop } from '../../sites/shop/server.js';

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

/**
 * Observes the page, then maps each named control to an identity that does not depend on the
 * simplifier: the product card it sits in, its tag, form name/value and href. Returns key -> name.
 */
async function namesByIdentity(session: BrowserSession): Promise<Map<string, string>> {
  const observation = await session.observe();
  const pairs = await session.page.evaluate(() =>
    [...document.querySelectorAll('[data-shopsim-name]')].map((el) => {
      const card = el.closest('[data-product-id]')?.getAttribute('data-product-id') ?? '';
      const key = [
        card,
        el.tagName.toLowerCase(),
        el.getAttribute('name') ?? '',
        el.getAttribute('value') ?? '',
        el.getAttribute('href') ?? '',
        el.tagName === 'BUTTON' ? (el.textContent ?? '').trim() : '',
      ].join('|');
      return [key, el.getAttribute('data-shopsim-name')!] as [string, string];
    }),
  );
  expect(pairs.map(([, name]) => name).sort()).toEqual(
    observation.elements.map((e) => e.name).sort(),
  );
  return new Map(pairs);
}

async function observeIn(path: string): Promise<Map<string, string>> {
  const session = await openSession(browser, { startUrl: shop.url + path });
  try {
    return await namesByIdentity(session);
  } finally {
    await session.close();
  }
}

/** The controls both pages have, with the name each gave them; fails on any disagreement. */
function sharedControls(a: Map<string, string>, b: Map<string, string>): Map<string, string> {
  const shared = new Map<string, string>();
  const disagreements: string[] = [];
  for (const [key, name] of a) {
    if (!b.has(key)) continue;
    if (b.get(key) !== name) disagreements.push(`${key}: ${name} vs ${b.get(key)}`);
    shared.set(key, name);
  }
  expect(disagreements).toEqual([]);
  return shared;
}

const count = (names: Map<string, string>, pattern: RegExp) =>
  [...names.values()].filter((n) => pattern.test(n)).length;

describe('semantic names are stable', () => {
  it('on a 48-result search page: in two fresh contexts and after a reload', async () => {
    const first = await observeIn('/search?q=shoes');
    expect(await observeIn('/search?q=shoes')).toEqual(first);
    const session = await openSession(browser, { startUrl: shop.url + '/search?q=shoes' });
    const before = await namesByIdentity(session);
    await session.page.reload();
    expect(await namesByIdentity(session)).toEqual(before);
    expect(before).toEqual(first);
    await session.close();
  });

  it('across variants a and b, for the controls both show', async () => {
    const a = await observeIn('/search?q=shoes&variant=a');
    const b = await observeIn('/search?q=shoes&variant=b');
    const shared = sharedControls(a, b);
    // the search box, every result's title link and add-to-cart button are among them
    expect([...shared.keys()].some((k) => k.includes('|input|q|'))).toBe(true);
    expect(count(shared, /title_link$/)).toBe(48);
    expect(count(shared, /add_to_cart$/)).toBe(48);

    const productA = await observeIn('/product/p0222?variant=a');
    const productB = await observeIn('/product/p0222?variant=b');
    const sharedProduct = sharedControls(productA, productB);
    expect(
      [...sharedProduct.keys()].filter((k) => k.includes('|input|') && /\|opt_/.test(k)).length,
    ).toBeGreaterThan(3);
    expect(count(sharedProduct, /add_to_cart$/)).toBe(1);
  });
});
