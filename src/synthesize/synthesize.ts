import path from 'node:path';
import PQueue from 'p-queue';
import { formatAction } from '../action.js';
import { ModelBackendError, UsageError } from '../errors.js';
import { checkOutsideInput, humanTraceFiles, readHumanTrace } from '../traces/human-input.js';
import { listTraceFiles } from '../traces/reader.js';
import { createRun, sessionFileName } from '../traces/run.js';
import type { Trace, TraceStep } from '../traces/schema.js';
import { TraceWriter } from '../traces/writer.js';
import { explainStep, isStepFailure, rationaleRequest } from './step.js';
import type { RationaleWriter } from './writer.js';

export interface SynthesizeOptions {
  /** Human traces: a file, a run folder or a folder of runs. */
  human: string;
  writer: RationaleWriter;
  concurrency: number;
  /** Calls per step when the answer holds no usable sentence. */
  maxAttempts: number;
  /** Output run folder; default a new folder under baseDir. */
  out?: string | null;
  baseDir?: string;
  /** Recorded in run.json (no secrets). */
  config?: Record<string, unknown>;
  /** Called after each session file is written. */
  onSession?: (done: SessionDone) => void;
}

export interface SessionDone {
  sessionId: string;
  file: string;
  synthesized: number;
  kept: number;
  failed: number;
}

export interface SynthesizeSummary {
  run_id: string;
  run_dir: string;
  model: string;
  input: string;
  sessions: number;
  skipped_sessions: { file: string; reason: string }[];
  steps: number;
  synthesized: number;
  kept: number;
  failed: number;
  /** The first failures (up to MAX_LISTED), with the reason. */
  failures: { session_id: string; step: number; message: string }[];
  /** The first synthesized rationales (up to MAX_SAMPLES), for a quick look in the report. */
  samples: { session_id: string; step: number; action: string; rationale: string }[];
  duration_ms: number;
}

const MAX_LISTED = 100;
const MAX_SAMPLES = 12;
/** Stop when this many calls in a row failed before any succeeded: the backend is unusable. */
const ABORT_AFTER = 5;

/**
 * Writes a rationale for every human step that lacks one. The originals are never touched: each
 * session is written, once all its steps are done, into a new run folder (kind "synthesize")
 * under the same session id. Existing rationales (self-reported ones) are kept as they are;
 * written ones get rationale_source "synthesized"; steps whose call failed keep rationale null.
 */
export async function synthesizeRationales(options: SynthesizeOptions): Promise<SynthesizeSummary> {
  const started = Date.now();
  const files = await humanTraceFiles(options.human);
  await checkOut(options.human, options.out ?? null);
  const run = await createRun({
    kind: 'synthesize',
    site: null,
    variant: null,
    model: options.writer.id,
    seed: null,
    personas: [],
    config: { human: options.human, ...options.config },
    out: options.out ?? null,
    baseDir: options.baseDir,
  });
  const summary: SynthesizeSummary = {
    run_id: run.info.run_id,
    run_dir: run.dir,
    model: options.writer.id,
    input: options.human,
    sessions: 0,
    skipped_sessions: [],
    steps: 0,
    synthesized: 0,
    kept: 0,
    failed: 0,
    failures: [],
    samples: [],
    duration_ms: 0,
  };
  const queue = new PQueue({ concurrency: options.concurrency });
  const seen = new Set<string>();
  let abort: ModelBackendError | null = null;
  let failuresBeforeSuccess = 0;
  let anySuccess = false;
  let writes: Promise<void> = Promise.resolve();

  const explain = async (trace: Trace, index: number): Promise<TraceStep> => {
    const step = trace.steps[index]!;
    if (abort) throw abort;
    try {
      const rationale = await explainStep(
        options.writer,
        rationaleRequest(trace, index),
        options.maxAttempts,
      );
      anySuccess = true;
      return { ...step, rationale, rationale_source: 'synthesized' };
    } catch (error) {
      if (!isStepFailure(error)) throw error;
      if (!anySuccess && ++failuresBeforeSuccess >= ABORT_AFTER && !abort) {
        abort = new ModelBackendError(
          `stopped after the first ${ABORT_AFTER} rationale calls all failed; last error: ` +
            `${error.message}`,
        );
      }
      summary.failed++;
      if (summary.failures.length < MAX_LISTED) {
        summary.failures.push({
          session_id: trace.header.session_id,
          step: index,
          message: error.message,
        });
      }
      return step;
    }
  };

  for (const file of files) {
    if (abort) break;
    const trace = await readHumanTrace(
      file,
      summary.skipped_sessions,
      'synthesize explains human steps only',
    );
    if (!trace) continue;
    const id = trace.header.session_id;
    if (seen.has(id)) {
      summary.skipped_sessions.push({ file, reason: `session id ${id} appears twice` });
      continue;
    }
    seen.add(id);
    // bounded look-ahead: at most a few sessions' steps wait in the queue
    await queue.onSizeLessThan(options.concurrency * 8);
    const steps = trace.steps.map((step, index) => {
      summary.steps++;
      if (step.rationale?.trim()) {
        summary.kept++;
        return Promise.resolve(step);
      }
      return queue.add(() => explain(trace, index));
    });
    const done = Promise.all(steps);
    done.catch(() => undefined); // surfaced through `writes` below
    writes = writes.then(async () => {
      const out = await done;
      if (abort) throw abort;
      await writeSession(run.dir, run.info.run_id, trace, out, summary, options.onSession);
    });
    writes.catch(() => undefined); // handled by the final await; avoids an unhandled rejection
  }
  try {
    await writes;
  } finally {
    await queue.onIdle();
  }
  if (abort) throw abort;
  summary.duration_ms = Date.now() - started;
  return summary;
}

/** The output folder must not hold traces already, nor be the input itself. */
async function checkOut(human: string, out: string | null): Promise<void> {
  if (!out) return;
  checkOutsideInput(human, out);
  const existing = await listTraceFiles(out).catch(() => []);
  if (existing.length > 0) {
    throw new UsageError(`--out ${out} already holds traces; choose a new folder.`);
  }
}

async function writeSession(
  dir: string,
  runId: string,
  trace: Trace,
  steps: TraceStep[],
  summary: SynthesizeSummary,
  onSession: SynthesizeOptions['onSession'],
): Promise<void> {
  const file = path.join(dir, sessionFileName(trace.header.session_id));
  const writer = await TraceWriter.create(file, { ...trace.header, run_id: runId });
  let synthesized = 0;
  for (const step of steps) {
    await writer.appendStep(step);
    if (step.rationale_source === 'synthesized' && !trace.steps[step.index]!.rationale?.trim()) {
      synthesized++;
      if (summary.samples.length < MAX_SAMPLES) {
        summary.samples.push({
          session_id: trace.header.session_id,
          step: step.index,
          action: formatAction(step.action),
          rationale: step.rationale!,
        });
      }
    }
  }
  if (trace.end) await writer.end(trace.end);
  else await writer.abandon();
  summary.sessions++;
  summary.synthesized += synthesized;
  const kept = trace.steps.filter((step) => step.rationale?.trim()).length;
  onSession?.({
    sessionId: trace.header.session_id,
    file,
    synthesized,
    kept,
    failed: steps.length - kept - synthesized,
  });
}
