import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { SHOPSIM_VERSION } from '../version.js';
import { TRACE_SCHEMA_VERSION, TraceEnd, TraceHeader, TraceStep } from './schema.js';

/**
 * What a new trace's header says about its session. The writer fills in `kind`, the schema
 * version and this shopsim's version; fields that default to null may be left out.
 */
export type NewTraceHeader = Omit<
  z.input<typeof TraceHeader>,
  'kind' | 'schema_version' | 'shopsim_version'
> &
  Partial<Pick<TraceHeader, 'kind' | 'schema_version' | 'shopsim_version'>>;

/**
 * Appends one session's trace as JSONL, one line per event, written through to the file as it
 * happens: a killed process loses at most the line in flight. Lines are validated before writing,
 * so a trace on disk always parses.
 */
export class TraceWriter {
  private ended = false;
  private constructor(
    readonly file: string,
    private handle: FileHandle,
  ) {}

  static async create(file: string, header: NewTraceHeader): Promise<TraceWriter> {
    const line = TraceHeader.parse({
      kind: 'header',
      schema_version: TRACE_SCHEMA_VERSION,
      shopsim_version: SHOPSIM_VERSION,
      ...header,
    });
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(file, 'wx');
    const writer = new TraceWriter(file, handle);
    await writer.writeLine(line);
    return writer;
  }

  async appendStep(step: TraceStep): Promise<void> {
    if (this.ended) throw new Error(`trace ${this.file} already ended; cannot append a step`);
    await this.writeLine(TraceStep.parse(step));
  }

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
