import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePopulations, type CompareResult } from '../../../src/eval/compare/compare.js';
import { jaccard, jensenShannon, ksStatistic } from '../../../src/eval/compare/distances.js';
import { verdict } from '../../../src/eval/compare/verdict.js';
import { runCli, tempDir } from '../cli-helpers.js';
import { buildTrace, writeTraces } from '../trace-builder.js';

const S = 'nav_bar.search_input';
// Simulated: A = search, product link, add to cart (purchase, no click_type recorded);
//            B = featured product link, terminate.
const simulated = [
  buildTrace(
    'sim-a',
    'simulated',
    [
      { action: { type: 'type_and_submit', name: S, text: 'Red shoes' } },
      { action: { type: 'click', name: 'search_results.item_1.title_link' } },
      { action: { type: 'click', name: 'product_form.add_to_cart' } },
    ],
    'purchase',
  ),
  buildTrace(
    'sim-b',
    'simulated',
    [
      { action: { type: 'click', name: 'home.featured.item_1.title_link' } },
      { action: { type: 'terminate' } },
    ],
    'terminate',
  ),
];
// Human: C = search, product link, terminate; D = search, buy now (purchase); E = terminate.
const human = [
  buildTrace(
    'hum-c',
    'human',
    [
      { action: { type: 'type_and_submit', name: S, text: 'shoes' } },
      {
        action: { type: 'click', name: 'search_results.item_2.title_link' },
        clickType: 'product_link',
      },
      { action: { type: 'terminate' } },
    ],
    'terminate',
  ),
  buildTrace(
    'hum-d',
    'human',
    [
      { action: { type: 'type_and_submit', name: S, text: 'blue  SHOES' } },
      { action: { type: 'click', name: 'product_form.buy_now' }, clickType: 'purchase' },
    ],
    null,
  ),
  buildTrace('hum-e', 'human', [{ action: { type: 'terminate' } }], 'terminate'),
];

const log2 = Math.log2;
// action types: sim (T,C,X) = (1,3,1)/5, human (2,2,2)/6; M = (4/15, 7/15, 4/15)
const JS_ACTIONS =
  0.5 * (0.2 * log2(0.2 / (4 / 15)) * 2 + 0.6 * log2(0.6 / (7 / 15))) +
  0.5 * ((1 / 3) * log2(1 / 3 / (4 / 15)) * 2 + (1 / 3) * log2(1 / 3 / (7 / 15)));
// click types: sim product_link 2, purchase 1 (inferred); human product_link 1, purchase 1; M = (7/12, 5/12)
const JS_CLICKS =
  0.5 * ((2 / 3) * log2(2 / 3 / (7 / 12)) + (1 / 3) * log2(1 / 3 / (5 / 12))) +
  0.5 * (0.5 * log2(0.5 / (7 / 12)) + 0.5 * log2(0.5 / (5 / 12)));

describe('population distances, hand-checked', () => {
  const r = comparePopulations(
    { path: 'sim', traces: simulated },
    { path: 'hum', traces: human },
    'out',
  );
  const d = Object.fromEntries(r.dimensions.map((x) => [x.key, x]));

  it('action and click-type shares: Jensen–Shannon', () => {
    expect(r.simulated.actionTypes).toEqual({ type_and_submit: 1, click: 3, terminate: 1 });
    expect(r.human.actionTypes).toEqual({ type_and_submit: 2, click: 2, terminate: 2 });
    expect(d.action_types!.distance).toBeCloseTo(JS_ACTIONS, 12);
    expect(d.action_types!.distance).toBeCloseTo(0.05217, 4);
    expect(d.action_types!.verdict).toBe('moderate');
    expect(r.simulated.clickTypes).toEqual({ product_link: 2, purchase: 1 });
    expect(r.simulated.clickTypesInferred).toBe(3);
    expect(r.human.clickTypesInferred).toBe(0);
    expect(d.click_types!.distance).toBeCloseTo(JS_CLICKS, 12);
    expect(d.click_types!.verdict).toBe('close');
  });

  it('session lengths: KS = 1/3 (CDFs at 1: 0 vs 1/3)', () => {
    expect(r.simulated.lengths).toEqual([3, 2]);
    expect(r.human.lengths).toEqual([3, 2, 1]);
    expect(d.session_length!.distance).toBeCloseTo(1 / 3, 12);
    expect(d.session_length!.verdict).toBe('far');
    expect(r.human.length).toEqual({ mean: 2, median: 2, p90: 2.8, max: 3 });
  });

  it('purchase rate: 1/2 vs 1/3 (D has no end line but ends on a purchase click)', () => {
    expect(r.simulated.purchaseRate).toBe(0.5);
    expect(r.human.purchaseRate).toBeCloseTo(1 / 3, 12);
    expect(d.purchase_rate!.distance).toBeCloseTo(1 / 6, 12);
    expect(d.purchase_rate!.verdict).toBe('far');
  });

  it('funnel: mean |difference| over search, product, cart, purchase = 3/8', () => {
    expect(r.simulated.funnel).toEqual({ search: 1, product: 2, cart: 1, purchase: 1 });
    expect(r.human.funnel).toEqual({ search: 2, product: 1, cart: 0, purchase: 1 });
    // |1/2-2/3| + |1-1/3| + |1/2-0| + |1/2-1/3| = 1/6 + 2/3 + 1/2 + 1/6 = 3/2, over 4 stages
    expect(d.funnel!.distance).toBeCloseTo(3 / 8, 12);
  });

  it('query terms: {red, shoes} vs {shoes, blue}: Jaccard 1/3, distance 2/3', () => {
    expect(d.query_terms!.distance).toBeCloseTo(2 / 3, 12);
    expect(d.query_terms!.verdict).toBe('moderate');
    expect(r.query_terms).toEqual({
      shared: ['shoes'],
      simulated_only: ['red'],
      human_only: ['blue'],
    });
    expect(r.summary).toEqual({ close: 1, moderate: 2, far: 3, 'n/a': 0 });
  });

  it('identical populations are at distance 0 everywhere', () => {
    const same = comparePopulations(
      { path: 'a', traces: human },
      { path: 'b', traces: human },
      'out',
    );
    expect(same.dimensions.map((x) => x.distance)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(same.summary.close).toBe(6);
  });
});

describe('unfinished sessions', () => {
  it('leaves out simulated sessions cut off or interrupted, and says how many', () => {
    const cut = buildTrace('sim-cut', 'simulated', [{ action: { type: 'terminate' } }], null);
    const stopped = buildTrace(
      'sim-stop',
      'simulated',
      [{ action: { type: 'terminate' } }],
      'interrupted',
    );
    const r = comparePopulations(
      { path: 'sim', traces: [...simulated, cut, stopped] },
      { path: 'hum', traces: human },
      '/tmp/out',
    );
    const plain = comparePopulations(
      { path: 'sim', traces: simulated },
      { path: 'hum', traces: human },
      '/tmp/out',
    );
    expect(r.simulated.unfinished).toBe(2);
    expect(r.simulated.sessions).toBe(plain.simulated.sessions);
    expect(r.simulated.purchaseRate).toBe(plain.simulated.purchaseRate);
    expect(r.human.unfinished).toBe(0);
  });
});

describe('distance functions', () => {
  it('edge cases', () => {
    expect(jensenShannon({ a: 1 }, { b: 5 })).toBe(1);
    expect(jensenShannon({}, { b: 5 })).toBeNull();
    expect(ksStatistic([1, 2], [])).toBeNull();
    expect(ksStatistic([1, 1], [5])).toBe(1);
    expect(jaccard(new Set(), new Set())).toBeNull();
    expect(verdict('jensen_shannon', 0.15)).toBe('moderate');
    expect(verdict('ks', null)).toBeNull();
  });
});

describe('shopsim compare', () => {
  it('writes compare.json and compare.md and prints JSON with --json', async () => {
    const dir = await tempDir('shopsim-compare-');
    await writeTraces(path.join(dir, 'sim'), simulated);
    await writeTraces(path.join(dir, 'hum'), human);
    const out = path.join(dir, 'out');
    const run = await runCli([
      'compare',
      path.join(dir, 'sim'),
      path.join(dir, 'hum'),
      '--out',
      out,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as CompareResult;
    expect(JSON.parse(await readFile(path.join(out, 'compare.json'), 'utf8'))).toEqual(result);
    expect(result.dimensions.find((x) => x.key === 'funnel')!.distance).toBeCloseTo(3 / 8, 12);
    const md = await readFile(path.join(out, 'compare.md'), 'utf8');
    expect(md).toContain('| Session length distribution | 0.333 | KS statistic | far |');
    expect(md).toContain('| purchase rate | 50.0% (1) | 33.3% (1) | 14% |');
  });

  it('names the missing folder', async () => {
    const run = await runCli(['compare', '/nonexistent/sim', '/nonexistent/hum']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\/nonexistent\/(sim|hum): no such trace file or folder/);
  });
});
