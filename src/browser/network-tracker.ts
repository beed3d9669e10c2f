import type { Page, Request } from 'playwright';

/** Long-lived requests that never "finish" and must not keep a page from settling. */
const IGNORED_TYPES = new Set(['eventsource', 'websocket']);

/**
 * Follows one page's network: requests in flight, when the last one started or ended, whether a
 * main-frame navigation is still waiting for its document, and how many main-frame navigations
 * (new documents or history changes) happened.
 */
export class NetworkTracker {
  private readonly inflight = new Set<Request>();
  private readonly navigations = new Set<Request>();
  lastActivity = Date.now();
  mainFrameNavigations = 0;

  constructor(private readonly page: Page) {
    page.on('request', (request) => this.onStart(request));
    page.on('requestfinished', (request) => this.onEnd(request));
    page.on('requestfailed', (request) => this.onEnd(request));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.mainFrameNavigations++;
    });
  }

  get inflightCount(): number {
    return this.inflight.size;
  }

  /** A main-frame document request was sent and has not finished or failed yet. */
  get navigationPending(): boolean {
    return this.navigations.size > 0;
  }

  private onStart(request: Request): void {
    if (IGNORED_TYPES.has(request.resourceType())) return;
    this.inflight.add(request);
    this.lastActivity = Date.now();
    if (request.isNavigationRequest() && this.isMainFrame(request)) this.navigations.add(request);
  }

  private onEnd(request: Request): void {
    if (!this.inflight.delete(request)) return;
    this.navigations.delete(request);
    this.lastActivity = Date.now();
  }

  private isMainFrame(request: Request): boolean {
    try {
      return request.frame() === this.page.mainFrame();
    } catch {
      // service-worker requests have no frame
      return false;
    }
  }
}
