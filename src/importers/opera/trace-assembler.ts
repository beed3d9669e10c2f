import path from 'node:path';
import { ShopsimError } from '../../errors.js';
import type { Persona } from '../../persona.js';
import { sessionFileName } from '../../traces/run.js';
import type { TraceStep } from '../../traces/schema.js';
import { TraceWriter } from '../../traces/writer.js';
import { extractHtmlSummary } from '../html-elements.js';
import type { ActionRecord } from './action-row.js';
import type { SessionPlan } from './sessions.js';

interface SessionState {
  plan: SessionPlan;
  persona: Persona | null;
  next: number;
  pending: Map<number, string>;
  writer: TraceWriter | null;
}

/** The site a session ran on: the origin of its first URL, else "opera". */
export function siteOf(records: readonly ActionRecord[]): string {
  for (const record of records) {
    try {
      return new URL(record.url).origin;
    } catch {
      // not an absolute URL; try the next row
    }
  }
  return 'opera';
}

function buildStep(record: ActionRecord, index: number, html: string): TraceStep {
  const { title, elements } = extractHtmlSummary(html);
  return {
    kind: 'step',
    index,
    time: new Date(record.time).toISOString(),
    url: record.url,
    observation: { url: record.url, title, html, elements },
    rationale: record.rationale,
    rationale_source: record.rationale ? 'self_reported' : null,
    action: record.action,
    click_type: record.clickType,
    result: null,
    usage: null,
    raw: null,
    screenshot: record.image,
  };
}

/**
 * Writes each session's trace as the page HTML of its rows streams in (second read pass), in the
 * session's timestamp order: a row that arrives before its predecessors waits in memory, so a
 * dataset stored session by session (the usual case) holds only one page at a time.
 */
export class TraceAssembler {
  private byKey = new Map<string, { state: SessionState; index: number }>();
  private states: SessionState[] = [];

  constructor(
    private readonly runDir: string,
    private readonly runId: string,
    plans: readonly SessionPlan[],
    personaOf: (plan: SessionPlan) => Persona | null,
  ) {
    for (const plan of plans) {
      const state: SessionState = {
        plan,
        persona: personaOf(plan),
        next: 0,
        pending: new Map(),
        writer: null,
      };
      this.states.push(state);
      plan.records.forEach((record, index) => this.byKey.set(record.key, { state, index }));
    }
  }

  async accept(key: string, html: string): Promise<void> {
    const slot = this.byKey.get(key);
    if (!slot) return;
    const { state } = slot;
    state.pending.set(slot.index, html);
    while (state.pending.has(state.next)) {
      const page = state.pending.get(state.next)!;
      state.pending.delete(state.next);
      await this.write(state, state.next, page);
      state.next++;
    }
  }

  private async write(state: SessionState, index: number, html: string): Promise<void> {
    const { plan } = state;
    const record = plan.records[index]!;
    if (!state.writer) {
      state.writer = await TraceWriter.create(
        path.join(this.runDir, sessionFileName(plan.sessionId)),
        {
          session_id: plan.sessionId,
          run_id: this.runId,
          source: 'human',
          dataset: 'opera',
          user_id: plan.userId,
          persona: state.persona,
          site: siteOf(plan.records),
          started_at: new Date(plan.records[0]!.time).toISOString(),
        },
      );
    }
    await state.writer.appendStep(buildStep(record, index, html));
    if (index === plan.records.length - 1) {
      await state.writer.finish({
        outcome: plan.outcome,
        durationMs: record.time - plan.records[0]!.time,
      });
    }
  }

  /** Checks every session was written completely; the files, one per session. */
  finish(): string[] {
    const incomplete = this.states.filter((s) => s.next < s.plan.records.length);
    if (incomplete.length > 0) {
      const s = incomplete[0]!;
      throw new ShopsimError(
        `session ${s.plan.sessionId}: row ${s.plan.records[s.next]!.row} of ` +
          `${s.plan.records[s.next]!.file} was not found on the second read; ` +
          'the dataset changed while importing? Run the import again.',
      );
    }
    return this.states.map((s) => s.writer!.file);
  }

  /** Closes every open file (after an error): the traces stay readable, without end lines. */
  async abandon(): Promise<void> {
    await Promise.all(this.states.map((s) => s.writer?.abandon()));
  }
}
