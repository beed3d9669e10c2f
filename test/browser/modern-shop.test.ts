import { describe, expect, it } from 'vitest';
import { CONSENT_COOKIE, NEWSLETTER_COOKIE } from '../../sites/modern/client/consent.js';
import { HEADER_IDS } from '../../sites/modern/header-ids.js';
import { openSession, type BrowserSession } from '../../src/browser/session.js';
import { NAME_ATTRIBUTE, type Observation } from '../../src/observe/observation.js';
import { useModernShopInBrowser } from '../sites/modern/browser-setup.js';
import { nameOf } from './helpers.js';

const running = useModernShopInBrowser();

/**
 * A session on `path` for a visitor who already answered the cookie banner and saw the
 * newsletter offer, once the page has hydrated (the shop ignores clicks until then).
 */
async function open(path: string, consented = true): Promise<BrowserSession> {
  const session = await openSession(running.browser, {
    startUrl: `${running.shop.url}/robots.txt`,
  });
  const cookies = [{ name: NEWSLETTER_COOKIE, value: '1', url: running.shop.url }];
  if (consented) cookies.push({ name: CONSENT_COOKIE, value: 'accepted', url: running.shop.url });
  await session.context.addCookies(cookies);
  await session.page.goto(running.shop.url + path);
  await session.page.waitForSelector('html[data-hydrated="true"]');
  await session.page.waitForSelector('main[aria-busy="false"]');
  return session;
}

const names = (o: Observation): string[] => o.elements.map((e) => e.name);
/** The name the last observation gave the search icon (its text is screen-reader only). */
const searchIcon = (s: BrowserSession): Promise<string | null> =>
  s.page.getAttribute(`[id="${HEADER_IDS.searchButton}"]`, NAME_ATTRIBUTE);
const texts = (o: Observation): string[] => o.elements.map((e) => e.text);
const cartCount = (s: BrowserSession): Promise<string | null> =>
  s.page.locator('[data-cart-count]').first().textContent();

describe('BrowserSession on the modern shop', () => {
  it('offers a card’s hover-revealed add-to-cart; the click adds it and the next observation shows the drawer', async () => {
    const session = await open('/collections/audio');
    const listing = await session.observe();
    const adds = listing.elements.filter((e) => e.text === 'Add to cart');
    expect(adds.length).toBeGreaterThan(3);
    const icon = (await searchIcon(session))!;
    expect(names(listing)).toContain(icon);
    const result = await session.execute({ type: 'click', name: adds[0]!.name });
    expect(result.settled).toBe(true);
    // observed right after the click: no stale page
    const after = await session.observe();
    expect(await cartCount(session)).toBe('1');
    expect(after.html).toContain('<h2>Your cart (1)</h2>');
    expect(after.html).toContain('Added ');
    const drawer = session.page.getByRole('dialog', { name: /Your cart/ });
    const checkout = await drawer
      .getByRole('button', { name: 'Checkout' })
      .getAttribute(NAME_ATTRIBUTE);
    const close = await drawer
      .getByRole('button', { name: 'Close cart' })
      .getAttribute(NAME_ATTRIBUTE);
    expect(names(after)).toEqual(expect.arrayContaining([checkout, close]));
    // the drawer covers the page: header and product controls are not offered while it is open
    expect(await searchIcon(session)).toBeNull();
    expect(names(after)).not.toContain(icon);
    const inDrawer = await drawer
      .locator(`[${NAME_ATTRIBUTE}]`)
      .evaluateAll((els, attr) => els.map((el) => el.getAttribute(attr)), NAME_ATTRIBUTE);
    expect(names(after).filter((n) => !inDrawer.includes(n))).toEqual([]);
    await session.execute({ type: 'click', name: close! });
    const closed = await session.observe();
    expect(names(closed)).toContain(icon);
    await session.close();
  });

  it('finds the search box behind the magnifier icon after clicking it, and searches', async () => {
    const session = await open('/');
    const home = await session.observe();
    expect(home.elements.some((e) => e.text.includes('Search products'))).toBe(false);
    const icon = (await searchIcon(session))!;
    expect(names(home)).toContain(icon);
    await session.execute({ type: 'click', name: icon });
    const opened = await session.observe();
    const box = nameOf(opened, (e) => e.kind === 'text_input' && e.text.includes('Search'));
    const result = await session.execute({
      type: 'type_and_submit',
      name: box,
      text: 'headphones',
    });
    expect(result.urlAfter).toMatch(/\/search\?q=headphones$/);
    const results = await session.observe();
    expect(results.html).toContain('Results for “headphones”');
    await session.close();
  });

  it('offers the cookie banner’s answers and not the controls it covers', async () => {
    const session = await open('/collections/audio', false);
    const page = await session.observe();
    expect(texts(page)).toEqual(expect.arrayContaining(['Accept all', 'Reject all']));
    // every offered control has a reachable point above the banner (or lies below the fold)
    const banner = (await session.page.getByRole('dialog', { name: /privacy/ }).boundingBox())!;
    const boxes = await session.page.$$eval('[data-shopsim-name]', (els) =>
      els.map((el) => ({
        inBanner: !!el.closest('[role="dialog"]'),
        ...el.getBoundingClientRect().toJSON(),
      })),
    );
    for (const b of boxes.filter((x) => !x.inBanner && x.top < 900)) {
      expect(b.top < banner.y || b.top > 900).toBe(true);
    }
    expect(boxes.some((b) => !b.inBanner && b.top > 900)).toBe(true); // below the fold: reachable
    await session.close();
  });
});
