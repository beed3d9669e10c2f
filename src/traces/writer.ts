import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { SHOPSIM_VERSION } from '../version.js';
import { Redactor, type SensitiveValue } from './redactor.js';
import { TRACE_SCHEMA_VERSION, TraceEnd, TraceHeader, TraceStep, type Outcome } from './schema.js';

/**
 * What a new trace's header says about its session. The writer fills in `kind`, the schema
 * version and this shopsim's version; fields that default to null may be left out.
 */
export type NewTraceHeader = Omit<
  z.input<typeof TraceHeader>,
  'kind' | 'schema_version' | 'shopsim_version'
> &
  Partial<Pick<TraceHeader, 'kind' | 'schema_version' | 'shopsim_version'>>;

/** How a session ended; the writer adds the step count and the duration. */
export interface SessionEnd {
  outcome: Outcome;
  error?: string | null;
  orderId?: string | null;
  /** Recorder: clicks on unnamed areas that could not be mapped to a named element. */
  droppedEvents?: number;
  /** Live-site guard: the order button was not clicked; the reason. */
  notPlaced?: string | null;
  /** Defaults to the time since the writer was created (imports pass the recorded span). */
  durationMs?: number;
}

/**
 * Appends one session's trace as JSONL, one line per event, written through to the file as it
 * happens: a killed process loses at most the line in flight. Lines are validated before writing,
 * so a trace on disk always parses. Every step passes through the session's one `Redactor`
 * before it is written, whatever produced it (model, recorder, replay, import), and the end line
 * is built here from the steps written.
 */
export class TraceWriter {
  private ended = false;
  private written = 0;
  private readonly redactor = new Redactor();
  private readonly createdMs = Date.now();
  private constructor(
    readonly file: string,
    private handle: FileHandle,
  ) {}

  /** Steps written so far. */
  get steps(): number {
    return this.written;
  }

  static async create(file: string, header: NewTraceHeader): Promise<TraceWriter> {
    const line = TraceHeader.parse({
      kind: 'header',
      schema_version: TRACE_SCHEMA_VERSION,
      shopsim_version: SHOPSIM_VERSION,
      ...header,
      // The persona's checkout profile holds a card number: it never goes into a file.
      persona: header.persona ? { ...header.persona, checkout: undefined } : header.persona,
    });
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(file, 'wx');
    const writer = new TraceWriter(file, handle);
    await writer.writeLine(line);
    return writer;
  }

  /**
   * Redacts and appends one step. `sensitive` lists the page's secret values when the caller
   * read them from the live page (the recorder); otherwise they are read off the observation.
   * Returns the step as written.
   */
  async appendStep(step: TraceStep, sensitive?: readonly SensitiveValue[]): Promise<TraceStep> {
    if (this.ended) throw new Error(`trace ${this.file} already ended; cannot append a step`);
    const line = TraceStep.parse(this.redactor.step(step, sensitive));
    await this.writeLine(line);
    this.written++;
    return line;
  }

  /** Secrets seen on a page that produced no step (the recorder's page updates). */
  rememberSecrets(values: readonly SensitiveValue[]): void {
    this.redactor.remember(values);
  }

  /** The session's redactor (for text shown beside the trace, e.g. replay reports). */
  redact(text: string): string {
    return this.redactor.text(text);
  }

  /** Writes the end line of a session that ran here; the step count is the steps written. */
  async finish(end: SessionEnd): Promise<TraceEnd> {
    const line: TraceEnd = {
      kind: 'end',
      outcome: end.outcome,
      steps: this.written,
      duration_ms: end.durationMs ?? Date.now() - this.createdMs,
      error: end.error ? this.redactor.text(end.error) : null,
      dropped_events: end.droppedEvents ?? 0,
      order_id: end.orderId ?? null,
      ...(end.notPlaced ? { not_placed: true, not_placed_reason: end.notPlaced } : {}),
    };
    await this.end(line);
    return line;
  }

  /** Writes a given end line (copying a trace); `finish` builds one for a session run here. */
  async end(end: TraceEnd): Promise<void> {
    if (this.ended) return;
    await this.writeLine(TraceEnd.parse(end));
    this.ended = true;
    await this.handle.close();
  }

  /** Closes the file without an end line (the reader accepts such files). */
  async abandon(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.handle.close();
  }

  private async writeLine(value: unknown): Promise<void> {
    await this.handle.write(JSON.stringify(value) + '\n');
  }
}
