import { parseHTML } from 'linkedom';
import { namedInHtml } from '../observe/dom.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Observation } from '../../src/observe/observation.js';
import { startShop, type RunningShop } from '../../sites/shop/server.js';
import { runCli } from '../support/cli.js';

let shop: RunningShop;
beforeAll(async () => {
  shop = await startShop({ port: 0, variant: 'a', seed: 1 });
});
afterAll(async () => {
  await shop?.close();
});

/** The controls of one region of the served page, counted from its markup (not the simplifier). */
function controlsIn(html: string, region: string): number {
  const { document } = parseHTML(html);
  const root = document.querySelector(region);
  if (!root) throw new Error(`no ${region} on the page`);
  return root.querySelectorAll('a[href], button, input:not([type=hidden]), select').length;
}

it('shopsim observe names every control of the 48-result search page, the same way twice', async () => {
  const url = `${shop.url}/search?q=shoes`;
  // generic names: the shop's bundled recipe would pin the funnel controls (see below)
  const first = await runCli(['observe', url, '--no-recipe']);
  const second = await runCli(['observe', url, '--no-recipe']);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(second.stdout).toBe(first.stdout);

  const json = await runCli(['observe', url, '--json', '--no-recipe']);
  const names = Observation.parse(JSON.parse(json.stdout)).elements.map((e) => e.name);
  expect(new Set(names).size).toBe(names.length);
  const matching = (re: RegExp) => names.filter((n) => re.test(n));
  expect(matching(/^search_results\.p\d+\.title_link$/)).toHaveLength(48);
  expect(matching(/^search_results\.p\d+\.add_to_cart$/)).toHaveLength(48);
  expect(names).toContain('site_header.search_form.search_products_input');

  const raw = await (await fetch(url)).text();
  expect(matching(/^filters\./)).toHaveLength(controlsIn(raw, '#filters'));
  expect(matching(/^results\.sort_by\./)).toHaveLength(controlsIn(raw, '#sort_options'));
  expect(matching(/^results\.pagination\./)).toHaveLength(controlsIn(raw, '#pagination'));
  expect(matching(/^results\.pagination\.next$/)).toHaveLength(1);
  // every name printed in the element list also stands in the simplified HTML
  const html = first.stdout.split(/\nElements \(\d+\):\n/)[0]!;
  expect(namedInHtml(html).map((n) => n.name)).toEqual(names);
});

it('applies the bundled recipe to the shop served at a URL, with no --recipe', async () => {
  const names = async (url: string, ...flags: string[]): Promise<string[]> => {
    const run = await runCli(['observe', url, '--json', ...flags]);
    expect(run.code).toBe(0);
    return Observation.parse(JSON.parse(run.stdout)).elements.map((e) => e.name);
  };
  const search = await names(`${shop.url}/search?q=shoes`);
  expect(search).toContain('nav_bar.search_input');
  expect(search).not.toContain('site_header.search_form.search_products_input');
  expect(search.filter((n) => /^search_results\.p\d+\.title$/.test(n))).toHaveLength(48);
  // the same page on another host name (localhost for 127.0.0.1) gets the same names
  expect(await names(`${shop.url.replace('127.0.0.1', 'localhost')}/search?q=shoes`)).toEqual(
    search,
  );
});
