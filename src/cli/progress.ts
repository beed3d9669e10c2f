/**
 * A one-line progress display on stderr: redrawn in place on a terminal, printed as plain
 * lines (at most one per `everyMs`) when stderr is a file or pipe, so CI logs stay readable.
 */
export class ProgressLine {
  private last = '';
  private lastPrinted = 0;
  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly everyMs = 2_000,
    private readonly enabled = true,
  ) {}

  update(text: string, force = false): void {
    if (!this.enabled || text === this.last) return;
    this.last = text;
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${text}`);
      return;
    }
    const now = Date.now();
    if (force || now - this.lastPrinted >= this.everyMs) {
      this.lastPrinted = now;
      this.stream.write(text + '\n');
    }
  }

  done(text?: string): void {
    if (!this.enabled) return;
    if (this.stream.isTTY) this.stream.write(`\r\x1b[2K${text ?? this.last}\n`);
    else this.stream.write((text ?? this.last) + '\n');
  }
}

/** `[#####-----] 5/10` */
export function bar(done: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}
