// Simulator overhead: per-step cost of observe + execute + record with the scripted model (no
// model time), next to the cost of the page navigation itself, and whole sessions per minute at
// concurrency 1, 2 and 4 on the bundled shop.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatNumber, importDist, median, printTable } from './lib.mjs';

export const title = 'Simulator: per-step overhead and sessions per minute (scripted model)';

const FUNNEL = [
  {
    type: 'type_and_submit',
    name: 'site_header.search_form.search_products_input',
    text: 'running shoes',
  },
  { type: 'click', name: 'search_results.p0232.title_link' },
  { type: 'click', name: 'product_form.size.8' },
  { type: 'click', name: 'product_form.add_to_cart' },
  { type: 'click', name: 'site_header.cart' },
  { type: 'click', name: 'order_summary.proceed_form.proceed_to_checkout' },
  { type: 'click', name: 'checkout_form.place_order' },
];
const REPEATS = 5;
const SESSIONS = 8;

const persona = (id) => ({
  id,
  display_name: 'Bench',
  demographics: { age: 30, gender: 'female', income_band: 'middle', location: 'Denver' },
  shopping_style: {
    patience: 'medium',
    thoroughness: 'medium',
    price_sensitivity: 'medium',
    brand_loyalty: 'low',
  },
  intent: 'Buy running shoes.',
  goal: 'buy',
  budget: null,
  preferred_brands: [],
  background: '',
});

export async function run() {
  const { startShop } = await importDist('sites/shop/server.js');
  const { launchBrowser } = await importDist('src/browser/launch.js');
  const { openSession } = await importDist('src/browser/session.js');
  const { TraceWriter } = await importDist('src/traces/writer.js');
  const { runSimulation } = await importDist('src/agent/run-simulation.js');
  const { DEFAULT_CONFIG } = await importDist('src/config.js');
  const shop = await startShop({ port: 0, seed: 1 });
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-bench-sim-'));
  const browser = await launchBrowser();
  const timings = { observe: [], execute: [], settle: [], record: [], step: [], navigation: [] };
  try {
    for (let r = 0; r < REPEATS; r++) {
      const session = await openSession(browser, { startUrl: shop.url });
      const writer = await TraceWriter.create(
        path.join(dir, `steps-${r}.jsonl`),
        header(`steps-${r}`, shop.url),
      );
      for (const [index, action] of FUNNEL.entries()) {
        let t = performance.now();
        const observation = await session.observe();
        const observeMs = performance.now() - t;
        // The navigation itself: load the same URL again, without simplifying or acting.
        t = performance.now();
        await session.page.goto(observation.url, { waitUntil: 'load' });
        timings.navigation.push(performance.now() - t);
        await session.observe();
        t = performance.now();
        const result = await session.execute(action);
        const executeMs = performance.now() - t;
        t = performance.now();
        await writer.appendStep(step(index, observation, action, result.urlAfter));
        const recordMs = performance.now() - t;
        timings.observe.push(observeMs);
        timings.execute.push(executeMs);
        timings.settle.push(result.settleMs);
        timings.record.push(recordMs);
        timings.step.push(observeMs + executeMs + recordMs);
      }
      await writer.abandon();
      await session.close();
    }
  } finally {
    await browser.close();
  }
  console.log(
    `${REPEATS} runs of the ${FUNNEL.length}-step purchase funnel, median ms per step:\n`,
  );
  printTable(
    ['part', 'median ms', 'of a step'],
    ['observe', 'execute', 'settle', 'record', 'step', 'navigation'].map((k) => [
      k === 'navigation'
        ? 'page navigation alone (goto + load)'
        : k === 'step'
          ? 'observe + execute + record'
          : k === 'settle'
            ? '  of execute: settle wait'
            : k,
      formatNumber(median(timings[k]), 1),
      k === 'navigation' || k === 'step'
        ? ''
        : `${Math.round((median(timings[k]) / median(timings.step)) * 100)}%`,
    ]),
  );

  const modern = await modernSteps(await launchBrowser(), openSession);
  console.log('\nexecute and settle per step, median ms, by storefront:\n');
  printTable(
    ['shop', 'steps', 'execute', 'settle'],
    [
      [
        'bundled (shop)',
        String(timings.execute.length),
        formatNumber(median(timings.execute), 1),
        formatNumber(median(timings.settle), 1),
      ],
      [
        'modern',
        String(modern.execute.length),
        formatNumber(median(modern.execute), 1),
        formatNumber(median(modern.settle), 1),
      ],
    ],
  );

  const script = path.join(dir, 'script.json');
  await writeFile(script, JSON.stringify(FUNNEL.map((action) => ({ rationale: 'bench', action }))));
  const rows = [];
  for (const concurrency of [1, 2, 4]) {
    const summary = await runSimulation({
      config: {
        ...DEFAULT_CONFIG,
        model: `scripted:${script}`,
        concurrency,
        maxSteps: 10,
        maxAttempts: 1,
        variant: 'a',
        out: path.join(dir, `run-c${concurrency}`),
      },
      site: { startUrl: shop.url, label: 'builtin', recipe: null },
      personas: Array.from({ length: SESSIONS }, (_, i) => persona(`bench-${i}`)),
      sessionsPerPersona: 1,
      screenshots: false,
    });
    rows.push([
      String(concurrency),
      `${summary.purchases}/${summary.sessions}`,
      formatNumber(summary.durationMs / 1000, 1),
      formatNumber(summary.sessionsPerMinute, 1),
      formatNumber((summary.steps / summary.durationMs) * 1000, 2),
    ]);
  }
  await shop.close();
  console.log(`\n${SESSIONS} scripted purchase sessions per row:\n`);
  printTable(['concurrency', 'purchases', 'seconds', 'sessions/min', 'steps/s'], rows);
}

function header(sessionId, site) {
  return {
    kind: 'header',
    schema_version: 1,
    session_id: sessionId,
    run_id: null,
    source: 'simulated',
    dataset: null,
    user_id: null,
    persona: null,
    site,
    variant: 'a',
    model: 'scripted',
    seed: 1,
    started_at: new Date().toISOString(),
    shopsim_version: 'bench',
    replay_of: null,
  };
}

function step(index, observation, action, urlAfter) {
  return {
    kind: 'step',
    index,
    time: new Date().toISOString(),
    url: observation.url,
    observation,
    rationale: 'bench',
    rationale_source: 'model',
    action,
    click_type: null,
    result: { ok: true, error: null, url_after: urlAfter },
    usage: null,
    raw: null,
    screenshot: null,
  };
}

/**
 * The modern shop's funnel: open search, search, quick-add from a card (hover), checkout from the
 * drawer, fill the email. Names are read from the page after each observation (by the controls'
 * markup), so the bench does not depend on the naming scheme.
 */
const MODERN_FUNNEL = [
  { type: 'click', selector: '[id="radix-:R2b6lb:"]' },
  { type: 'type_and_submit', selector: 'input[type="search"]', text: 'headphones' },
  { type: 'click', selector: 'main [data-handle] button:not([disabled])' },
  {
    type: 'click',
    selector: '[role="dialog"] a[href="/checkout"], [role="dialog"] button:text-is("Checkout")',
  },
  { type: 'type_and_submit', selector: 'input[name="email"]', text: 'bench@example.com' },
];

async function modernSteps(browser, openSession) {
  const { startModernShop } = await importDist('sites/modern/server.js');
  const shop = await startModernShop({ port: 0 });
  const timings = { execute: [], settle: [] };
  try {
    for (let r = 0; r < 3; r++) {
      const session = await openSession(browser, { startUrl: `${shop.url}/robots.txt` });
      await session.context.addCookies([
        { name: 'nf_consent', value: 'accepted', url: shop.url },
        { name: 'nf_newsletter_seen', value: '1', url: shop.url },
      ]);
      await session.page.goto(`${shop.url}/`);
      await session.page.waitForSelector('html[data-hydrated="true"]');
      for (const step of MODERN_FUNNEL) {
        await session.observe();
        const name = await session.page
          .locator(step.selector)
          .first()
          .getAttribute('data-shopsim-name');
        if (!name) throw new Error(`modern bench: no named element for ${step.selector}`);
        const action =
          step.type === 'click'
            ? { type: 'click', name }
            : { type: step.type, name, text: step.text };
        const t = performance.now();
        const result = await session.execute(action);
        timings.execute.push(performance.now() - t);
        timings.settle.push(result.settleMs);
        if (step === MODERN_FUNNEL[3])
          await session.page.waitForSelector('html[data-hydrated="true"]');
      }
      await session.close();
    }
  } finally {
    await browser.close();
    await shop.close();
  }
  return timings;
}
