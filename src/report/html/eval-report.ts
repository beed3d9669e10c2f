import { formatAction } from '../../action.js';
import { priceOf, type PriceTable } from '../../cost/prices.js';
import { formatTokens, formatUsd, stepsUsage } from '../../cost/usage.js';
import type { EvalResult } from '../../eval/eval-result.js';
import { CONFUSION_COLUMNS } from '../../eval/metrics/confusion.js';
import { ERROR_CATEGORIES, ERROR_LABELS } from '../../eval/metrics/taxonomy.js';
import type { PredictionRecord } from '../../eval/prediction-record.js';
import { PUBLISHED_WRONG_TARGET_SHARE } from '../../eval/published.js';
import type { Trace } from '../../traces/schema.js';
import { percent, percentInterval } from '../format.js';
import { confusionChart, intervalChart, sharesChart } from './charts.js';
import { html, type SafeHtml } from './escape.js';
import type { ReportTab } from './page.js';
import type { ScreenshotSources } from './screenshots.js';
import { MAX_VIEWED_SESSIONS, sessionViewer } from './viewer.js';
import { chartBox, chartRow, htmlTable, note, section } from './widgets.js';

type Interval = [number, number] | null;

function metricRows(m: EvalResult['metrics']) {
  const rows: { label: string; value: number | null; interval: Interval }[] = [
    { label: 'next-action accuracy', value: m.accuracy.value, interval: m.accuracy.interval },
    {
      label: 'action-type macro F1',
      value: m.actionTypeF1.macro,
      interval: m.actionTypeF1.interval,
    },
    {
      label: 'click-type weighted F1',
      value: m.clickTypeF1.weighted,
      interval: m.clickTypeF1.interval,
    },
    {
      label: 'outcome F1 (purchase)',
      value: m.outcome.binaryF1,
      interval: m.outcome.binaryInterval,
    },
    {
      label: 'outcome F1 (weighted)',
      value: m.outcome.weightedF1,
      interval: m.outcome.weightedInterval,
    },
  ];
  return rows;
}

async function overview(
  result: EvalResult,
  predictions: readonly PredictionRecord[],
  prices: PriceTable,
): Promise<SafeHtml> {
  const m = result.metrics;
  const rows = metricRows(m);
  const table = htmlTable(
    ['metric', 'value', `${Math.round(m.bootstrap.level * 100)}% interval (session bootstrap)`],
    rows.map((r) => [r.label, percent(r.value), percentInterval(r.interval)]),
  );
  const points = rows
    .filter((r) => r.value !== null)
    .map((r) => ({
      label: r.label,
      group: 'this run',
      value: r.value!,
      low: r.interval?.[0] ?? null,
      high: r.interval?.[1] ?? null,
    }));
  const published = result.published.flatMap((p) => [
    ...(p.action_accuracy === null
      ? []
      : [
          {
            label: 'next-action accuracy',
            group: 'published',
            value: p.action_accuracy,
            low: null,
            high: null,
          },
        ]),
    ...(p.outcome_f1 === null
      ? []
      : [
          {
            label:
              p.outcome_f1_kind === 'weighted' ? 'outcome F1 (weighted)' : 'outcome F1 (purchase)',
            group: 'published',
            value: p.outcome_f1,
            low: null,
            high: null,
          },
        ]),
  ]);
  const confusion = Object.entries(m.confusion).flatMap(([gold, row]) =>
    CONFUSION_COLUMNS.map((predicted) => ({ gold, predicted, count: row[predicted] })),
  );
  const goldTotal = Object.values(m.confusion).reduce(
    (s, row) => s + Object.values(row).reduce((a, b) => a + b, 0),
    0,
  );
  const distribution = Object.entries(m.confusion).flatMap(([type, row]) => [
    {
      group: 'human',
      category: type,
      share: Object.values(row).reduce((a, b) => a + b, 0) / Math.max(1, goldTotal),
    },
    {
      group: 'model',
      category: type,
      share:
        Object.values(m.confusion).reduce((s, r) => s + r[type as keyof typeof r], 0) /
        Math.max(1, goldTotal),
    },
  ]);
  const errors = ERROR_CATEGORIES.filter((c) => c !== 'illegal' && c !== 'missing').map((c) => ({
    group: 'share of wrong valid predictions',
    category: ERROR_LABELS[c],
    share: m.taxonomy.shares[c as keyof typeof m.taxonomy.shares] ?? 0,
  }));
  const charts = chartRow([
    await chartBox(
      'Metrics with intervals, published figures beside',
      intervalChart([...points, ...published], 'score'),
      'Published figures: other datasets, sites and prompts; for reference only.',
    ),
    await chartBox('Action-type confusion', confusionChart(confusion)),
    await chartBox('Action types: human vs model', sharesChart(distribution, 'share of steps')),
    await chartBox('Error taxonomy', sharesChart(errors, 'share')),
  ]);
  const publishedTable = htmlTable(
    ['source', 'dataset', 'model', 'setting', 'action accuracy', 'outcome F1'],
    [
      [
        'this run',
        `${m.sessions} sessions, ${m.steps} steps`,
        result.settings.model ?? result.settings.predictions_file ?? 'n/a',
        result.settings.mode,
        percent(m.accuracy.value),
        percent(m.outcome.binaryF1),
      ],
      ...result.published.map((p) => [
        p.source,
        p.dataset,
        p.model,
        p.setting,
        percent(p.action_accuracy),
        p.outcome_f1 === null ? 'n/a' : `${percent(p.outcome_f1)} (${p.outcome_f1_kind})`,
      ]),
    ],
  );
  const taxonomy = htmlTable(
    ['error', 'steps', 'share of wrong valid predictions'],
    ERROR_CATEGORIES.map((c) => [
      ERROR_LABELS[c],
      m.taxonomy.counts[c],
      c === 'illegal' || c === 'missing' ? null : percent(m.taxonomy.shares[c]),
    ]),
  );
  const usage = stepsUsage(
    predictions.map((p) => p.usage),
    result.settings.model ? priceOf(result.settings.model, prices) : null,
  );
  return html`${section('Metrics', table)}${note(`${m.sessions} human sessions, ${m.steps} steps; ${m.status.illegal} illegal and ${m.status.missing} missing predictions.`)}${section('Charts', charts)}${section('Published figures beside ours', publishedTable)}${section('Error taxonomy', taxonomy)}${note(`Published studies found "clicked the wrong target" to be ${percent(PUBLISHED_WRONG_TARGET_SHARE[0], 0)}–${percent(PUBLISHED_WRONG_TARGET_SHARE[1], 0)} of errors.`)}${section('Tokens and cost', htmlTable(['model calls', 'tokens in', 'tokens out', 'model s', 'cost'], [[usage.calls, formatTokens(usage.promptTokens), formatTokens(usage.completionTokens), Number((usage.latencyMs / 1000).toFixed(1)), formatUsd(usage.costUsd)]]))}`;
}

/** Each human step with the model's prediction for it, in the session viewer. */
function sessionsTab(
  humans: readonly Trace[],
  predictions: readonly PredictionRecord[],
  shots: ScreenshotSources,
): SafeHtml {
  const byStep = new Map(predictions.map((p) => [`${p.session_id}\n${p.step}`, p]));
  const extra = (trace: Trace, step: { index: number }) => {
    const p = byStep.get(`${trace.header.session_id}\n${step.index}`);
    if (!p) return html`<div class="note">No prediction for this step.</div>`;
    return html`<div class="${p.correct ? '' : 'error'}">
        Model predicted:
        <span class="action">${p.action ? formatAction(p.action) : p.status}</span>
        ${p.correct ? '✓ matches the human' : `✗ ${p.error_category ?? p.status}`}${p.error ? html` <span class="note">${p.error}</span>` : null}
      </div>
      ${p.rationale ? html`<div class="rationale">Model: ${p.rationale}</div>` : null}`;
  };
  return html`${note('Human sessions step by step, each with the simulated shopper’s prediction for that step (teacher-forced).')}${humans.slice(0, MAX_VIEWED_SESSIONS).map((t) => sessionViewer(t, { shots, extra }))}`;
}

/** The tabs of an eval report. */
export async function evalReport(
  result: EvalResult,
  humans: readonly Trace[],
  predictions: readonly PredictionRecord[],
  prices: PriceTable,
  shots: ScreenshotSources,
): Promise<{ title: string; subtitle: string; tabs: ReportTab[] }> {
  return {
    title: 'shopsim eval: next-action prediction against human sessions',
    subtitle: `${result.settings.model ?? result.settings.predictions_file ?? ''} · human sessions ${result.settings.human} · ${result.created_at}`,
    tabs: [
      { id: 'tab-overview', title: 'Overview', body: await overview(result, predictions, prices) },
      {
        id: 'tab-sessions',
        title: 'Human vs simulated steps',
        body: sessionsTab(humans, predictions, shots),
      },
    ],
  };
}
