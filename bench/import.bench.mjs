// Import benchmark: how fast the OPeRA importer reads page HTML. Each of the 140 real product
// pages goes through the importer's element reader (extractHtmlSummary) exactly as an OPeRA row's
// simplified_html does on `shopsim import opera`; reading the gzip files is not timed.
import {
  formatBytes,
  formatNumber,
  importDist,
  median,
  printTable,
  quantile,
  sum,
} from './lib.mjs';

export const title = 'Import: OPeRA-style element reading of the real pages';

const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const TARGET_PAGES_PER_SECOND = 50;

export async function run() {
  const corpus = await importDist('src/observe/real-pages.js');
  const { extractHtmlSummary } = await importDist('src/importers/html-elements.js');
  if (!corpus.hasRealPages()) {
    console.log(
      `Real pages: ${corpus.realPagesDir()} not found (set SHOPSIM_REAL_PAGES); skipped.`,
    );
    return;
  }
  const pages = corpus
    .listRealPages()
    .map((hash) => ({ hash, html: corpus.loadRealPage(hash).html }));
  const bytes = sum(pages.map((p) => Buffer.byteLength(p.html, 'utf8')));

  extractHtmlSummary(pages[0].html); // warm-up
  const totals = [];
  const perPage = new Map(pages.map((p) => [p.hash, []]));
  let elements = 0;
  for (let r = 0; r < RUNS; r++) {
    let total = 0;
    elements = 0;
    for (const page of pages) {
      const started = performance.now();
      const summary = extractHtmlSummary(page.html);
      const ms = performance.now() - started;
      total += ms;
      elements += summary.elements.length;
      perPage.get(page.hash).push(ms);
    }
    totals.push(total);
  }
  const totalMs = median(totals);
  const rate = pages.length / (totalMs / 1000);
  const pageMs = pages.map((p) => median(perPage.get(p.hash)));

  console.log(
    `${pages.length} pages, ${formatBytes(bytes)} of HTML; median of ${RUNS} runs; ` +
      `elements = named elements read (the "name" attribute on these pages).\n`,
  );
  printTable(
    ['pages', 'total s', 'pages/s', 'MB/s', 'elements', 'median ms', 'p90 ms', 'max ms'],
    [
      [
        String(pages.length),
        formatNumber(totalMs / 1000, 2),
        formatNumber(rate, 1),
        formatNumber(bytes / 1024 / 1024 / (totalMs / 1000), 1),
        formatNumber(elements),
        formatNumber(median(pageMs), 1),
        formatNumber(quantile(pageMs, 0.9), 1),
        formatNumber(Math.max(...pageMs), 1),
      ],
    ],
  );
  console.log(
    `\ntarget: ${formatNumber(rate, 1)} pages/s ` +
      `(>= ${TARGET_PAGES_PER_SECOND} pages/s: ${rate >= TARGET_PAGES_PER_SECOND ? 'met' : 'MISSED'})`,
  );
  const slowest = pages
    .map((p, i) => ({ ...p, ms: pageMs[i] }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  for (const p of slowest) {
    console.log(
      `  slowest: ${p.hash}.html.gz ${formatBytes(Buffer.byteLength(p.html, 'utf8'))}, ` +
        `${formatNumber(p.ms, 1)} ms`,
    );
  }
}
