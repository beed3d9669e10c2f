import path from 'node:path';
import { formatAction } from '../action.js';
import { isOrderConfirmation, orderIdFromUrl } from '../agent/purchase.js';
import { launchBrowser } from '../browser/launch.js';
import { openSession, type BrowserSession } from '../browser/session.js';
import { ActionError } from '../errors.js';
import type { Observation } from '../observe/observation.js';
import type { Recipe } from '../observe/recipe.js';
import { observedSecrets, SecretScrubber } from '../record/scrub.js';
import { REDACTED } from '../record/sensitive.js';
import { writeReport, type ReportFiles } from '../report/write.js';
import { createRun, sessionFileName } from '../traces/run.js';
import type { Outcome, Trace, TraceStep } from '../traces/schema.js';
import { TraceWriter } from '../traces/writer.js';
import { compareStep } from './compare.js';
import {
  DIVERGENT,
  replayMarkdown,
  summarize,
  type ReplayReport,
  type ReplayStatus,
  type ReplayStepReport,
} from './report.js';

export interface ReplayOptions {
  trace: Trace;
  /** Where the replay starts: the recorded first URL moved onto the site being tested. */
  startUrl: string;
  site: string;
  variant: 'a' | 'b' | null;
  recipe: Recipe | null;
  onDivergence: 'stop' | 'continue';
  headless: boolean;
  browserPath: string | null;
  timeoutMs?: number;
  out?: string | null;
  baseDir?: string;
  onStep?: (step: ReplayStepReport) => void;
}

export interface ReplayResult {
  dir: string;
  file: string;
  report: ReplayReport;
  reportFiles: ReportFiles;
  outcome: Outcome;
}

/**
 * Re-executes a session's actions in a real browser against the site as it is now: before each
 * step the page is observed and compared with the recorded one (URL path, title, the action's
 * name), then the action runs. Writes the replayed session as a new trace (source 'replay') and
 * a per-step report (replay-report.json / .md) into a new run folder.
 */
export async function replayTrace(options: ReplayOptions): Promise<ReplayResult> {
  const { trace } = options;
  const { dir, info } = await createRun({
    kind: 'replay',
    site: options.site,
    variant: options.variant,
    model: null,
    seed: null,
    personas: trace.header.persona ? [trace.header.persona.id] : [],
    config: { on_divergence: options.onDivergence, replay_of: trace.file },
    out: options.out ?? null,
    baseDir: options.baseDir,
  });
  const sessionId = `replay-${trace.header.session_id}`.slice(0, 120);
  const file = path.join(dir, sessionFileName(sessionId));
  const started = Date.now();
  const writer = await TraceWriter.create(file, {
    session_id: sessionId,
    run_id: info.run_id,
    source: 'replay',
    user_id: trace.header.user_id,
    persona: trace.header.persona,
    site: options.site,
    variant: options.variant,
    started_at: new Date(started).toISOString(),
    replay_of: { file: trace.file, session_id: trace.header.session_id },
  });

  const scrubber = new SecretScrubber();
  const steps: ReplayStepReport[] = [];
  let stopped = false;
  let purchased: string | null | false = false;
  let written = 0;
  let session: BrowserSession | null = null;
  const browser = await launchBrowser({
    headless: options.headless,
    browserPath: options.browserPath,
  });
  try {
    session = await openSession(browser, {
      startUrl: options.startUrl,
      recipe: options.recipe,
      timeoutMs: options.timeoutMs,
    });
    for (const recorded of trace.steps) {
      const base = {
        index: recorded.index,
        action: formatAction(recorded.action),
        recorded_url: recorded.url,
        recorded_title: recorded.observation.title,
      };
      if (stopped || session.closed) {
        steps.push({ ...base, status: 'not_run', detail: null, similar: [], current_url: null, current_title: null }); // prettier-ignore
        continue;
      }
      const current: Observation = await session.observe();
      if (isOrderConfirmation(current)) purchased = orderIdFromUrl(current.url);
      const comparison = compareStep(recorded, current);
      let status: ReplayStatus = comparison.pageDiffers ? 'page_differs' : 'ok';
      let detail = comparison.pageDiffers;
      let error: string | null = null;
      let urlAfter: string | null = null;
      const action = recorded.action;
      if (comparison.nameMissing && action.type !== 'terminate') {
        status = 'name_missing';
        detail = `no element named ${action.name} on this page` + (detail ? `; ${detail}` : '');
        error = detail;
      } else if (action.type === 'type_and_submit' && action.text === REDACTED) {
        status = 'skipped_redacted';
        detail = 'the recorded text is a redacted secret; it cannot be typed again';
        error = detail;
      } else {
        try {
          urlAfter = (await session.execute(action)).urlAfter;
        } catch (failure) {
          if (!(failure instanceof ActionError)) throw failure;
          status = 'action_failed';
          error = failure.message;
          detail = failure.message + (detail ? `; ${detail}` : '');
        }
      }
      const report: ReplayStepReport = {
        ...base,
        status,
        detail,
        similar: comparison.similar,
        current_url: current.url,
        current_title: current.title,
      };
      steps.push(report);
      options.onStep?.(report);
      const step: TraceStep = {
        ...recorded,
        index: written,
        time: new Date().toISOString(),
        url: scrubber.url(current.url),
        observation: scrubber.observation(current, observedSecrets(current)),
        result: { ok: error === null, error, url_after: urlAfter ? scrubber.url(urlAfter) : null },
        usage: null,
        raw: null,
        screenshot: null,
      };
      await writer.appendStep(step);
      written++;
      if (DIVERGENT.has(status) && options.onDivergence === 'stop') stopped = true;
    }
    if (!stopped && session && !session.closed) {
      const last = await session.observe();
      if (isOrderConfirmation(last)) purchased = orderIdFromUrl(last.url);
    }
  } catch (failure) {
    await writer.end({
      kind: 'end',
      outcome: 'error',
      steps: written,
      duration_ms: Date.now() - started,
      error: (failure as Error).message,
      dropped_events: 0,
      order_id: null,
    });
    throw failure;
  } finally {
    await session?.close().catch(() => undefined);
    await browser.close().catch(() => undefined);
  }

  const summary = summarize(steps, stopped);
  const outcome: Outcome = stopped ? 'error' : purchased !== false ? 'purchase' : 'terminate';
  await writer.end({
    kind: 'end',
    outcome,
    steps: written,
    duration_ms: Date.now() - started,
    error: stopped
      ? `replay diverged at step ${summary.first_divergence} and stopped (--on-divergence stop)`
      : null,
    dropped_events: 0,
    order_id: purchased || null,
  });
  const report: ReplayReport = {
    trace: trace.file,
    session_id: trace.header.session_id,
    replay_file: file,
    site: options.site,
    variant: options.variant,
    on_divergence: options.onDivergence,
    steps,
    summary,
  };
  const reportFiles = await writeReport(dir, 'replay-report', {
    json: report,
    markdown: replayMarkdown(report),
  });
  return { dir, file, report, reportFiles, outcome };
}
