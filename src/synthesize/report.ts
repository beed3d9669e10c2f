import { code, document, heading, table, bulletList } from '../report/markdown.js';
import { countOf } from '../report/format.js';
import { writeReport, type ReportFiles } from '../report/write.js';
import type { SynthesizeSummary } from './synthesize.js';

export const SYNTHESIZE_REPORT_NAME = 'synthesize-report';

/** The Markdown view of a synthesize run. */
export function synthesizeMarkdown(s: SynthesizeSummary): string {
  const needed = s.steps - s.kept;
  return document([
    heading(1, 'Rationale synthesis'),
    `Model ${code(s.model)} explained the human steps of ${code(s.input)}; ` +
      `the traces with rationales are in ${code(s.run_dir)} (run ${code(s.run_id)}). ` +
      'The input traces were not modified.',
    table(
      ['', 'count'],
      [
        ['sessions written', s.sessions],
        ['sessions skipped', s.skipped_sessions.length],
        ['steps', s.steps],
        ['rationales kept (already present, e.g. self-reported)', s.kept],
        ['rationales synthesized', s.synthesized],
        ['steps failed (left without a rationale)', s.failed],
      ],
    ),
    needed > 0
      ? `Synthesized ${countOf(s.synthesized, needed)} of the steps that lacked one.`
      : null,
    s.skipped_sessions.length > 0 && heading(2, 'Skipped sessions'),
    s.skipped_sessions.length > 0 &&
      bulletList(s.skipped_sessions.map((k) => `${code(k.file)}: ${k.reason}`)),
    s.failures.length > 0 && heading(2, 'Failed steps'),
    s.failures.length > 0 &&
      table(
        ['session', 'step', 'error'],
        s.failures.map((f) => [f.session_id, f.step, f.message]),
      ),
    s.failures.length < s.failed && `(${s.failed - s.failures.length} more failures not listed.)`,
    s.samples.length > 0 && heading(2, 'Sample rationales'),
    s.samples.length > 0 &&
      table(
        ['session', 'step', 'action', 'rationale'],
        s.samples.map((x) => [x.session_id, x.step, x.action, x.rationale]),
      ),
  ]);
}

/** Writes synthesize-report.json and .md into the run folder. */
export function writeSynthesizeReport(summary: SynthesizeSummary): Promise<ReportFiles> {
  return writeReport(summary.run_dir, SYNTHESIZE_REPORT_NAME, {
    json: summary,
    markdown: synthesizeMarkdown(summary),
  });
}
