import { bulletList, code, document, heading, table } from '../report/markdown.js';

/**
 * Per-step outcome of a replay:
 *   ok              the action ran on a page like the recorded one
 *   page_differs    the action ran, but the page before it had another URL path or title
 *   name_missing    the element is gone (the closest current names are listed); not run
 *   action_failed   the element exists but the action failed in the browser
 *   skipped_redacted the recorded text was a redacted secret, so it cannot be typed again
 *   not_run         after a divergence with --on-divergence stop
 */
export type ReplayStatus =
  'ok' | 'page_differs' | 'name_missing' | 'action_failed' | 'skipped_redacted' | 'not_run';

export const DIVERGENT: ReadonlySet<ReplayStatus> = new Set([
  'page_differs',
  'name_missing',
  'action_failed',
]);

export interface ReplayStepReport {
  index: number;
  action: string;
  status: ReplayStatus;
  detail: string | null;
  similar: string[];
  recorded_url: string;
  current_url: string | null;
  recorded_title: string;
  current_title: string | null;
}

export interface ReplayReport {
  trace: string;
  session_id: string;
  replay_file: string;
  site: string;
  variant: string | null;
  on_divergence: 'stop' | 'continue';
  steps: ReplayStepReport[];
  summary: {
    steps: number;
    ok: number;
    diverged: number;
    skipped: number;
    not_run: number;
    first_divergence: number | null;
    stopped: boolean;
  };
}

export function summarize(steps: ReplayStepReport[], stopped: boolean): ReplayReport['summary'] {
  const count = (s: ReplayStatus) => steps.filter((x) => x.status === s).length;
  const first = steps.find((s) => DIVERGENT.has(s.status));
  return {
    steps: steps.length,
    ok: count('ok'),
    diverged: steps.filter((s) => DIVERGENT.has(s.status)).length,
    skipped: count('skipped_redacted'),
    not_run: count('not_run'),
    first_divergence: first ? first.index : null,
    stopped,
  };
}

function describe(step: ReplayStepReport): string {
  const parts = [step.detail ?? ''];
  if (step.similar.length) parts.push(`closest now: ${step.similar.join(', ')}`);
  return parts.filter(Boolean).join('; ');
}

/** One line per step for the terminal. */
export function formatReplayLines(report: ReplayReport): string {
  const lines = report.steps.map((s) => {
    const text = describe(s);
    return `${String(s.index).padStart(3)}  ${s.status.padEnd(16)}  ${s.action}${text ? `  (${text})` : ''}`;
  });
  const sum = report.summary;
  lines.push(
    `replayed ${sum.steps - sum.not_run} of ${sum.steps} steps: ${sum.ok} ok, ${sum.diverged} diverged` +
      (sum.skipped ? `, ${sum.skipped} skipped (redacted)` : '') +
      (sum.stopped ? `; stopped at step ${sum.first_divergence}` : ''),
  );
  return lines.join('\n') + '\n';
}

export function replayMarkdown(report: ReplayReport): string {
  const sum = report.summary;
  return document([
    heading(1, `Replay of ${report.session_id}`),
    bulletList([
      `trace: ${code(report.trace)}`,
      `replayed trace: ${code(report.replay_file)}`,
      `site: ${report.site}${report.variant ? ` (variant ${report.variant})` : ''}`,
      `on divergence: ${report.on_divergence}`,
      `result: ${sum.ok} of ${sum.steps} steps ok, ${sum.diverged} diverged` +
        (sum.first_divergence !== null ? `, first at step ${sum.first_divergence}` : '') +
        (sum.stopped ? ' (stopped there)' : ''),
    ]),
    table(
      ['step', 'action', 'status', 'detail', 'recorded URL', 'URL now'],
      report.steps.map((s) => [
        s.index,
        s.action,
        s.status,
        describe(s) || null,
        s.recorded_url,
        s.current_url,
      ]),
    ),
  ]);
}
