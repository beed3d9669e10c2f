import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';
import { BrowserUnavailableError } from '../errors.js';

/** Flags for a sandboxed, offline machine: no background traffic, no GPU, no first-run UI. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export interface BrowserLocation {
  /** undefined means Playwright's own bundled browser. */
  executablePath: string | undefined;
  source: 'flag' | 'env' | 'playwright' | 'system';
}

/**
 * Finds a Chromium, in this order: --browser-path flag, SHOPSIM_BROWSER env,
 * Playwright's bundled browser, the system's /usr/bin/chromium.
 */
export function findBrowser(
  flagPath: string | null = null,
  env: NodeJS.ProcessEnv = process.env,
): BrowserLocation {
  if (flagPath) {
    if (!existsSync(flagPath)) {
      throw new BrowserUnavailableError(
        `--browser-path ${flagPath} does not exist; give the path of a Chromium executable.`,
      );
    }
    return { executablePath: flagPath, source: 'flag' };
  }
  const fromEnv = env.SHOPSIM_BROWSER;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new BrowserUnavailableError(
        `SHOPSIM_BROWSER=${fromEnv} does not exist; give the path of a Chromium executable.`,
      );
    }
    return { executablePath: fromEnv, source: 'env' };
  }
  let bundled: string | null = null;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = null;
  }
  if (bundled && existsSync(bundled)) return { executablePath: undefined, source: 'playwright' };
  for (const candidate of SYSTEM_CHROMIUM_PATHS) {
    if (existsSync(candidate)) return { executablePath: candidate, source: 'system' };
  }
  throw new BrowserUnavailableError(
    'no Chromium found. Run `npm install` (it installs one), or `npx playwright install chromium`, ' +
      'or `apt-get install chromium`, or set SHOPSIM_BROWSER to a Chromium executable.',
  );
}

export interface LaunchOptions {
  browserPath?: string | null;
  headless?: boolean;
  /**
   * Let Playwright close the browser on Ctrl-C / SIGTERM (default). The recorder turns this off:
   * it must write the session's terminate step and end line before the window goes away.
   */
  handleSignals?: boolean;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const location = findBrowser(options.browserPath ?? null);
  try {
    return await chromium.launch({
      executablePath: location.executablePath,
      headless: options.headless ?? true,
      args: CHROMIUM_FLAGS,
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
    });
  } catch (error) {
    throw new BrowserUnavailableError(
      `Chromium (${location.executablePath ?? 'Playwright bundled'}) failed to start: ` +
        `${(error as Error).message.split('\n')[0]}. Check the browser installation or set SHOPSIM_BROWSER.`,
    );
  }
}
