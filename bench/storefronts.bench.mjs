// The default shopper (the built-in heuristic) on both bundled storefronts: every bundled persona
// once, through the same code path as `shopsim simulate --site builtin|modern` (openSite,
// runSimulation, confirmOrders), with the CLI defaults (seed 1, concurrency 2, max steps 30).
// Reports purchase completion of the buyers whose wanted product the storefront sells (confirmed
// by the shop's order log), browse-only buys, errors, steps per session, and execute and settle
// time per step (read from the traces: each step's result.execute_ms and result.settle_ms).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatNumber, importDist, median, printTable } from './lib.mjs';

export const title = 'Default shopper on both bundled storefronts';

const STOREFRONTS = [
  { site: 'builtin', label: 'builtin (sites/shop)', target: null },
  { site: 'modern', label: 'modern (sites/modern)', target: 0.7 },
];
const SEED = 1;
const CONCURRENCY = 2;

export async function run() {
  const { DEFAULT_CONFIG } = await importDist('src/config.js');
  const { DEFAULT_PERSONAS_DIR, loadPersonas } = await importDist('src/persona.js');
  const { runSimulation } = await importDist('src/agent/run-simulation.js');
  const { openSite, confirmOrders } = await importDist('src/cli/site.js');
  const { readTraceFile } = await importDist('src/traces/reader.js');
  const { readIntent } = await importDist('src/models/heuristic/intent.js');
  const { relevance } = await importDist('src/models/heuristic/score.js');
  const { audienceMismatch } = await importDist('src/models/heuristic/audience.js');
  const { generateCatalog } = await importDist('sites/shop/catalog/generate.js');
  const { buildModernCatalog } = await importDist('sites/modern/catalog.js');

  const personas = await loadPersonas([DEFAULT_PERSONAS_DIR]);
  const catalogs = {
    builtin: generateCatalog(SEED).products,
    modern: buildModernCatalog(SEED).catalog.products,
  };
  // "The storefront sells what the persona wants": some product title passes the heuristic's own
  // relevance test for the persona's intent (the `relevant` test of its assess(), without rng).
  const sells = (products, persona) => {
    const intent = readIntent(persona);
    return products.some((p) => {
      const r = relevance(p.title, '', intent);
      return r.headOk && r.score > 0 && audienceMismatch(p.title, intent.audience) !== 'hard';
    });
  };

  // Execute and settle time of every click and typing (not terminate), as the traces record them.
  const timingsOf = async (records) => {
    const timings = { execute: [], settle: [] };
    for (const record of records) {
      for (const step of (await readTraceFile(record.file)).steps) {
        if (step.action.type === 'terminate' || step.result?.execute_ms == null) continue;
        timings.execute.push(step.result.execute_ms);
        if (step.result.settle_ms != null) timings.settle.push(step.result.settle_ms);
      }
    }
    return timings;
  };

  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-bench-storefronts-'));
  const config = {
    ...DEFAULT_CONFIG,
    model: 'heuristic',
    seed: SEED,
    concurrency: CONCURRENCY,
    maxSteps: DEFAULT_CONFIG.maxSteps,
  };
  const results = [];
  for (const front of STOREFRONTS) {
    const site = await openSite(front.site, null, config.seed);
    let summary;
    try {
      summary = await runSimulation({
        config: { ...config, out: path.join(dir, front.site) },
        site: { startUrl: site.startUrl, label: front.site, recipe: site.recipe },
        personas,
        sessionsPerPersona: 1,
        screenshots: false,
      });
      summary.confirmedOrders = await confirmOrders(site, summary.records);
    } finally {
      await site.close();
    }
    const byId = new Map(summary.records.map((r) => [r.personaId, r]));
    const buyers = personas.filter((p) => p.goal === 'buy');
    const eligible = buyers.filter((p) => sells(catalogs[front.site], p));
    const completed = eligible.filter((p) => {
      const r = byId.get(p.id);
      return r?.outcome === 'purchase' && r.orderConfirmed === true;
    });
    results.push({
      front,
      summary,
      timings: await timingsOf(summary.records),
      buyers,
      eligible,
      completed,
      missed: eligible.filter((p) => !completed.includes(p)).map((p) => byId.get(p.id)),
      browseBuys: personas.filter(
        (p) => p.goal !== 'buy' && byId.get(p.id)?.outcome === 'purchase',
      ),
      errors: summary.records.filter((r) => r.outcome === 'error'),
    });
  }

  console.log(
    `${personas.length} bundled personas, one session each, model ${config.model}, seed ` +
      `${config.seed}, concurrency ${config.concurrency}, max ${config.maxSteps} steps.\n` +
      'Buyers counted: goal "buy" personas whose wanted product the storefront sells, i.e. some\n' +
      "catalog title passes the heuristic's relevance test for the persona's intent (readIntent +\n" +
      "relevance: the product phrase's head word in the title, score > 0, not cut for the other\n" +
      "audience). Completed: outcome purchase and the order is in the shop's order log.\n" +
      'Execute ms: each click/type (not terminate) in the browser, acting and settling, from the\n' +
      "traces' result.execute_ms; settle ms: result.settle_ms, the wait after acting.\n",
  );
  printTable(
    [
      'storefront',
      'buyers sold',
      'completed',
      'rate',
      'browse buys',
      'errors',
      'sessions',
      'median steps',
      'timed steps',
      'execute ms',
      'settle ms',
      'minutes',
    ],
    results.map((r) => [
      r.front.label,
      `${r.eligible.length}/${r.buyers.length}`,
      String(r.completed.length),
      percent(r.completed.length, r.eligible.length),
      String(r.browseBuys.length),
      String(r.errors.length),
      String(r.summary.sessions),
      formatNumber(median(r.summary.records.map((s) => s.steps)), 1),
      String(r.timings.execute.length),
      formatNumber(median(r.timings.execute), 1),
      formatNumber(median(r.timings.settle), 1),
      formatNumber(r.summary.durationMs / 60_000, 1),
    ]),
  );
  console.log('');
  for (const r of results) {
    const label = r.front.site;
    const notSold = r.buyers.filter((p) => !r.eligible.includes(p)).map((p) => p.id);
    if (notSold.length) console.log(`${label}: not sold there (left out): ${notSold.join(', ')}`);
    const missed = r.missed.map((s) => `${s.personaId} (${s.outcome}, ${s.steps} steps)`);
    if (missed.length)
      console.log(`${label}: buyers without a confirmed order: ${missed.join(', ')}`);
    for (const e of r.errors) console.log(`${label}: error in ${e.sessionId}: ${e.error}`);
  }
  console.log('');
  for (const r of results) {
    const rate = r.eligible.length ? r.completed.length / r.eligible.length : NaN;
    if (r.front.target !== null) {
      const met = rate >= r.front.target;
      console.log(
        `target: purchase completion >= ${r.front.target * 100}% on ${r.front.site}: ` +
          `${percent(r.completed.length, r.eligible.length)} -> ${met ? 'met' : 'MISSED'}`,
      );
    }
  }
  const errors = results.reduce((n, r) => n + r.errors.length, 0);
  const browseBuys = results.reduce((n, r) => n + r.browseBuys.length, 0);
  console.log(`target: errors 0 (both storefronts): ${errors} -> ${errors ? 'MISSED' : 'met'}`);
  console.log(
    `target: browse-only buys 0 (both storefronts): ${browseBuys} -> ${browseBuys ? 'MISSED' : 'met'}`,
  );
  console.log(`\nrun folders: ${dir}`);
}

const percent = (n, d) => (d ? `${Math.round((n / d) * 100)}%` : '-');
