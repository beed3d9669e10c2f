import { describe, expect, it } from 'vitest';
import { NAME_ATTRIBUTE, Observation } from '../../src/observe/observation.js';
import { parseRecipe } from '../../src/observe/recipe.js';
import { getSimplifierScript, simplifierEntry } from '../../src/observe/script.js';
import { observeInBrowser, openStaticPage } from './browser.js';
import { fixtureHtml, observeHtml, PAGE_FIXTURES } from './dom.js';
import { useBrowser } from '../support/browser.js';

describe('simplifier script bundle', () => {
  it('is self-contained, defines __shopsimObserve and is memoized', async () => {
    const script = await getSimplifierScript();
    expect(script).toContain('__shopsimObserve');
    expect(script).not.toMatch(/\bimport\s*[({'"]|require\(/);
    expect(script).not.toContain('zod');
    expect(await getSimplifierScript()).toBe(script);
  });

  it('picks the entry next to the module with the same extension', () => {
    expect(simplifierEntry('file:///x/src/observe/script.ts')).toBe('/x/src/observe/inpage.ts');
    expect(simplifierEntry('file:///x/dist/src/observe/script.js')).toBe(
      '/x/dist/src/observe/inpage.js',
    );
  });
});

describe('in the browser (real Chromium)', () => {
  const browser = useBrowser();

  it.each(PAGE_FIXTURES)('gives the same names as linkedom on %s.html', async (name) => {
    const url = `https://acme.test/${name}`;
    const html = fixtureHtml(name);
    const { context, page } = await openStaticPage(browser(), url, html, {
      javaScriptEnabled: true,
    });
    try {
      const { observation } = await observeInBrowser(page);
      expect(() => Observation.parse(observation)).not.toThrow();
      const expected = observeHtml(html, { url }).obs;
      expect(observation.elements.map((e) => e.name)).toEqual(expected.elements.map((e) => e.name));
      expect(observation.url).toBe(url);
      expect(observation.title).toBe(expected.title);
      // every name resolves to exactly one live element
      for (const { name: n } of observation.elements) {
        expect(await page.locator(`[${NAME_ATTRIBUTE}="${n}"]`).count(), n).toBe(1);
      }
    } finally {
      await context.close();
    }
  });

  it('detects pointer cursors from stylesheets and hides by computed style and layout', async () => {
    const html = `<html><head><style>
      .chip { cursor: pointer } .gone { display: none } .ghost { opacity: 0 }
      .collapsed { height: 0; overflow: hidden } .sr { position: absolute; width: 1px; height: 1px; overflow: hidden }
    </style></head><body>
      <div class="chip"><span>Red</span></div>
      <div class="gone"><a href="/a">A</a></div><div class="ghost"><a href="/b">B</a></div>
      <div class="collapsed"><a href="/c">C</a></div><span class="sr"><a href="/d">Skip</a></span>
      <a href="/e">E</a></body></html>`;
    const { context, page } = await openStaticPage(browser(), 'https://acme.test/', html);
    try {
      const { observation } = await observeInBrowser(page);
      expect(observation.elements.map((e) => [e.name, e.kind])).toEqual([
        ['red', 'clickable'],
        ['e', 'link'],
      ]);
    } finally {
      await context.close();
    }
  });

  it('drops what overflow clipping or off-page positioning hides', async () => {
    const html = `<html><head><style>
      .frame { width: 200px; overflow: hidden; display: flex }
      .slide { flex: 0 0 200px }
      .bar { height: 20px; overflow: hidden; }
      .menu { position: absolute; top: 40px }
      .away { position: absolute; left: -9999px }
    </style></head><body>
      <div class="frame"><a class="slide" href="/1">One</a><a class="slide" href="/2">Two</a></div>
      <div class="bar"><a href="/bar">Bar</a><ul class="menu"><li><a href="/m">Menu entry</a></li></ul>
        <div style="height: 50px"></div><a href="/below">Below the fold of the bar</a></div>
      <a class="away" href="/skip">Skip</a></body></html>`;
    const { context, page } = await openStaticPage(browser(), 'https://acme.test/', html);
    try {
      const { observation } = await observeInBrowser(page);
      // the absolute menu escapes the clipping bar (its containing block is the page)
      expect(observation.elements.map((e) => e.name)).toEqual(['one', 'bar', 'menu_entry']);
    } finally {
      await context.close();
    }
  });

  it('applies a recipe in the page and re-observing clears stale names', async () => {
    const recipe = parseRecipe([{ url: '/product', selector: 'form button[type=submit]', name: 'product_form.buy' }]); // prettier-ignore
    const url = 'https://acme.test/product';
    const { context, page } = await openStaticPage(browser(), url, fixtureHtml('product'), {
      javaScriptEnabled: true,
    });
    try {
      const first = (await observeInBrowser(page, recipe)).observation;
      expect(first.elements.map((e) => e.name)).toContain('product_form.buy');
      await page.evaluate(() => document.querySelector('footer')?.remove());
      await page.evaluate(
        (a) => document.querySelector('h1')?.setAttribute(a, 'stale'),
        NAME_ATTRIBUTE,
      );
      const second = (await observeInBrowser(page, null)).observation;
      expect(second.elements.map((e) => e.name)).not.toContain('product_form.buy');
      expect(second.elements.map((e) => e.name)).toContain('product_form.add_to_cart');
      expect(await page.locator(`[${NAME_ATTRIBUTE}]`).count()).toBe(second.elements.length);
      // typed text shows up as the current value
      await page.fill(`[${NAME_ATTRIBUTE}="search_form.search_input"]`, 'wool socks');
      const third = (await observeInBrowser(page)).observation;
      expect(third.elements.find((e) => e.name === 'search_form.search_input')?.value).toBe('wool socks'); // prettier-ignore
      expect(third.html).toContain('value="wool socks"');
      const bad = { rules: [{ selector: 'a:nth-child(', name: 'x' }] };
      await expect(observeInBrowser(page, bad)).rejects.toThrow(/recipe rule 1/);
    } finally {
      await context.close();
    }
  });
});
