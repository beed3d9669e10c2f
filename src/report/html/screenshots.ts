import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Trace } from '../../traces/schema.js';

/**
 * Screenshots up to this many bytes in total are embedded in the report as data: URIs (one file
 * to share). Above it they are linked relatively, so the report opens from inside its run folder
 * without growing past what a browser opens comfortably.
 */
export const EMBED_LIMIT_BYTES = 20 * 1024 * 1024;

/** Where a trace's screenshot is on disk: as written, or relative to the working or trace folder. */
function locate(trace: Trace, shot: string): string | null {
  const candidates = path.isAbsolute(shot)
    ? [shot]
    : [path.resolve(shot), path.resolve(path.dirname(trace.file), shot)];
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** Turns the screenshot paths of traces into image sources for a report written to `reportFile`. */
export class ScreenshotSources {
  private readonly files = new Map<string, string>();
  readonly embedded: boolean;

  constructor(
    traces: readonly Trace[],
    private readonly reportFile: string,
  ) {
    let total = 0;
    for (const trace of traces) {
      for (const step of trace.steps) {
        if (!step.screenshot) continue;
        const file = locate(trace, step.screenshot);
        if (!file) continue;
        this.files.set(`${trace.file}\n${step.screenshot}`, file);
        total += statSync(file).size;
      }
    }
    this.embedded = total <= EMBED_LIMIT_BYTES;
  }

  /** The img src of a step's screenshot, or null when it was not taken or is gone. */
  src(trace: Trace, shot: string | null): string | null {
    if (!shot) return null;
    const file = this.files.get(`${trace.file}\n${shot}`);
    if (!file) return null;
    if (this.embedded) return `data:image/png;base64,${readFileSync(file).toString('base64')}`;
    const relative = path.relative(path.dirname(path.resolve(this.reportFile)), file);
    return relative.split(path.sep).map(encodeURIComponent).join('/');
  }

  get count(): number {
    return this.files.size;
  }
}
