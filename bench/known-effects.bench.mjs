// The known-effect suite as a benchmark: with the default model (heuristic) on the bundled shop,
// the share of runs that find each known-effect variant in the expected direction with at most
// MAX_PAIRS pairs (sequential test, --until-decided), and the A/A false-positive rate over
// AA_REPEATS A/A previews with different seeds (exact McNemar at 0.05 on AA_PAIRS pairs each).
// Targets (issue 12): every variant found with <= 200 pairs; A/A false positives <= 5%.
// Sizes: SHOPSIM_BENCH_EFFECT_REPEATS (default 1 run per variant), SHOPSIM_BENCH_MAX_PAIRS (200),
// SHOPSIM_BENCH_AA_REPEATS (40), SHOPSIM_BENCH_AA_PAIRS (10), SHOPSIM_BENCH_CONCURRENCY (4);
// SHOPSIM_BENCH_VARIANTS=buy-below,long-checkout runs only those. Each result is printed as it
// comes (a full run takes hours on 2 cores), then the summary table.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importDist, printTable } from './lib.mjs';

export const title =
  'Known-effect suite: detection per variant and A/A false positives (heuristic)';

const env = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const EFFECT_REPEATS = env('SHOPSIM_BENCH_EFFECT_REPEATS', 1);
const MAX_PAIRS = env('SHOPSIM_BENCH_MAX_PAIRS', 200);
const AA_REPEATS = env('SHOPSIM_BENCH_AA_REPEATS', 40);
const AA_PAIRS = env('SHOPSIM_BENCH_AA_PAIRS', 10);
// SHOPSIM_BENCH_AA_FROM=k starts at repeat k+1 (seed 5000 + k): finishes an interrupted A/A run
const AA_FROM = Math.min(env('SHOPSIM_BENCH_AA_FROM', 0), AA_REPEATS);
const AA_RUNS = AA_REPEATS - AA_FROM;
const CONCURRENCY = env('SHOPSIM_BENCH_CONCURRENCY', 4);

export async function run() {
  const { KNOWN_EFFECTS } = await importDist('src/ab/suite/known-effects.js');
  const { runSuite, suiteOptions } = await importDist('src/ab/suite/run-suite.js');
  const { openSite } = await importDist('src/cli/site.js');
  const { DEFAULT_CONFIG } = await importDist('src/config.js');
  const { loadPersonas } = await importDist('src/persona.js');
  const personas = await loadPersonas([path.resolve('personas')]);
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-bench-suite-'));
  const site = await openSite('builtin', null, 1);
  const suite = async (effects, seed, pairs, untilDecided, name) => {
    const started = performance.now();
    const result = await runSuite(
      suiteOptions(site, {
        suite: 'known-effects',
        effects,
        config: {
          ...DEFAULT_CONFIG,
          model: 'heuristic',
          seed,
          maxSteps: 30,
          concurrency: CONCURRENCY,
          out: path.join(dir, name),
        },
        by: { kind: 'query', name: 'variant' },
        personas,
        sessions: Math.ceil(pairs / personas.length),
        maxPairs: pairs,
        untilDecided,
      }),
    );
    return { verdicts: result.verdicts, seconds: (performance.now() - started) / 1000 };
  };
  try {
    const rows = [];
    const only = process.env.SHOPSIM_BENCH_VARIANTS?.split(',').map((v) => v.trim());
    const chosen = KNOWN_EFFECTS.filter(
      (e) => e.expect !== 'none' && (!only || only.includes(e.variant)),
    );
    for (const effect of chosen) {
      const runs = [];
      for (let r = 0; r < EFFECT_REPEATS; r++) {
        runs.push(await suite([effect], 1000 + r, MAX_PAIRS, true, `${effect.arm}-${r}`));
        const v = runs.at(-1).verdicts[0];
        console.log(`  ${effect.arm} run ${r + 1}: ${v.found ? 'found' : 'not found'} after ${v.pairs} pairs, ${v.note} (${runs.at(-1).seconds.toFixed(0)} s)`); // prettier-ignore
      }
      const verdicts = runs.map((x) => x.verdicts[0]);
      const found = verdicts.filter((v) => v.found).length;
      rows.push([
        effect.arm,
        `${found}/${runs.length}`,
        verdicts.map((v) => v.pairs).join(', '),
        verdicts.map((v) => `${(100 * v.difference).toFixed(1)}%`).join(', '),
        runs.map((x) => x.seconds.toFixed(0)).join(', '),
      ]);
    }
    printTable(['variant', 'found', 'pairs run', 'conversion diff', 'seconds'], rows);
    const aa = KNOWN_EFFECTS.filter((e) => e.expect === 'none');
    let falsePositives = 0;
    let seconds = 0;
    for (let r = AA_FROM; r < AA_REPEATS; r++) {
      const x = await suite(aa, 5000 + r, AA_PAIRS, false, `aa-${r}`);
      if (x.verdicts[0].significant) falsePositives++;
      seconds += x.seconds;
      console.log(`  A/A ${r + 1}: ${x.verdicts[0].note} (${x.seconds.toFixed(0)} s)`);
    }
    console.log(
      `\nA/A: ${falsePositives} of ${AA_RUNS} previews (${AA_PAIRS} pairs each) called significant: ` +
        `${((100 * falsePositives) / AA_RUNS).toFixed(1)}% (target <= 5%: ${falsePositives <= AA_RUNS * 0.05 ? 'met' : 'MISSED'}), ${seconds.toFixed(0)} s`,
    );
    const missed = rows.filter((r) => !r[1].startsWith(`${EFFECT_REPEATS}/`)).map((r) => r[0]);
    console.log(
      `variants found in every run with <= ${MAX_PAIRS} pairs: ${missed.length ? `MISSED (${missed.join(', ')})` : 'met'}`,
    );
  } finally {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
}
