import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { TraceEnd, TraceHeader, TraceStep } from './schema.js';

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

  static async create(file: string, header: TraceHeader): Promise<TraceWriter> {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(file, 'wx');
    const writer = new TraceWriter(file, handle);
    await writer.writeLine(TraceHeader.parse(header));
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
