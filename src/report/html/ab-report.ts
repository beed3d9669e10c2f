import path from 'node:path';
import { FUNNEL_STAGES } from '../../ab/funnel.js';
import type { ContinuationResult, PairsResult } from '../../ab/preview.js';
import { wilsonInterval } from '../../ab/stats/wilson.js';
import type { PriceTable } from '../../cost/prices.js';
import type { Trace } from '../../traces/schema.js';
import { fixed, percent, percentInterval } from '../format.js';
import { funnelChart, intervalChart, outcomeChart } from './charts.js';
import { html, type SafeHtml } from './escape.js';
import type { ReportTab } from './page.js';
import type { ScreenshotSources } from './screenshots.js';
import { outcomeRows, sessionStats } from './session-stats.js';
import { runOverview, sessionsTab } from './run-report.js';
import { MAX_VIEWED_SESSIONS, sessionViewer, sideBySide } from './viewer.js';
import { chartBox, chartRow, htmlTable, note, section, type HtmlCell } from './widgets.js';

/** ab.json of either kind. */
export type AbResult = PairsResult | ContinuationResult;

/** The traces of one arm: the run folder's <arm>/ sub-folder. */
export function armOf(runDir: string, trace: Trace): string | null {
  const rel = path.relative(path.resolve(runDir), path.resolve(trace.file));
  const first = rel.split(path.sep)[0];
  return first && first !== '..' && rel.includes(path.sep) ? first : null;
}

function differencesTable(result: PairsResult): SafeHtml {
  const rows = result.stats.metrics.map((m): HtmlCell[] =>
    m.kind === 'binary'
      ? [
          m.metric,
          m.role,
          m.pairs,
          percent(m.controlRate),
          percent(m.treatmentRate),
          percent(m.difference),
          percentInterval(m.interval),
          fixed(m.mcnemar.pValue),
        ]
      : [
          m.metric,
          m.role,
          m.pairs,
          fixed(m.controlMean),
          fixed(m.treatmentMean),
          fixed(m.meanDifference),
          m.interval ? `[${fixed(m.interval[0])}, ${fixed(m.interval[1])}]` : 'n/a',
          null,
        ],
  );
  return htmlTable(
    [
      'metric',
      'role',
      'pairs',
      result.arms.control,
      result.arms.treatment,
      'difference',
      '95% interval',
      'McNemar p',
    ],
    rows,
  );
}

async function pairsOverview(result: PairsResult, arms: Map<string, Trace[]>): Promise<SafeHtml> {
  const funnel = result.funnel.flatMap((arm) =>
    FUNNEL_STAGES.map((stage, order) => {
      const [low, high] = wilsonInterval(arm.stages[stage], arm.sessions, 1.96);
      return {
        group: arm.arm,
        stage,
        order,
        share: arm.stages[stage] / Math.max(1, arm.sessions),
        low,
        high,
      };
    }),
  );
  const binary = result.stats.metrics.filter((m) => m.kind === 'binary');
  const diffs = binary.map((m) => ({
    label: m.metric,
    group: `${result.arms.treatment} − ${result.arms.control}`,
    value: m.difference,
    low: m.interval[0],
    high: m.interval[1],
  }));
  const stats = [...arms].flatMap(([arm, traces]) =>
    traces.map((t) => ({ arm, s: sessionStats(t, {}) })),
  );
  const charts = chartRow([
    await chartBox(
      'Funnel by arm',
      funnelChart(funnel),
      'Share of sessions per stage, 95% Wilson intervals.',
    ),
    await chartBox(
      'Paired differences',
      intervalChart(diffs, 'treatment − control', true),
      'Yes/no metrics, 95% Newcombe intervals.',
    ),
    await chartBox(
      'Outcomes by arm',
      outcomeChart(
        outcomeRows(
          stats.map((x) => x.s),
          (s) => stats.find((x) => x.s === s)!.arm,
        ),
      ),
    ),
  ]);
  const personas = htmlTable(
    [
      'persona',
      'pairs',
      `${result.arms.control} conversions`,
      `${result.arms.treatment} conversions`,
      `only ${result.arms.control}`,
      `only ${result.arms.treatment}`,
    ],
    result.personas.map((p) => [
      p.persona,
      p.pairs,
      p.controlConversions,
      p.treatmentConversions,
      p.onlyControl,
      p.onlyTreatment,
    ]),
  );
  return html`${section('Differences', differencesTable(result))}${note(`Primary metric: ${result.stats.primary}; every other metric is exploratory. ${result.stats.pairs} pairs over ${result.stats.personas} personas; model ${result.model}, seed ${result.seed}.`)}${section('Charts', charts)}${section('Per persona', personas)}`;
}

function discordantTab(
  result: PairsResult,
  arms: Map<string, Trace[]>,
  shots: ScreenshotSources,
): SafeHtml {
  const find = (arm: string, pairId: string) =>
    arms.get(arm)?.find((t) => t.header.session_id === pairId) ?? null;
  const groups = result.discordant.map((g) =>
    section(
      `${g.metric}: ${g.pairs.length} discordant pairs${g.step === null ? '' : `, diverging at step ${g.step}`}`,
      g.pairs.slice(0, MAX_VIEWED_SESSIONS).map((p) => {
        const c = find(result.arms.control, p.pairId);
        const t = find(result.arms.treatment, p.pairId);
        return html`<h3>
            Pair ${p.pairId} (${p.persona}), favours
            ${p.favours}${p.step === null ? '' : `, first divergence at step ${p.step}`}
          </h3>
          ${sideBySide(
            [`${result.arms.control}`, `${result.arms.treatment}`],
            c && sessionViewer(c, { shots }),
            t && sessionViewer(t, { shots }),
          )}`;
      }),
    ),
  );
  return groups.length
    ? html`${groups}`
    : note('No discordant pairs: both arms ended alike in every pair.');
}

/** The tabs of an A/B report: the arm-by-arm funnel, differences, discordant pairs, sessions. */
export async function abReport(
  result: AbResult,
  traces: readonly Trace[],
  prices: PriceTable,
  shots: ScreenshotSources,
): Promise<{ title: string; subtitle: string; tabs: ReportTab[] }> {
  const arms = new Map<string, Trace[]>();
  for (const t of traces) {
    const arm = armOf(result.runDir, t) ?? t.header.variant ?? 'unknown';
    arms.set(arm, [...(arms.get(arm) ?? []), t]);
  }
  const armNames = Object.keys(result.armUrls);
  const subtitle = `${armNames.join(' vs ')} · model ${result.model} · site ${result.site} · ${traces.length} sessions`;
  const stats = traces.map((t) => sessionStats(t, prices));
  const cost = { id: 'tab-cost', title: 'Sessions and cost', body: await runOverview(stats) };
  const viewers = { id: 'tab-sessions', title: 'Sessions', body: sessionsTab(traces, shots) };
  if (result.kind === 'pairs') {
    return {
      title: `A/B preview ${result.arms.control} vs ${result.arms.treatment}`,
      subtitle,
      tabs: [
        { id: 'tab-overview', title: 'Overview', body: await pairsOverview(result, arms) },
        {
          id: 'tab-discordant',
          title: 'Discordant pairs',
          body: discordantTab(result, arms, shots),
        },
        cost,
        viewers,
      ],
    };
  }
  const tallies = htmlTable(
    ['arm', 'sessions', 'purchase', 'terminate', 'max steps', 'error', 'same ending as human'],
    result.tallies.map((t) => [
      t.arm,
      t.sessions,
      t.outcomes.purchase,
      t.outcomes.terminate,
      t.outcomes.max_steps,
      t.outcomes.error,
      t.sameAsHuman,
    ]),
  );
  return {
    title: `Counterfactual continuation ${armNames.join(' vs ')}`,
    subtitle,
    tabs: [
      {
        id: 'tab-overview',
        title: 'Overview',
        body: html`${section('Endings by arm', tallies)}${section('Outcomes', chartRow([await chartBox('Outcomes by arm', outcomeChart(outcomeRows(stats, (s) => armOf(result.runDir, s.trace) ?? 'unknown')))]))}`,
      },
      cost,
      viewers,
    ],
  };
}
