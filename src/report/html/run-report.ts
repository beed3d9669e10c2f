import { PRICES_AS_OF, type PriceTable } from '../../cost/prices.js';
import { formatTokens, formatUsd } from '../../cost/usage.js';
import type { RunInfo, Trace } from '../../traces/schema.js';
import { percent } from '../format.js';
import { funnelChart, histogramChart, outcomeChart } from './charts.js';
import { html, type SafeHtml } from './escape.js';
import type { ReportTab } from './page.js';
import type { ScreenshotSources } from './screenshots.js';
import {
  funnelRows,
  groupTotals,
  outcomeRows,
  sessionStats,
  totalsOf,
  type SessionStats,
} from './session-stats.js';
import { MAX_VIEWED_SESSIONS, sessionViewer } from './viewer.js';
import { chartBox, chartRow, htmlTable, note, section, type HtmlCell } from './widgets.js';

type Totals = ReturnType<typeof totalsOf>;

function totalsRow(t: Totals): HtmlCell[] {
  return [
    t.label,
    t.sessions,
    `${percent(t.purchaseRate, 0)} (${t.purchases})`,
    Number(t.meanSteps.toFixed(1)),
    t.terminates,
    t.maxSteps,
    t.errors,
    t.usage.calls,
    formatTokens(t.usage.promptTokens),
    formatTokens(t.usage.completionTokens),
    Number((t.usage.latencyMs / 1000).toFixed(1)),
    formatUsd(t.usage.costUsd),
  ];
}

const HEADERS = [
  'persona',
  'sessions',
  'purchase rate',
  'mean steps',
  'terminates',
  'max steps',
  'errors',
  'model calls',
  'tokens in',
  'tokens out',
  'model s',
  'cost',
];

/** The per-persona table, outcome and funnel charts, step and duration distributions, cost. */
export async function runOverview(stats: readonly SessionStats[]): Promise<SafeHtml> {
  const all = totalsOf('all', stats);
  const rows = [...groupTotals(stats), all].map(totalsRow);
  const charts = chartRow([
    await chartBox('Outcomes by persona', outcomeChart(outcomeRows(stats))),
    await chartBox(
      'Funnel',
      funnelChart(funnelRows(stats, () => 'all sessions')),
      'Share of sessions reaching each stage.',
    ),
    await chartBox(
      'Steps per session',
      histogramChart(
        stats.map((s) => ({ group: 'sessions', value: s.steps })),
        'steps',
        true,
      ),
    ),
    await chartBox(
      'Duration per session',
      histogramChart(
        stats
          .filter((s) => s.seconds !== null)
          .map((s) => ({ group: 'sessions', value: s.seconds! })),
        'seconds',
        false,
      ),
    ),
  ]);
  const perSession = stats.map(
    (s) =>
      [
        s.trace.header.session_id,
        s.group,
        s.outcome,
        s.steps,
        s.seconds === null ? null : Number(s.seconds.toFixed(1)),
        formatTokens(s.usage.promptTokens),
        formatTokens(s.usage.completionTokens),
        Number((s.usage.latencyMs / 1000).toFixed(1)),
        formatUsd(s.usage.costUsd),
      ] as HtmlCell[],
  );
  return html`${section('Per persona', htmlTable(HEADERS, rows))}
  ${note(`Cost at the run's price table (USD per million tokens; defaults as of ${PRICES_AS_OF}); n/a: the model has no price or reported no tokens. Rates leave interrupted and unfinished sessions out.`)}
  ${section('Charts', charts)}
  ${section('Sessions', htmlTable(['session', 'persona', 'outcome', 'steps', 'seconds', 'tokens in', 'tokens out', 'model s', 'cost'], perSession))}`;
}

/** Every session's viewer (up to MAX_VIEWED_SESSIONS). */
export function sessionsTab(traces: readonly Trace[], shots: ScreenshotSources): SafeHtml {
  const shown = traces.slice(0, MAX_VIEWED_SESSIONS);
  return html`${shown.map((t) => sessionViewer(t, { shots }))}${traces.length > shown.length ? note(`${traces.length - shown.length} more sessions are not shown; open their traces with shopsim traces show.`) : null}${shots.count > 0 && !shots.embedded ? note('Screenshots are linked from the run folder (too large to embed): keep this file inside it.') : null}`;
}

/** The tabs of a run folder's report (simulate, replay, record, import). */
export async function runReport(
  info: RunInfo | null,
  traces: readonly Trace[],
  prices: PriceTable,
  shots: ScreenshotSources,
): Promise<{ title: string; subtitle: string; tabs: ReportTab[] }> {
  const stats = traces.map((t) => sessionStats(t, prices));
  const model = info?.model ?? traces[0]?.header.model ?? 'n/a';
  return {
    title: `shopsim ${info?.kind ?? 'traces'} ${info?.run_id ?? ''}`.trim(),
    subtitle: `${traces.length} sessions · model ${model} · site ${info?.site ?? traces[0]?.header.site ?? 'n/a'}${info?.variant ? ` · variant ${info.variant}` : ''}${info ? ` · ${info.created_at}` : ''}`,
    tabs: [
      { id: 'tab-overview', title: 'Overview', body: await runOverview(stats) },
      { id: 'tab-sessions', title: 'Sessions', body: sessionsTab(traces, shots) },
    ],
  };
}
