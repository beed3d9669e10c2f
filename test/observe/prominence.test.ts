import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../sites/shop/catalog/generate.js';
import { startShop, type RunningShop } from '../../sites/shop/server.js';
import { launchBrowser } from '../../src/browser/launch.js';
import { openSession } from '../../src/browser/session.js';
import { drawnWeakly } from '../../src/models/heuristic/design.js';
import type { ObservedElement } from '../../src/observe/observation.js';
import { contrastRatio, deltaE, parseColor } from '../../src/observe/prominence.js';

const rgb = (value: string) => parseColor(value)!;

describe('colour arithmetic', () => {
  it('reads computed colours and gives WCAG contrast ratios', () => {
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgb(255 216 20 / 50%)')).toEqual({ r: 255, g: 216, b: 20, a: 0.5 });
    expect(parseColor('oklch(0.7 0.1 200)')).toBeNull();
    expect(contrastRatio(rgb('rgb(0, 0, 0)'), rgb('rgb(255, 255, 255)'))).toBeCloseTo(21, 5);
    // #767676 is the lightest grey that passes 4.5:1 on white
    expect(contrastRatio(rgb('rgb(118, 118, 118)'), rgb('rgb(255, 255, 255)'))).toBeCloseTo(
      4.54,
      2,
    );
    expect(deltaE(rgb('rgb(255, 255, 255)'), rgb('rgb(255, 255, 255)'))).toBe(0);
    // a saturated yellow button on white is a shape of its own though its luminance contrast is low
    const yellow = rgb('rgb(255, 216, 20)');
    expect(contrastRatio(yellow, rgb('rgb(255, 255, 255)'))).toBeLessThan(1.5);
    expect(deltaE(yellow, rgb('rgb(255, 255, 255)'))).toBeGreaterThan(50);
  });
});

describe('prominence in a browser observation (bundled shop)', () => {
  let browser: Browser;
  let shop: RunningShop;
  const product = generateCatalog(1).products.find((p) => p.stock > 0)!;
  beforeAll(async () => {
    [browser, shop] = await Promise.all([launchBrowser(), startShop({ port: 0, seed: 1 })]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  async function buyButtons(variant: string): Promise<Record<string, ObservedElement>> {
    const session = await openSession(browser, {
      startUrl: `${shop.url}/product/${product.id}?variant=${variant}`,
    });
    const { elements } = await session.observe();
    await session.close();
    const pick = (name: string) => elements.find((e) => e.name === name)!;
    return {
      add: pick('product_form.add_to_cart'),
      buy: pick('product_form.buy_now'),
      search: pick('site_header.search_form.search_products_input'),
    };
  }

  it('measures the buy buttons: filled and clear in a, large in b, faint outlines in faint-cta', async () => {
    const a = await buyButtons('a');
    expect(a.add.prominence).toMatchObject({ filled: true, height: 40 });
    expect(a.add.prominence!.contrast).toBeGreaterThan(10);
    expect(drawnWeakly(a.add)).toBe(false);
    const b = await buyButtons('b');
    expect(b.buy.prominence!.height).toBeGreaterThan(a.buy.prominence!.height);
    const faint = await buyButtons('faint-cta');
    for (const el of [faint.add, faint.buy]) {
      expect(el.prominence).toMatchObject({ filled: false });
      expect(el.prominence!.contrast).toBeLessThan(3);
      expect(el.prominence!.height).toBeLessThan(24);
      expect(drawnWeakly(el)).toBe(true);
    }
    // fields carry none: the eye is drawn to buttons and links
    expect(a.search.prominence).toBeNull();
  });
});
