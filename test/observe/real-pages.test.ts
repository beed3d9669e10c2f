import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.js';
import { NAME_ATTRIBUTE } from '../../src/observe/observation.js';
import {
  hasRealPages,
  listRealPages,
  loadRealPage,
  sampleRealPages,
  textHasPrice,
} from '../../src/observe/real-pages.js';
import { observeInBrowser, openStaticPage } from './browser.js';
import { namedInHtml } from './dom.js';

/**
 * Real third-party product pages. 8 pages by default; SHOPSIM_REAL_PAGES_COUNT=140 runs them all
 * and prints the size figures (simplified vs raw bytes vs Playwright ariaSnapshot).
 */
const COUNT = Number(process.env.SHOPSIM_REAL_PAGES_COUNT ?? 8);
const BUY = /add to (?:cart|bag|basket)|buy now/i;

interface Audit {
  visible: number;
  unnamed: string[];
  buyControls: number;
  buyUnnamed: string[];
}

/** Independent check (Chromium's checkVisibility): visible native controls and buy buttons. */
function auditControls(page: Page): Promise<Audit> {
  return page.evaluate(
    ({ attribute, buy }) => {
      const re = new RegExp(buy, 'i');
      const out = { visible: 0, unnamed: [] as string[], buyControls: 0, buyUnnamed: [] as string[] }; // prettier-ignore
      const selector = 'a[href], button, input:not([type=hidden]), select, textarea';
      for (const el of Array.from(document.querySelectorAll(selector))) {
        if (el.closest('[aria-hidden="true"], svg, noscript, template')) continue;
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const rect = el.getBoundingClientRect();
        let [left, top, right, bottom] = [rect.left, rect.top, rect.right, rect.bottom];
        // clipped away by an overflow:hidden ancestor (collapsed menus, 0-height panels)?
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const cs = getComputedStyle(a);
          if (!/hidden|clip/.test(cs.overflowX + cs.overflowY)) continue;
          const r = a.getBoundingClientRect();
          [left, top] = [Math.max(left, r.left), Math.max(top, r.top)];
          [right, bottom] = [Math.min(right, r.right), Math.min(bottom, r.bottom)];
        }
        if (right - left <= 1 || bottom - top <= 1) continue;
        // moved off the page to the left or top: no scrolling reaches it
        if (rect.right + scrollX < 0 || rect.bottom + scrollY < 0) continue;
        // under an overlay a person must dismiss first (a consent dialog): not visible to them,
        // judged by the simplifier's own rule (src/observe/covered.ts)
        const covered = (globalThis as { __shopsimIsCovered?: (e: Element) => boolean })
          .__shopsimIsCovered;
        if (covered?.(el)) continue;
        const named = el.hasAttribute(attribute);
        out.visible++;
        if (!named) out.unnamed.push(el.outerHTML.slice(0, 160));
        const text = [el.textContent, el.getAttribute('value'), el.getAttribute('aria-label')].join(' '); // prettier-ignore
        if (re.test(text) && el.tagName !== 'A') {
          out.buyControls++;
          if (!named) out.buyUnnamed.push(el.outerHTML.slice(0, 160));
        }
      }
      return out;
    },
    { attribute: NAME_ATTRIBUTE, buy: BUY.source },
  );
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe.skipIf(!hasRealPages())('real product pages (Zyte benchmark)', () => {
  let browser: Browser;
  const rows: { hash: string; raw: number; simplified: number; aria: number; ms: number }[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // SHOPSIM_REAL_PAGES_ONLY=abc123,def456 runs just the pages whose hash starts so (debugging)
  const only = process.env.SHOPSIM_REAL_PAGES_ONLY?.split(',').filter(Boolean);
  const hashes = !hasRealPages()
    ? []
    : only
      ? listRealPages().filter((h) => only.some((prefix) => h.startsWith(prefix)))
      : sampleRealPages(COUNT);
  it.each(hashes)(
    'page %s: every visible control named (in the HTML too), buy control and price kept',
    async (hash) => {
      const real = loadRealPage(hash);
      const { context, page } = await openStaticPage(browser, real.url, real.html);
      try {
        const { observation, ms } = await observeInBrowser(page);
        expect(observation.html.length).toBeGreaterThan(100);
        expect(observation.elements.length).toBeGreaterThan(0);
        // the HTML names exactly the listed elements, in order, once its scopes are read
        expect(namedInHtml(observation.html).map((n) => n.name)).toEqual(
          observation.elements.map((e) => e.name),
        );
        const audit = await auditControls(page);
        expect(audit.unnamed, `${audit.unnamed.length}/${audit.visible} unnamed`).toEqual([]);
        expect(audit.buyUnnamed).toEqual([]);
        if (audit.buyControls > 0) {
          expect(observation.elements.some((e) => BUY.test(`${e.text} ${e.value ?? ''}`))).toBe(
            true,
          );
        }
        // the price must survive where the rendered page shows it (some show it only from scripts)
        const shown = await page.evaluate(() => document.body.innerText);
        if (real.price && textHasPrice(shown, real.price)) {
          expect(textHasPrice(observation.html, real.price), real.price).toBe(true);
        }
        const aria = await page.locator('body').ariaSnapshot();
        rows.push({
          hash,
          raw: Buffer.byteLength(real.html),
          simplified: Buffer.byteLength(observation.html),
          aria: Buffer.byteLength(aria),
          ms,
        });
      } finally {
        await context.close();
      }
    },
  );

  it('is compact: median <= 5% of raw bytes and <= the ariaSnapshot size', () => {
    expect(rows.length).toBeGreaterThan(0);
    const report = process.env.SHOPSIM_REAL_PAGES_REPORT;
    if (report) writeFileSync(report, JSON.stringify(rows, null, 1));
    const ratio = median(rows.map((r) => r.simplified / r.raw));
    const vsAria = median(rows.map((r) => r.simplified / r.aria));
    console.log(
      `real pages: ${rows.length}, median simplified/raw ${(ratio * 100).toFixed(2)}%, ` +
        `median simplified/ariaSnapshot ${(vsAria * 100).toFixed(1)}%, ` +
        `median bytes ${median(rows.map((r) => r.simplified))} vs aria ${median(rows.map((r) => r.aria))}, ` +
        `median in-page ${median(rows.map((r) => r.ms)).toFixed(0)} ms, max ${Math.max(...rows.map((r) => r.ms)).toFixed(0)} ms`,
    );
    expect(ratio).toBeLessThanOrEqual(0.05);
    expect(vsAria).toBeLessThanOrEqual(1);
    expect(rows.length, 'pages that failed above have no row').toBe(hashes.length);
  });
});
