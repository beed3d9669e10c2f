// Observation benchmark: how much smaller and how fast the simplified page is, compared with the
// raw HTML and with Playwright's ariaSnapshot(), on the mock shop and on 140 real product pages.
import path from 'node:path';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import {
  formatBytes,
  formatNumber,
  importDist,
  median,
  printTable,
  quantile,
  sum,
} from './lib.mjs';

export const title = 'Observation: simplified HTML vs raw HTML vs Playwright ariaSnapshot()';

const SHOP_RUNS = Number(process.env.BENCH_RUNS ?? 5);
const REAL_RUNS = Number(process.env.BENCH_REAL_RUNS ?? 3);
const REAL_LIMIT = Number(process.env.BENCH_REAL_LIMIT ?? Infinity);

const bytes = (text) => Buffer.byteLength(text, 'utf8');

/** Median wall time of `runs` calls (after one warm-up call if asked); returns [ms, last value]. */
async function timed(runs, warmUp, fn) {
  let value = warmUp ? await fn() : undefined;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = await fn();
    times.push(performance.now() - started);
  }
  return [median(times), value];
}

/**
 * Measures one loaded page: the simplifier as the session calls it (observePage: the in-page run,
 * the answer's transfer and its validation) and ariaSnapshot().
 */
async function measure(page, raw, { observePage, script }, runs, warmUp) {
  // inject the simplifier first (once per document, not timed), as observePage would
  const loaded = await page.evaluate(() => typeof globalThis.__shopsimObserve === 'function');
  if (!loaded) await page.evaluate(script);
  const [ms, { observation }] = await timed(runs, warmUp, () => observePage(page, null));
  const [ariaMs, aria] = await timed(runs, warmUp, () => page.ariaSnapshot({ timeout: 60_000 }));
  return {
    rawBytes: bytes(raw),
    rawTokens: countTokens(raw),
    bytes: bytes(observation.html),
    tokens: countTokens(observation.html),
    names: observation.elements.length,
    ms,
    ariaBytes: bytes(aria),
    ariaTokens: countTokens(aria),
    ariaMs,
  };
}

const HEADERS = [
  'page',
  'raw',
  'raw tok',
  'simplified',
  'ratio',
  'tokens',
  'names',
  'ms',
  'aria',
  'aria tok',
  'aria ms',
];

function row(label, m) {
  return [
    label,
    formatBytes(m.rawBytes),
    formatNumber(m.rawTokens),
    formatBytes(m.bytes),
    `${formatNumber(m.rawBytes / m.bytes, 1)}x`,
    formatNumber(m.tokens),
    formatNumber(m.names),
    formatNumber(m.ms, 1),
    formatBytes(m.ariaBytes),
    formatNumber(m.ariaTokens),
    formatNumber(m.ariaMs, 1),
  ];
}

async function shopRows(browser, observer) {
  const { startShop } = await importDist('sites/shop/server.js');
  const { generateCatalog } = await importDist('sites/shop/catalog/generate.js');
  const seed = 1;
  const reviewed = generateCatalog(seed).products.find((p) => p.reviewCount >= 30);
  const shop = await startShop({ port: 0, variant: 'a', seed });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const rows = [];
  try {
    const pages = [
      ['home', '/'],
      ['search "shoes"', '/search?q=shoes'],
      [`product ${reviewed.id} (${reviewed.reviewCount} reviews)`, `/product/${reviewed.id}`],
    ];
    for (const [label, route] of pages) {
      const page = await context.newPage();
      const response = await page.goto(shop.url + route, { waitUntil: 'load' });
      const raw = await response.text();
      const cards = await page.evaluate(
        () => document.querySelectorAll('[data-product-id]').length,
      );
      const m = await measure(page, raw, observer, SHOP_RUNS, true);
      rows.push(row(label.startsWith('search') ? `${label} (${cards} results)` : label, m));
      await page.close();
    }
  } finally {
    await context.close();
    await shop.close();
  }
  return rows;
}

/** Measures the real pages of the corpus (src/observe/real-pages.ts reads it). */
async function realPages(browser, observer, corpus) {
  const hashes = corpus.listRealPages().slice(0, REAL_LIMIT);
  // The snapshots reference hosts that are not reachable: no scripts, no network.
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', (route) => route.abort());
  const results = [];
  const failures = [];
  for (const hash of hashes) {
    const file = `${hash}.html.gz`;
    const raw = corpus.loadRealPage(hash).html;
    const page = await context.newPage();
    try {
      await page.setContent(raw, { waitUntil: 'load', timeout: 60_000 });
      results.push({ file, ...(await measure(page, raw, observer, REAL_RUNS, false)) });
    } catch (error) {
      failures.push(`${file}: ${String(error?.message ?? error).split('\n')[0]}`);
    } finally {
      await page.close();
    }
    if ((results.length + failures.length) % 20 === 0) {
      process.stderr.write(`  real pages: ${results.length + failures.length}/${hashes.length}\n`);
    }
  }
  await context.close();
  return { count: hashes.length, results, failures };
}

/**
 * The observation targets (issue "Real storefronts", item 6), each a per-page median with its
 * limit: share of raw bytes, size against ariaSnapshot(), tokens, and time against ariaSnapshot().
 */
export const TARGETS = [
  [
    'simplified/raw bytes',
    (r) => r.bytes / r.rawBytes,
    0.04,
    (v) => `${formatNumber(v * 100, 2)}%`,
    '4%',
  ],
  [
    'simplified/ariaSnapshot bytes',
    (r) => r.bytes / r.ariaBytes,
    0.4,
    (v) => `${formatNumber(v, 2)}x`,
    '0.4x',
  ],
  ['tokens', (r) => r.tokens, 5000, (v) => formatNumber(v), '5,000'],
  ['ms vs ariaSnapshot ms', (r) => r.ms / r.ariaMs, 1, (v) => `${formatNumber(v, 2)}x`, '1x'],
];

function targetLines(results) {
  const lines = ['targets (per-page medians):'];
  for (const [label, pick, limit, show, shownLimit] of TARGETS) {
    const value = median(results.map(pick));
    const met = value <= limit ? 'met' : 'MISSED';
    lines.push(`  ${label}: ${show(value)} (target <= ${shownLimit}): ${met}`);
  }
  const ms = median(results.map((r) => r.ms));
  const ariaMs = median(results.map((r) => r.ariaMs));
  lines.push(`  (median ms ${formatNumber(ms, 1)}, ariaSnapshot ${formatNumber(ariaMs, 1)})`);
  return lines;
}

function aggregate(results, pick) {
  const keys = Object.keys(results[0]).filter((k) => k !== 'file');
  return Object.fromEntries(keys.map((k) => [k, pick(results.map((r) => r[k]))]));
}

export async function run() {
  const { launchBrowser } = await importDist('src/browser/launch.js');
  const { observePage } = await importDist('src/browser/simplify.js');
  const { getSimplifierScript } = await importDist('src/observe/script.js');
  const observer = { observePage, script: await getSimplifierScript() };
  const corpus = await importDist('src/observe/real-pages.js');
  const realDir = path.join(corpus.realPagesDir(), 'html');
  const browser = await launchBrowser();
  try {
    console.log(
      `Sizes in UTF-8 bytes; tokens with o200k_base (gpt-tokenizer); ms = median wall time of the ` +
        `page.evaluate round trip (shop: ${SHOP_RUNS} runs after 1 warm-up, real pages: ` +
        `${REAL_RUNS} runs); ratio = raw / simplified; names = named interactable elements; ` +
        `aria = page.ariaSnapshot() (default mode).\n`,
    );
    console.log('Mock shop (live pages, JavaScript on):\n');
    printTable(HEADERS, await shopRows(browser, observer));

    if (!corpus.hasRealPages()) {
      console.log(`\nReal pages: ${realDir} not found (set SHOPSIM_REAL_PAGES); skipped.`);
      return;
    }
    const { count, results, failures } = await realPages(browser, observer, corpus);
    console.log(
      `\nReal product pages (${realDir}, setContent, JavaScript off, network aborted):\n`,
    );
    if (!results.length) {
      console.log('no page could be measured');
    } else {
      const withOutput = results.filter((r) => r.bytes > 0 && r.names > 0).length;
      const total = aggregate(results, sum);
      printTable(HEADERS, [
        row('median', aggregate(results, median)),
        row(
          'p90',
          aggregate(results, (v) => quantile(v, 0.9)),
        ),
        row(
          'max',
          aggregate(results, (v) => Math.max(...v)),
        ),
        [
          'total',
          formatBytes(total.rawBytes),
          formatNumber(total.rawTokens),
          formatBytes(total.bytes),
          `${formatNumber(total.rawBytes / total.bytes, 1)}x`,
          formatNumber(total.tokens),
          formatNumber(total.names),
          '',
          formatBytes(total.ariaBytes),
          formatNumber(total.ariaTokens),
          '',
        ],
      ]);
      console.log(
        `\n(ratio in the median/p90/max rows is of those medians; per-page median ratio: ` +
          `${formatNumber(median(results.map((r) => r.rawBytes / r.bytes)), 1)}x; simplified ` +
          `tokens / aria tokens, per-page median: ` +
          `${formatNumber(median(results.map((r) => r.tokens / r.ariaTokens)), 2)})`,
      );
      for (const line of targetLines(results)) console.log(line);
      console.log(
        `pages measured: ${results.length}/${count}; with output (simplified HTML and ` +
          `at least one named element): ${withOutput}; failed: ${failures.length}`,
      );
    }
    for (const r of [...results].sort((a, b) => b.ms - a.ms).slice(0, 3)) {
      console.log(
        `  slowest: ${r.file} ${formatBytes(r.rawBytes)}, ${formatNumber(r.names)} names, ` +
          `${formatNumber(r.ms, 0)} ms (aria ${formatNumber(r.ariaMs, 0)} ms)`,
      );
    }
    for (const failure of failures) console.log(`  failed: ${failure}`);
  } finally {
    await browser.close();
  }
}
