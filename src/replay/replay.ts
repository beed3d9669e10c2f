import type { Variant } from '../../sites/shop/state/variant.js';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../browser/launch.js';
import { openSession } from '../browser/session.js';
import type { Config } from '../config.js';
import { ShopsimError } from '../errors.js';
import { OrderGuard } from '../guard/orders.js';
import type { Recipe } from '../observe/recipe.js';
import { writeReport, type ReportFiles } from '../report/write.js';
import { runSessionLoop, type SessionSummary } from '../session/loop.js';
import { pwTraceFile, type PwTraceMode } from '../session/pw-trace.js';
import { createRun, sessionFileName } from '../traces/run.js';
import type { Outcome, Trace } from '../traces/schema.js';
import { TraceWriter } from '../traces/writer.js';
import { replayMarkdown, summarize, type ReplayReport, type ReplayStepReport } from './report.js';
import { TraceSource } from './trace-source.js';

export interface ReplayOptions {
  trace: Trace;
  /** Where the replay starts: the recorded first URL moved onto the site being tested. */
  startUrl: string;
  site: string;
  variant: Variant | null;
  recipe: Recipe | null;
  onDivergence: 'stop' | 'continue';
  headless: boolean;
  browserPath: string | null;
  /** A remote browser to connect to instead of launching (--browser-endpoint / --cdp). */
  browserEndpoint?: string | null;
  cdpUrl?: string | null;
  timeoutMs?: number;
  out?: string | null;
  baseDir?: string;
  /** A Playwright trace of the replay; `retain-on-failure` keeps it only when a step diverged. */
  pwTrace?: PwTraceMode;
  onStep?: (step: ReplayStepReport) => void;
  /** The live-site guard's settings (default: only the start origin, orders only on loopback). */
  guard?: Pick<Config, 'allowOrigins' | 'allowOrdersOn' | 'minStepIntervalMs'>;
}

export interface ReplayResult {
  dir: string;
  file: string;
  report: ReplayReport;
  reportFiles: ReportFiles;
  outcome: Outcome;
}

/**
 * Re-executes a session's actions in a real browser against the site as it is now: the session
 * loop with the recorded trace as its source of actions (see TraceSource). Writes the replayed session as a new trace (source 'replay') and
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
  const writer = await TraceWriter.create(file, {
    session_id: sessionId,
    run_id: info.run_id,
    source: 'replay',
    user_id: trace.header.user_id,
    persona: trace.header.persona,
    site: options.site,
    variant: options.variant,
    started_at: new Date().toISOString(),
    replay_of: { file: trace.file, session_id: trace.header.session_id },
  });

  const source = new TraceSource(
    trace.steps,
    options.onDivergence,
    (text) => writer.redact(text),
    options.onStep,
  );
  const browser = await launchBrowser({
    headless: options.headless,
    browserPath: options.browserPath,
    browserEndpoint: options.browserEndpoint,
    cdpUrl: options.cdpUrl,
  });
  const pwTrace = (options.pwTrace ?? 'off') === 'off' ? null : pwTraceFile(file);
  let result: SessionSummary;
  try {
    result = await runSessionLoop({
      open: () =>
        openSession(browser, {
          startUrl: options.startUrl,
          recipe: options.recipe,
          timeoutMs: options.timeoutMs,
          pwTraceFile: pwTrace,
          guard: { allowOrigins: options.guard?.allowOrigins ?? [] },
        }),
      orderGuard: new OrderGuard(options.guard?.allowOrdersOn ?? []),
      minStepIntervalMs: options.guard?.minStepIntervalMs ?? 0,
      source,
      writer,
      // one call past the last recorded step, so the source can say how the replay ended
      maxSteps: trace.steps.length + 1,
    });
  } finally {
    await browser.close().catch(() => undefined);
  }
  if (result.outcome === 'error' && !source.stopped) {
    throw new ShopsimError(`the replay of ${trace.file} failed: ${result.error}`);
  }
  const steps = source.report();
  const summary = summarize(steps, source.stopped);
  if (pwTrace && options.pwTrace === 'retain-on-failure' && summary.diverged === 0) {
    await rm(pwTrace, { force: true });
  }
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
  return { dir, file, report, reportFiles, outcome: result.outcome };
}
