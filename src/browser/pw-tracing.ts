import type { BrowserContext } from 'playwright';

/**
 * A browser context's Playwright trace (`npx playwright show-trace FILE`): DOM snapshots,
 * screenshots and network from start to `save`, with a named group per shopper step.
 */
export class ContextTracing {
  private openGroups = 0;
  private saved = false;

  private constructor(
    private readonly context: BrowserContext,
    readonly file: string,
  ) {}

  /** Starts tracing the context; the trace is written to `file` by `save`. */
  static async start(
    context: BrowserContext,
    file: string,
    title: string,
  ): Promise<ContextTracing> {
    await context.tracing.start({ screenshots: true, snapshots: true, title });
    return new ContextTracing(context, file);
  }

  async group(label: string): Promise<void> {
    if (this.saved) return;
    await this.context.tracing.group(label);
    this.openGroups++;
  }

  async groupEnd(): Promise<void> {
    if (this.saved || this.openGroups === 0) return;
    this.openGroups--;
    await this.context.tracing.groupEnd();
  }

  /** Closes any open group and writes the zip; call before the context closes. Once only. */
  async save(): Promise<void> {
    if (this.saved) return;
    while (this.openGroups > 0) await this.groupEnd();
    this.saved = true;
    await this.context.tracing.stop({ path: this.file });
  }
}
