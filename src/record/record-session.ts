import type { Variant } from '../../sites/shop/state/variant.js';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { openRecorderBrowser, type RecorderBrowser } from '../browser/recorder.js';
import type { Recipe } from '../observe/recipe.js';
import type { Persona } from '../persona.js';
import { createRun, sessionFileName } from '../traces/run.js';
import type { TraceStep } from '../traces/schema.js';
import { TraceWriter } from '../traces/writer.js';
import { RECORD_BINDING } from './events.js';
import { getRecorderScript } from './script.js';
import { SessionRecorder, type RecordedSession } from './session-recorder.js';

export interface RecordOptions {
  startUrl: string;
  /** What the header and run.json call the site (the start URL unless told otherwise). */
  site?: string;
  variant: Variant | null;
  persona: Persona | null;
  recipe: Recipe | null;
  headless: boolean;
  browserPath: string | null;
  /** Run folder (default: a new one under baseDir, default traces/). */
  out?: string | null;
  baseDir?: string;
  sessionId?: string;
  onStep?: (step: TraceStep) => void;
  /** Run settings kept in run.json. */
  config?: Record<string, unknown>;
}

export interface Recording {
  dir: string;
  file: string;
  sessionId: string;
  browser: RecorderBrowser;
  /** Ends the session now (Ctrl-C, tests): terminate step and end line. */
  stop(): Promise<RecordedSession>;
  /** Settles when the session ended, by the window closing or stop(). */
  done: Promise<RecordedSession>;
}

function newRecordSessionId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `record-${stamp}-${randomBytes(3).toString('hex')}`;
}

/**
 * Opens a browser window on the site and records the person shopping in it, step by step,
 * into a new run folder (kind 'record'). The trace is written as it happens; closing the window
 * or stop() adds the terminate step and the end line.
 */
export async function startRecording(options: RecordOptions): Promise<Recording> {
  const site = options.site ?? options.startUrl;
  const { dir, info } = await createRun({
    kind: 'record',
    site,
    variant: options.variant,
    model: null,
    seed: null,
    personas: options.persona ? [options.persona.id] : [],
    config: options.config ?? {},
    out: options.out ?? null,
    baseDir: options.baseDir,
  });
  const sessionId = options.sessionId ?? newRecordSessionId();
  const file = path.join(dir, sessionFileName(sessionId));
  const started = new Date();
  const writer = await TraceWriter.create(file, {
    session_id: sessionId,
    run_id: info.run_id,
    source: 'human',
    dataset: 'shopsim-record',
    persona: options.persona,
    site,
    variant: options.variant,
    started_at: started.toISOString(),
  });
  const recorder = new SessionRecorder(writer, started.getTime(), options.onStep);
  let browser: RecorderBrowser;
  try {
    browser = await openRecorderBrowser({
      startUrl: options.startUrl,
      headless: options.headless,
      browserPath: options.browserPath,
      initScript: await getRecorderScript({ recipe: options.recipe }),
      bindingName: RECORD_BINDING,
      onMessage: (payload) => void recorder.accept(payload),
    });
  } catch (error) {
    // nothing was recorded: leave no half session behind
    await writer.abandon();
    await rm(file, { force: true });
    throw error;
  }
  const done = browser.closed.then(async () => {
    const result = await recorder.finish();
    await browser.close(); // the window is gone; end the browser process too
    return result;
  });
  return {
    dir,
    file,
    sessionId,
    browser,
    done,
    async stop(): Promise<RecordedSession> {
      await browser.close();
      return recorder.finish();
    },
  };
}
