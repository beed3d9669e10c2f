import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { formatAction, type Action } from '../action.js';
import type { Outcome } from '../traces/schema.js';

/**
 * Playwright traces of sessions (`--pw-trace`): `on` keeps one per session, `retain-on-failure`
 * keeps it only for a session that failed (see `failedSession`), `off` records none.
 */
export const PwTraceMode = z.enum(['on', 'retain-on-failure', 'off']);
export type PwTraceMode = z.infer<typeof PwTraceMode>;

/** Where a session's Playwright trace goes and whether it is kept. */
export interface PwTraceOptions {
  mode: Exclude<PwTraceMode, 'off'>;
  file: string;
}

/** The trace.zip beside a session trace, named after it: `persona-1.jsonl` -> `persona-1.trace.zip`. */
export function pwTraceFile(sessionTraceFile: string): string {
  return sessionTraceFile.replace(/\.jsonl(\.gz)?$/, '') + '.trace.zip';
}

/** The options for one session, or null when the mode records none. */
export function pwTraceFor(mode: PwTraceMode, sessionTraceFile: string): PwTraceOptions | null {
  return mode === 'off' ? null : { mode, file: pwTraceFile(sessionTraceFile) };
}

/**
 * A failed session, for `retain-on-failure`: it did not end in a purchase (the shopper gave up
 * with terminate, ran out of steps, hit an error, or was interrupted), or the browser refused
 * one of its actions along the way.
 */
export function failedSession(outcome: Outcome, failedSteps: number): boolean {
  return outcome !== 'purchase' || failedSteps > 0;
}

/** Deletes the trace of a session `retain-on-failure` does not keep. */
export async function settlePwTrace(
  options: PwTraceOptions | null | undefined,
  outcome: Outcome,
  failedSteps: number,
): Promise<void> {
  if (options?.mode === 'retain-on-failure' && !failedSession(outcome, failedSteps)) {
    await rm(options.file, { force: true });
  }
}

/** Most characters of a rationale in a group label (the full one is in the session trace). */
const LABEL_RATIONALE_CAP = 400;

/** The label of a step's group in the Playwright trace: `step 3: click cart.checkout — I want ...`. */
export function stepGroupLabel(index: number, action: Action, rationale: string | null): string {
  const why = rationale?.replace(/\s+/g, ' ').trim();
  const clipped =
    why && why.length > LABEL_RATIONALE_CAP ? why.slice(0, LABEL_RATIONALE_CAP - 1) + '…' : why;
  return `step ${index}: ${formatAction(action)}${clipped ? ` — ${clipped}` : ''}`;
}
