import { ACTION_TYPES } from '../action.js';
import { bulletList, code, document, heading, table, type Cell } from '../report/markdown.js';
import { countOf, fixed, percent, percentInterval } from '../report/format.js';
import { EVAL_DEFINITIONS } from './eval-definitions.js';
import type { EvalResult } from './eval-result.js';
import { formatLineIssue } from './predictions-file.js';
import type { Accuracy } from './metrics/accuracy.js';
import { CONFUSION_COLUMNS } from './metrics/confusion.js';
import type { ClassScore } from './metrics/f1.js';
import { ERROR_CATEGORIES, ERROR_LABELS } from './metrics/taxonomy.js';
import { PUBLISHED_WRONG_TARGET_SHARE } from './published.js';

const MAX_LISTED_ISSUES = 20;

/** The Markdown report of an evaluation. */
export function renderEvalReport(result: EvalResult): string {
  const m = result.metrics;
  const s = result.settings;
  const subject =
    s.mode === 'model'
      ? `model ${code(s.model ?? '?')}`
      : `predictions ${code(s.predictions_file ?? '?')}`;
  return document([
    heading(1, 'Next-action evaluation against human sessions'),
    `${subject} on ${code(s.human)}: ${m.sessions} sessions, ${m.steps} steps. ` +
      `shopsim ${result.shopsim_version}, ${result.created_at}.`,
    heading(2, 'Overall'),
    table(
      ['metric', 'value', `${Math.round(m.bootstrap.level * 100)}% CI`, 'n'],
      [
        scoreRow('Next-action accuracy (exact match)', m.accuracy.value, m.accuracy.interval, `${m.accuracy.total} steps`), // prettier-ignore
        scoreRow('Action-type F1 (macro)', m.actionTypeF1.macro, m.actionTypeF1.interval, `${m.actionTypeF1.total} steps`), // prettier-ignore
        scoreRow('Click-type F1 (weighted)', m.clickTypeF1.weighted, m.clickTypeF1.interval, `${m.clickTypeF1.total} labelled clicks`), // prettier-ignore
        scoreRow('Session outcome F1 (binary, purchase)', m.outcome.binaryF1, m.outcome.binaryInterval, `${m.outcome.sessions} sessions`), // prettier-ignore
        scoreRow('Session outcome F1 (weighted)', m.outcome.weightedF1, m.outcome.weightedInterval, `${m.outcome.sessions} sessions`), // prettier-ignore
        ['Illegal outputs', countOf(m.status.illegal, m.steps), null, `${m.steps} steps`],
        ['Missing predictions', countOf(m.status.missing, m.steps), null, `${m.steps} steps`],
      ],
    ),
    `Intervals: ${m.bootstrap.resamples} bootstrap resamples over sessions, seed ${m.bootstrap.seed}.`,
    heading(2, 'Published figures (for reference)'),
    table(
      ['source', 'model', 'setting', 'action acc.', 'outcome F1'],
      [
        [
          '**this run**',
          s.model ?? 'predictions file',
          '',
          percent(m.accuracy.value),
          `${percent(m.outcome.binaryF1)} binary / ${percent(m.outcome.weightedF1)} weighted`,
        ],
        ...result.published.map((p): Cell[] => [
          `${p.source} (${p.dataset})`,
          p.model,
          p.setting,
          percent(p.action_accuracy),
          p.outcome_f1 === null
            ? null
            : `${percent(p.outcome_f1)}${p.outcome_f1_kind === 'weighted' ? ' weighted' : ''}`,
        ]),
      ],
    ),
    'Published numbers come from other datasets, sites and prompts; they frame the scale, they are not a target.',
    heading(2, 'Accuracy by action type'),
    accuracyTable('gold action type', m.accuracyByActionType),
    heading(2, 'Accuracy by click type'),
    m.accuracyByClickType.length
      ? accuracyTable('gold click type', m.accuracyByClickType)
      : 'No human click carries a click_type.',
    heading(2, 'Action-type F1'),
    classTable(m.actionTypeF1.classes),
    heading(2, 'Click-type F1'),
    m.clickTypeF1.classes.length ? classTable(m.clickTypeF1.classes) : 'No labelled human clicks.',
    heading(2, 'Session outcome'),
    `${m.outcome.goldPurchases} of ${m.outcome.sessions} sessions end in a purchase; ${m.outcome.predictedPurchases} predicted.`,
    m.outcome.classes.length ? classTable(m.outcome.classes) : null,
    heading(2, 'Confusion of action types'),
    'Rows: the human action type. Columns: the predicted type, or illegal / missing.',
    table(
      ['gold → predicted', ...CONFUSION_COLUMNS],
      ACTION_TYPES.map((g) => [g, ...CONFUSION_COLUMNS.map((c) => m.confusion[g][c])]),
    ),
    heading(2, 'Error taxonomy'),
    taxonomyTable(result),
    `${m.taxonomy.errors} wrong steps, ${m.taxonomy.validErrors} of them valid predictions. ` +
      `Published studies found "clicked the wrong target" to be ${percent(PUBLISHED_WRONG_TARGET_SHARE[0], 0)}–${percent(PUBLISHED_WRONG_TARGET_SHARE[1], 0)} of errors.`,
    heading(2, 'Data and predictions'),
    bulletList(dataNotes(result)),
    ...fileIssueBlocks(result),
    heading(2, 'Definitions'),
    bulletList(EVAL_DEFINITIONS),
  ]);
}

/** One row of the overall table: a score, its bootstrap interval and what it counts. */
function scoreRow(
  label: string,
  value: number | null,
  interval: Parameters<typeof percentInterval>[0],
  n: string,
): Cell[] {
  return [label, percent(value), percentInterval(interval), n];
}

function accuracyTable(label: string, groups: { group: string; accuracy: Accuracy }[]): string {
  return table(
    [label, 'steps', 'correct', 'accuracy'],
    groups.map((g) => [g.group, g.accuracy.total, g.accuracy.correct, percent(g.accuracy.value)]),
  );
}

function classTable(classes: ClassScore[]): string {
  return table(
    ['class', 'support', 'predicted', 'precision', 'recall', 'F1'],
    classes.map((c) => [
      c.label,
      c.support,
      c.predicted,
      fixed(c.precision),
      fixed(c.recall),
      fixed(c.f1),
    ]),
  );
}

function taxonomyTable(result: EvalResult): string {
  const t = result.metrics.taxonomy;
  return table(
    ['error', 'count', 'share of wrong valid predictions', 'share of all wrong steps'],
    ERROR_CATEGORIES.map((c) => [
      ERROR_LABELS[c],
      t.counts[c],
      c === 'illegal' || c === 'missing' ? '(counted apart)' : percent(t.shares[c]),
      percent(t.errors ? t.counts[c] / t.errors : null),
    ]),
  );
}

function dataNotes(result: EvalResult): string[] {
  const d = result.data;
  const p = result.predictions;
  const notes = [
    `Predictions written to ${code(p.file)}.`,
    `${d.steps_with_rationale} of ${d.steps} human steps carry a rationale (shown in later steps' history).`,
  ];
  if (result.settings.mode === 'model') {
    notes.push(
      `${p.made_now} steps predicted in this run, ${p.resumed} reused from an earlier interrupted run.`,
    );
    if (p.stale_records) {
      notes.push(
        `${p.stale_records} earlier predictions name steps not in these human traces; kept in the file, not scored.`,
      );
    }
    if (p.unreadable_lines)
      notes.push(
        `${p.unreadable_lines} unreadable lines of the earlier predictions file were redone.`,
      );
    if (p.usage) {
      notes.push(
        `${p.usage.calls} model calls (${p.usage.retried_steps} steps needed a retry); tokens in/out: ` +
          `${p.usage.prompt_tokens ?? 'n/a'} / ${p.usage.completion_tokens ?? 'n/a'}; mean latency ${p.usage.mean_latency_ms ?? 'n/a'} ms per step.`,
      );
    }
  }
  if (d.empty_sessions.length)
    notes.push(`${d.empty_sessions.length} session files without steps were skipped.`);
  if (d.non_human_sessions)
    notes.push(
      `Warning: ${d.non_human_sessions} sessions are not marked as human (header source).`,
    );
  if (d.gold_absent) {
    notes.push(
      `Warning: ${d.gold_absent} human steps target an element missing from their own observation; no legal prediction can match them.`,
    );
  }
  if (d.no_elements) {
    notes.push(
      `Warning: ${d.no_elements} human steps have an observation without named elements` +
        (result.settings.mode === 'model'
          ? '; a model can only answer terminate there (any other answer is illegal).'
          : '; predictions for them are not checked against the page.'),
    );
  }
  if (result.settings.mode === 'model' && d.gold_rejected > d.gold_absent) {
    notes.push(
      `Warning: ${d.gold_rejected} human steps are actions the model-answer validator rejects on their page ` +
        '(e.g. a click on a text field, or a disabled element); a model answer matching them is retried and finally counted illegal.',
    );
  }
  return notes;
}

function fileIssueBlocks(result: EvalResult): string[] {
  const issues = result.predictions.file_issues;
  if (!issues) return [];
  const m = result.metrics;
  const blocks = [
    `Predictions file: ${issues.lines} lines; ${m.status.missing} human steps had no usable prediction (counted wrong); ` +
      `${issues.malformed.length} malformed lines, ${issues.duplicates.length} duplicate lines, ${issues.unmatched.length} naming no human step.`,
  ];
  for (const [title, list] of [
    ['Malformed lines (counted as missing)', issues.malformed],
    ['Duplicate lines (ignored)', issues.duplicates],
    ['Lines naming no human step (ignored)', issues.unmatched],
  ] as const) {
    if (!list.length) continue;
    const shown = list.slice(0, MAX_LISTED_ISSUES).map(formatLineIssue);
    if (list.length > shown.length)
      shown.push(`… and ${list.length - shown.length} more (see eval.json)`);
    blocks.push(`${title}:\n\n${bulletList(shown)}`);
  }
  return blocks;
}
