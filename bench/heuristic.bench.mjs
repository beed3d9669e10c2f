// Heuristic benchmark: one step of the rule-based shopper on large generated results pages
// (bench/heuristic-page.mjs), to show the step time grows about linearly with the page. Target:
// a step on a 20,000-element page well under 2 s, on the first (cold) call and when warm.
import { formatNumber, importDist, median, printTable } from './lib.mjs';
import { largeResultsPage } from './heuristic-page.mjs';

export const title = 'Heuristic: one step on a large results page';

const TARGET_MS = 2000;
const TARGET_SIZE = 20_000;
const SIZES = [1_000, 2_000, 4_000, 8_000, TARGET_SIZE];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const PERSONA = {
  id: 'bench',
  display_name: 'Bench',
  demographics: { age: 34, gender: 'female', income_band: 'middle', location: 'Portland, OR' },
  intent: 'I need a new pair of trail running shoes for weekend hikes, under $100.',
  budget: 100,
  shopping_style: {
    patience: 'medium',
    thoroughness: 'low',
    price_sensitivity: 'medium',
    brand_loyalty: 'low',
  },
};

function timeStep(decideHeuristic, persona, observation) {
  const home = largeResultsPage(0);
  const searched = {
    observation: home,
    rationale: null,
    action: {
      type: 'type_and_submit',
      name: 'search_form.search_input',
      text: 'trail running shoes',
    },
    error: null,
  };
  const request = { persona, history: [searched], observation, feedback: [], historyPages: 1 };
  const started = performance.now();
  const answer = decideHeuristic(request, 7);
  return [performance.now() - started, answer];
}

export async function run() {
  const { decideHeuristic } = await importDist('src/models/heuristic.js');
  const { Persona } = await importDist('src/persona.js');
  const persona = Persona.parse(PERSONA);
  // The target size first, so its first call is cold, as on a fresh process.
  const order = [TARGET_SIZE, ...SIZES.filter((size) => size !== TARGET_SIZE)];
  const rows = new Map();
  for (const size of order) {
    const observation = largeResultsPage(size);
    const [coldMs, answer] = timeStep(decideHeuristic, persona, observation);
    const warm = [];
    for (let i = 0; i < RUNS; i++) warm.push(timeStep(decideHeuristic, persona, observation)[0]);
    rows.set(size, { elements: observation.elements.length, coldMs, warmMs: median(warm), answer });
  }
  printTable(
    ['elements', 'first ms', 'median ms', 'ms per 1k elements', 'action'],
    SIZES.map((size) => {
      const r = rows.get(size);
      const action = r.answer.action.type === 'click' ? r.answer.action.name : r.answer.action.type;
      return [
        formatNumber(r.elements),
        formatNumber(r.coldMs),
        formatNumber(r.warmMs),
        formatNumber((r.warmMs / r.elements) * 1000, 1),
        action,
      ];
    }),
  );
  const target = rows.get(TARGET_SIZE);
  const worst = Math.max(target.coldMs, target.warmMs);
  const met = worst < TARGET_MS ? 'met' : 'MISSED';
  console.log(
    `\ntarget: one step on a ${formatNumber(target.elements)}-element page under ${TARGET_MS} ms: ${met} (${formatNumber(worst)} ms, slower of first and median)`,
  );
}
