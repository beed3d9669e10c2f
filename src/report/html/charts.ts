import type { ChartSpec } from './svg.js';

/**
 * The report's charts as Vega-Lite specs. Data are plain rows; every chart is small and fixed
 * in size so the page lays out the same everywhere.
 */

const SIZE = { width: 360, height: 200 };

/** Count of sessions by outcome, stacked per group (persona or arm). */
export function outcomeChart(
  rows: { group: string; outcome: string; sessions: number }[],
): ChartSpec {
  return {
    width: SIZE.width,
    height: { step: 28 },
    data: { values: rows },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'group', type: 'nominal', title: null },
      x: { field: 'sessions', type: 'quantitative', title: 'sessions', stack: 'zero' },
      color: { field: 'outcome', type: 'nominal', title: 'outcome' },
    },
  };
}

/** Share of sessions reaching each funnel stage, with an interval per bar when given. */
export function funnelChart(
  rows: {
    group: string;
    stage: string;
    order: number;
    share: number;
    low?: number;
    high?: number;
  }[],
): ChartSpec {
  const withIntervals = rows.some((r) => r.low !== undefined);
  const groups = new Set(rows.map((r) => r.group)).size;
  const stages = [...rows].sort((a, b) => a.order - b.order).map((r) => r.stage);
  const x = { field: 'stage', type: 'nominal', sort: [...new Set(stages)], title: null };
  const bar = {
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x,
      ...(groups > 1 ? { xOffset: { field: 'group' } } : {}),
      y: {
        field: 'share',
        type: 'quantitative',
        title: 'share of sessions',
        stack: null,
        scale: { domain: [0, 1] },
        axis: { format: '%' },
      },
      color: { field: 'group', type: 'nominal', title: null },
    },
  };
  const rule = {
    mark: { type: 'errorbar', ticks: true },
    encoding: {
      x,
      ...(groups > 1 ? { xOffset: { field: 'group' } } : {}),
      y: { field: 'low', type: 'quantitative', title: 'share of sessions' },
      y2: { field: 'high' },
    },
  };
  return { ...SIZE, data: { values: rows }, layer: withIntervals ? [bar, rule] : [bar] };
}

/** A histogram of one number per session (steps, seconds), one colour per group. */
export function histogramChart(
  rows: { group: string; value: number }[],
  title: string,
  discrete: boolean,
): ChartSpec {
  return {
    ...SIZE,
    data: { values: rows },
    mark: { type: 'bar', tooltip: true, opacity: 0.75 },
    encoding: {
      x: {
        field: 'value',
        type: 'quantitative',
        bin: discrete ? { step: 1 } : { maxbins: 20 },
        title,
      },
      y: { aggregate: 'count', type: 'quantitative', title: 'sessions', stack: null },
      color: { field: 'group', type: 'nominal', title: null },
    },
  };
}

/** Point estimates with interval bars, one row per label (metrics, differences). */
export function intervalChart(
  rows: { label: string; group: string; value: number; low: number | null; high: number | null }[],
  title: string,
  zeroLine = false,
): ChartSpec {
  const y = { field: 'label', type: 'nominal', title: null, sort: null };
  const layers: ChartSpec[] = [
    {
      mark: { type: 'rule' },
      transform: [{ filter: 'datum.low !== null' }],
      encoding: {
        y,
        x: { field: 'low', type: 'quantitative', title },
        x2: { field: 'high' },
        color: { field: 'group', type: 'nominal', title: null },
      },
    },
    {
      mark: { type: 'point', filled: true, size: 60, tooltip: true },
      encoding: {
        y,
        x: { field: 'value', type: 'quantitative', title },
        color: { field: 'group', type: 'nominal', title: null },
      },
    },
  ];
  if (zeroLine)
    layers.push({
      data: { values: [{ zero: 0 }] },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
      encoding: { x: { field: 'zero', type: 'quantitative' } },
    });
  return { width: 360, data: { values: rows }, layer: layers };
}

/** Grouped bars of shares per category for two or more groups (action types, error kinds). */
export function sharesChart(
  rows: { group: string; category: string; share: number }[],
  title: string,
): ChartSpec {
  const groups = new Set(rows.map((r) => r.group)).size;
  return {
    ...SIZE,
    data: { values: rows },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'category', type: 'nominal', title: null, sort: null },
      ...(groups > 1 ? { xOffset: { field: 'group' } } : {}),
      y: { field: 'share', type: 'quantitative', title, axis: { format: '%' } },
      color: { field: 'group', type: 'nominal', title: null },
    },
  };
}

/** A heat map of counts (the action-type confusion of eval). */
export function confusionChart(
  rows: { gold: string; predicted: string; count: number }[],
): ChartSpec {
  return {
    width: 300,
    height: 160,
    data: { values: rows },
    encoding: {
      x: { field: 'predicted', type: 'nominal', title: 'predicted', sort: null },
      y: { field: 'gold', type: 'nominal', title: 'human (gold)', sort: null },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: {
            field: 'count',
            type: 'quantitative',
            scale: { scheme: 'blues' },
            title: 'steps',
          },
        },
      },
      { mark: { type: 'text' }, encoding: { text: { field: 'count', type: 'quantitative' } } },
    ],
  };
}
