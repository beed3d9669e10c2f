import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';
import { BrowserUnavailableError } from '../errors.js';
import { headlessShellPaths, installedBrowserPaths } from './browser-paths.js';
import { connectRemoteBrowser } from './connect.js';
import type { RemoteBrowser } from './remote-browser.js';
import { needsNoSandbox } from './sandbox.js';

/** Flags for a sandboxed, offline machine: no background traffic, no GPU, no first-run UI. */
const BASE_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The flags every launch uses; `--no-sandbox` only as root or in a container without user namespaces. */
export const CHROMIUM_FLAGS = [...(needsNoSandbox() ? ['--no-sandbox'] : []), ...BASE_FLAGS];

export interface BrowserLocation {
  /** undefined means Playwright's own browser, or the `chrome` channel when `channel` is set. */
  executablePath: string | undefined;
  /** Playwright's `chrome` channel: the last resort, an installed Google Chrome Playwright finds. */
  channel?: 'chrome';
  source: 'flag' | 'env' | 'playwright' | 'system' | 'channel';
}

export const NO_BROWSER_HELP =
  "Run `shopsim install-browser` (it downloads Playwright's Chromium or finds an installed " +
  'Chrome/Chromium; `--with-deps` lets it use apt-get as root), or install Chrome/Chromium ' +
  'yourself, or set SHOPSIM_BROWSER to a Chromium executable.';

/** The executable of Playwright's own Chromium, when it is downloaded. */
export function playwrightChromiumPath(): string | null {
  try {
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/**
 * Finds a Chromium, in this order: --browser-path flag, SHOPSIM_BROWSER env, Playwright's own
 * Chromium (Playwright picks its headless shell itself), an installed Chrome/Chromium (Linux and
 * macOS paths; for a headless run the distribution's headless shell first); null when there is none.
 */
export function locateBrowser(
  flagPath: string | null = null,
  env: NodeJS.ProcessEnv = process.env,
  headless = true,
): BrowserLocation | null {
  const given: [string | null | undefined, 'flag' | 'env', string][] = [
    [flagPath, 'flag', '--browser-path'],
    [env.SHOPSIM_BROWSER, 'env', 'SHOPSIM_BROWSER='],
  ];
  for (const [where, source, label] of given) {
    if (!where) continue;
    if (!existsSync(where)) {
      throw new BrowserUnavailableError(
        `${label}${source === 'flag' ? ' ' : ''}${where} does not exist; give the path of a Chromium executable.`,
      );
    }
    return { executablePath: where, source };
  }
  if (playwrightChromiumPath()) return { executablePath: undefined, source: 'playwright' };
  const candidates = [...(headless ? headlessShellPaths() : []), ...installedBrowserPaths()];
  for (const candidate of candidates) {
    if (existsSync(candidate)) return { executablePath: candidate, source: 'system' };
  }
  return null;
}

/** locateBrowser, with Playwright's `chrome` channel as the last resort. */
export function findBrowser(
  flagPath: string | null = null,
  env: NodeJS.ProcessEnv = process.env,
  headless = true,
): BrowserLocation {
  return (
    locateBrowser(flagPath, env, headless) ?? {
      executablePath: undefined,
      channel: 'chrome',
      source: 'channel',
    }
  );
}

/** A human description of a location, for messages. */
export function describeLocation(location: BrowserLocation): string {
  if (location.source === 'playwright')
    return `Playwright's Chromium (${playwrightChromiumPath()})`;
  if (location.source === 'channel') return "Google Chrome through Playwright's chrome channel";
  return `${location.executablePath} (${location.source === 'system' ? 'installed' : location.source})`;
}

export interface LaunchOptions extends RemoteBrowser {
  browserPath?: string | null;
  headless?: boolean;
  /**
   * Let Playwright close the browser on Ctrl-C / SIGTERM (default). The recorder turns this off:
   * it must write the session's terminate step and end line before the window goes away.
   */
  handleSignals?: boolean;
}

/**
 * Connects to the remote browser the options name (--browser-endpoint / --cdp; closing it then
 * only disconnects), else launches `location` (default: findBrowser).
 */
export async function launchBrowser(
  options: LaunchOptions = {},
  location?: BrowserLocation,
): Promise<Browser> {
  const remote = await connectRemoteBrowser(options);
  if (remote) return remote;
  const headless = options.headless ?? true;
  return launchLocal(
    options,
    location ?? findBrowser(options.browserPath ?? null, process.env, headless),
  );
}

async function launchLocal(options: LaunchOptions, location: BrowserLocation): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: location.executablePath,
      ...(location.channel ? { channel: location.channel } : {}),
      headless: options.headless ?? true,
      args: CHROMIUM_FLAGS,
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
    });
  } catch (error) {
    if (location.source === 'channel') {
      throw new BrowserUnavailableError(`no Chromium or Chrome found. ${NO_BROWSER_HELP}`);
    }
    throw new BrowserUnavailableError(
      `${describeLocation(location)} failed to start: ` +
        `${(error as Error).message.split('\n')[0]}. Check the browser installation ` +
        '(`shopsim doctor`), or set SHOPSIM_BROWSER.',
    );
  }
}
