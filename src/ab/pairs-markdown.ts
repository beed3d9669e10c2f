import { bulletList, code, heading, table, type Cell } from '../report/markdown.js';
import { fixed, percent, percentInterval } from '../report/format.js';
import type { PairsAnalysis } from './analyze.js';
import { audienceMarkdown } from './audience-markdown.js';
import { unfinishedSentence } from './unfinished.js';
import { FUNNEL_STAGES } from './funnel.js';
import type { MetricSummary } from './stats/index.js';

/** One row per metric: arms, paired difference, interval, test. */
export function metricRows(analysis: PairsAnalysis): Cell[][] {
  return analysis.stats.metrics.map((m: MetricSummary) =>
    m.kind === 'binary'
      ? [
          m.metric,
          m.role,
          m.pairs,
          percent(m.controlRate, 1),
          percent(m.treatmentRate, 1),
          percent(m.difference, 1),
          percentInterval(m.interval, 1),
          `McNemar p=${fixed(m.mcnemar.pValue, 3)} (b=${m.table.b}, c=${m.table.c})`,
        ]
      : [
          m.metric,
          m.role,
          m.pairs,
          fixed(m.controlMean, 2),
          fixed(m.treatmentMean, 2),
          fixed(m.meanDifference, 2),
          m.interval ? `[${fixed(m.interval[0], 2)}, ${fixed(m.interval[1], 2)}]` : 'n/a',
          'paired bootstrap',
        ],
  );
}

export const METRIC_HEADERS = [
  'metric',
  'role',
  'pairs',
  'control',
  'treatment',
  'diff',
  'CI',
  'test',
];

function sequentialLine(analysis: PairsAnalysis): string | null {
  const primary = analysis.stats.metrics[0];
  if (primary?.kind !== 'binary' || !primary.sequential) return null;
  const s = primary.sequential;
  const mdd = primary.plan?.minimumDetectableDifference;
  return (
    `Sequential test of ${primary.metric} (alpha ${s.alpha}): ` +
    (s.decided ? `decided for ${s.direction} after ${s.decidedAt} pairs` : 'not decided') +
    ` (log BF ${fixed(s.logBF, 2)} of ${fixed(s.boundary, 2)}). ` +
    `Observed discordance ${percent(primary.plan?.discordance ?? null, 1)}; ` +
    `these pairs could detect a difference of ${mdd ? percent(mdd, 1) : 'n/a'}.`
  );
}

/** The pair-comparison sections of ab.md. */
export function pairsMarkdown(analysis: PairsAnalysis): string[] {
  const { control, treatment } = analysis.arms;
  const blocks: string[] = [
    `Control ${code(control)}, treatment ${code(treatment)}: ${analysis.stats.pairs} pairs, ` +
      `${analysis.stats.personas} personas. Differences are treatment minus control. Only ` +
      `${code(analysis.stats.primary)} is primary; the other metrics are exploratory ` +
      '(no correction for multiple comparisons).',
    table(METRIC_HEADERS, metricRows(analysis)),
  ];
  const unfinished = unfinishedSentence(analysis.unfinished);
  if (unfinished) blocks.push(unfinished);
  const sequential = sequentialLine(analysis);
  if (sequential) blocks.push(sequential);
  blocks.push(...audienceMarkdown(analysis.audience));
  if (analysis.stats.skipped.length) {
    blocks.push(`Not measured in this run: ${analysis.stats.skipped.join(', ')}.`);
  }
  blocks.push(
    heading(2, 'Funnel'),
    'Sessions reaching each stage, from URLs and actions: search = a /search page, a q= ' +
      'parameter or typing into a "search" element; product = a /product/ (or /item/, /p/, ' +
      '/dp/) page; cart = a /cart page or an add-to-cart/buy click that ran; checkout = a ' +
      '/checkout page; purchase = an order confirmation page.',
    table(
      ['arm', 'sessions', ...FUNNEL_STAGES],
      analysis.funnel.map((f) => [f.arm, f.sessions, ...FUNNEL_STAGES.map((s) => f.stages[s])]),
    ),
    heading(2, 'Clicks on elements only one arm has'),
    analysis.exclusiveClicks.length
      ? table(
          ['arm', 'element', 'clicks', 'share of arm clicks', 'sessions'],
          analysis.exclusiveClicks.map((r) => [
            r.arm,
            r.name,
            r.clicks,
            percent(r.share, 1),
            r.sessions,
          ]),
        )
      : 'Both arms showed the same element names.',
    heading(2, 'Per persona'),
    table(
      [
        'persona',
        'pairs',
        `conv ${control}`,
        `conv ${treatment}`,
        `cart ${control}`,
        `cart ${treatment}`,
        `only ${control}`,
        `only ${treatment}`,
        `steps ${control}`,
        `steps ${treatment}`,
      ],
      analysis.personas.map((p) => [
        p.persona,
        p.pairs,
        p.controlConversions,
        p.treatmentConversions,
        p.controlAddToCart,
        p.treatmentAddToCart,
        p.onlyControl,
        p.onlyTreatment,
        fixed(p.controlMeanSteps, 1),
        fixed(p.treatmentMeanSteps, 1),
      ]),
    ),
    heading(2, 'Why: discordant pairs by first diverging step'),
  );
  if (!analysis.discordant.length) blocks.push('No discordant pairs on any binary metric.');
  for (const group of analysis.discordant) {
    blocks.push(
      heading(
        3,
        `${group.metric}: ${group.step === null ? 'same actions' : `diverged at step ${group.step}`} (${group.pairs.length} pairs)`,
      ),
      bulletList(
        group.pairs.map(
          (p) =>
            `${p.pairId} (favours ${p.favours}): ${control} ${p.control.action ?? '(ended)'} — ` +
            `"${p.control.rationale ?? ''}" → ${p.control.outcome ?? '?'} | ${treatment} ` +
            `${p.treatment.action ?? '(ended)'} — "${p.treatment.rationale ?? ''}" → ${p.treatment.outcome ?? '?'}`,
        ),
      ),
    );
  }
  return blocks;
}
