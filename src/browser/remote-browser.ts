import { UsageError } from '../errors.js';

/** A browser that runs elsewhere: a Playwright browser server, or any Chromium speaking CDP. */
export interface RemoteBrowser {
  /** `ws://…` of Playwright's `launchServer` / `playwright run-server` (`--browser-endpoint`). */
  browserEndpoint?: string | null;
  /** `http://host:port` (or `ws://…`) of a Chromium started with --remote-debugging-port (`--cdp`). */
  cdpUrl?: string | null;
}

/** Checks the remote-browser settings; `where` names them in messages. */
export function checkRemoteBrowser(remote: RemoteBrowser, where: (key: string) => string): void {
  if (remote.browserEndpoint && remote.cdpUrl) {
    throw new UsageError(
      `${where('browserEndpoint')} and ${where('cdpUrl')} both name a remote browser; give one.`,
    );
  }
  const check = (value: string | null | undefined, key: string, protocols: string[]) => {
    if (!value) return;
    let protocol = '';
    try {
      protocol = new URL(value).protocol;
    } catch {
      protocol = '';
    }
    if (!protocols.includes(protocol)) {
      throw new UsageError(
        `${where(key)} ${value}: give a ${protocols.map((p) => p + '//').join(' or ')} URL, ` +
          `e.g. ${key === 'cdpUrl' ? 'http://127.0.0.1:9222' : 'ws://127.0.0.1:3000/abc'}.`,
      );
    }
  };
  check(remote.browserEndpoint, 'browserEndpoint', ['ws:', 'wss:']);
  check(remote.cdpUrl, 'cdpUrl', ['http:', 'https:', 'ws:', 'wss:']);
}
