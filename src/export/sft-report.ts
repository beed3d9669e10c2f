import { countOf } from '../report/format.js';
import { bulletList, code, document, heading, table, type Cell } from '../report/markdown.js';
import { writeReport, type ReportFiles } from '../report/write.js';
import type { SftExportSummary } from './sft.js';
import { SPLIT_NAMES } from './sft-split.js';
import type { TokenStats } from './sft-tokens.js';

export const SFT_REPORT_NAME = 'sft-report';

const statCells = (t: TokenStats): Cell[] => [t.min, t.median, t.max, t.total];

/** The Markdown view of an SFT export. */
export function sftMarkdown(s: SftExportSummary): string {
  const variant = s.rationales ? '{rationale, action}' : '{action} only (no-rationale ablation)';
  const missing = s.missing_rationales;
  return document([
    heading(1, 'Fine-tuning export'),
    `One example per human step from ${code(s.input)}, format ${code(s.format)}: the system ` +
      'and user messages the simulator sends for that step, the assistant message ' +
      `${variant}. Split by user with seed ${s.seed} ` +
      `(${s.split.train} / ${s.split.validation} / ${s.split.test}); ` +
      `the last ${s.history_pages} earlier page(s) in full, older ones as URL + title.`,
    s.warnings.length > 0 && heading(2, 'Warnings'),
    s.warnings.length > 0 && bulletList(s.warnings),
    table(
      [
        'split',
        'file',
        'examples',
        'users',
        'sessions',
        'min tokens',
        'median',
        'max',
        'total tokens',
      ],
      SPLIT_NAMES.map((name) => {
        const x = s.splits[name];
        return [name, x.file, x.examples, x.users, x.sessions, ...statCells(x.tokens)];
      }),
    ),
    table(
      ['tokens per example', 'min', 'median', 'max', 'total'],
      [
        ['whole example', ...statCells(s.tokens)],
        ['trained (assistant turn)', ...statCells(s.trained_tokens)],
      ],
    ),
    `Tokens counted with ${s.tokenizer}; other model families tokenize differently.`,
    missing.steps > 0 &&
      `**${missing.steps} step(s) in ${missing.sessions} session(s) had no rationale** ` +
        (s.missing_rationale === 'skip'
          ? 'and those sessions were left out. '
          : 'and those steps were left out (no example with an empty rationale). ') +
        `Run ${code('shopsim synthesize')} first to give every step a rationale.`,
    s.skipped_sessions.length > 0 &&
      heading(
        2,
        `Skipped sessions (${countOf(s.skipped_sessions.length, s.skipped_sessions.length + s.sessions)})`,
      ),
    s.skipped_sessions.length > 0 &&
      bulletList(s.skipped_sessions.map((k) => `${code(k.file)}: ${k.reason}`)),
  ]);
}

/** Writes sft-report.json (with per-example token counts) and sft-report.md next to the data. */
export function writeSftReport(summary: SftExportSummary): Promise<ReportFiles> {
  return writeReport(summary.out, SFT_REPORT_NAME, {
    json: summary,
    markdown: sftMarkdown(summary),
  });
}
