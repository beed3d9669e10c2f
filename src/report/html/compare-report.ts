import { wilsonInterval } from '../../ab/stats/wilson.js';
import type { PriceTable } from '../../cost/prices.js';
import type { CompareResult, PopulationSummary } from '../../eval/compare/compare.js';
import { FUNNEL_STAGES } from '../../eval/compare/population.js';
import { PUBLISHED_HUMAN_AGGREGATES } from '../../eval/published.js';
import type { Trace } from '../../traces/schema.js';
import { fixed, percent } from '../format.js';
import { funnelChart, histogramChart, sharesChart } from './charts.js';
import { html, type SafeHtml } from './escape.js';
import type { ReportTab } from './page.js';
import { runOverview } from './run-report.js';
import type { ScreenshotSources } from './screenshots.js';
import { sessionStats, shopperOf } from './session-stats.js';
import { MAX_VIEWED_SESSIONS, sessionViewer, sideBySide } from './viewer.js';
import { chartBox, chartRow, htmlTable, note, section } from './widgets.js';

function shares(group: string, counts: Record<string, number>) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return Object.entries(counts).map(([category, n]) => ({
    group,
    category,
    share: n / Math.max(1, total),
  }));
}

function funnel(group: string, p: PopulationSummary) {
  return FUNNEL_STAGES.map((stage, order) => {
    const [low, high] = wilsonInterval(p.funnel[stage], p.sessions, 1.96);
    return { group, stage, order, share: p.funnel[stage] / Math.max(1, p.sessions), low, high };
  });
}

async function overview(r: CompareResult): Promise<SafeHtml> {
  const dims = htmlTable(
    ['dimension', 'distance', 'verdict'],
    r.dimensions.map((d) => [d.label, fixed(d.distance), d.verdict ?? 'n/a']),
  );
  const charts = chartRow([
    await chartBox(
      'Funnel',
      funnelChart([...funnel('simulated', r.simulated), ...funnel('human', r.human)]),
      'Share of sessions per stage, 95% Wilson intervals.',
    ),
    await chartBox(
      'Action types',
      sharesChart(
        [...shares('simulated', r.simulated.actionTypes), ...shares('human', r.human.actionTypes)],
        'share of steps',
      ),
    ),
    await chartBox(
      'Click types',
      sharesChart(
        [...shares('simulated', r.simulated.clickTypes), ...shares('human', r.human.clickTypes)],
        'share of clicks',
      ),
    ),
    await chartBox(
      'Session length',
      histogramChart(
        [
          ...r.simulated.lengths.map((value) => ({ group: 'simulated', value })),
          ...r.human.lengths.map((value) => ({ group: 'human', value })),
        ],
        'steps',
        true,
      ),
    ),
  ]);
  const rate = (p: PopulationSummary) => percent(p.purchaseRate, 0);
  const published = htmlTable(
    ['', 'simulated', 'human', `published human (${PUBLISHED_HUMAN_AGGREGATES.source})`],
    [
      ['sessions', r.simulated.sessions, r.human.sessions, null],
      [
        'mean actions per session',
        fixed(r.simulated.length.mean, 1),
        fixed(r.human.length.mean, 1),
        fixed(PUBLISHED_HUMAN_AGGREGATES.actions_per_session, 1),
      ],
      [
        'purchase rate',
        rate(r.simulated),
        rate(r.human),
        percent(PUBLISHED_HUMAN_AGGREGATES.purchase_rate, 0),
      ],
    ],
  );
  return html`${section('Distances', dims)}${note('Jensen–Shannon distance for shares, Kolmogorov–Smirnov for lengths, Jaccard for query terms; verdicts from the documented thresholds.')}${section('Human vs simulated', charts)}${section('Published figures beside ours', published)}`;
}

/** Sessions of the same shopper (persona or user id) side by side; the rest one under another. */
function pairedSessions(
  sim: readonly Trace[],
  humans: readonly Trace[],
  shots: ScreenshotSources,
): SafeHtml {
  const shoppers = [...new Set([...sim, ...humans].map(shopperOf))]
    .sort()
    .slice(0, MAX_VIEWED_SESSIONS);
  return html`${note('Sessions grouped by persona (or human user id): human and simulated side by side where both exist.')}${shoppers.map(
    (who) => {
      const s = sim.filter((t) => shopperOf(t) === who);
      const h = humans.filter((t) => shopperOf(t) === who);
      return html`<h3>${who}</h3>
        ${sideBySide(['simulated', 'human'], s.length ? html`${s.map((t) => sessionViewer(t, { shots }))}` : null, h.length ? html`${h.map((t) => sessionViewer(t, { shots }))}` : null)}`;
    },
  )}`;
}

/** The tabs of a compare report. */
export async function compareReport(
  r: CompareResult,
  sim: readonly Trace[],
  humans: readonly Trace[],
  prices: PriceTable,
  shots: ScreenshotSources,
): Promise<{ title: string; subtitle: string; tabs: ReportTab[] }> {
  return {
    title: 'shopsim compare: simulated vs human sessions',
    subtitle: `${r.simulated.sessions} simulated (${r.simulated.path}) vs ${r.human.sessions} human (${r.human.path}) · ${r.created_at}`,
    tabs: [
      { id: 'tab-overview', title: 'Overview', body: await overview(r) },
      {
        id: 'tab-cost',
        title: 'Simulated sessions and cost',
        body: await runOverview(sim.map((t) => sessionStats(t, prices))),
      },
      {
        id: 'tab-sessions',
        title: 'Sessions side by side',
        body: pairedSessions(sim, humans, shots),
      },
    ],
  };
}
