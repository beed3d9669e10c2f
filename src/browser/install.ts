import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BrowserUnavailableError } from '../errors.js';
import { headlessShellPaths } from './browser-paths.js';
import { describeLocation, launchBrowser, locateBrowser, type BrowserLocation } from './launch.js';

export interface InstallOptions {
  /** Download Playwright's Chromium even when a usable browser is already there. */
  download: boolean;
  /** Allow the system package manager (apt-get, as root) when nothing else gives a working browser. */
  system: boolean;
  say: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** Starts and closes `location`; the error message when it cannot start, else null. */
export async function tryLaunch(location: BrowserLocation): Promise<string | null> {
  try {
    const browser = await launchBrowser({}, location);
    await browser.close();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function playwrightCli(args: string[], env: NodeJS.ProcessEnv): boolean {
  const root = path.dirname(createRequire(import.meta.url).resolve('playwright/package.json'));
  const run = spawnSync(process.execPath, [path.join(root, 'cli.js'), ...args], {
    stdio: ['inherit', 2, 2], // the child's output goes to stderr: stdout stays for --json
    env,
    timeout: 600_000,
  });
  return run.status === 0;
}

const truthy = (value: string | undefined) => !!value && !['0', 'false'].includes(value);

const canUseApt = () =>
  typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');

/** apt-get update (unless told not to), then install `name`; says which step failed. */
function aptInstall(name: string, say: (line: string) => void, update = true): void {
  say(`installing the distribution package \`${name}\` with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [...(update ? [['update', '-qq']] : []), ['install', '-y', '-qq', name]]) {
    const run = spawnSync('apt-get', args, { stdio: ['inherit', 2, 2], env });
    if (run.status !== 0) return say(`apt-get ${args[0]} failed (exit ${run.status}).`);
  }
}

/** The distribution's Chromium is used but its headless shell (half the CPU per page) is missing. */
function shellMissing(location: BrowserLocation): boolean {
  const shells = headlessShellPaths();
  return location.source === 'system' && shells.length > 0 && !shells.some((p) => existsSync(p));
}

/** A location that starts, or null after saying why the one found does not. */
async function working(say: (line: string) => void, env: NodeJS.ProcessEnv) {
  const location = locateBrowser(null, env);
  if (!location) return null;
  const problem = await tryLaunch(location);
  if (problem === null) return location;
  say(problem);
  return null;
}

/**
 * Makes a Chromium available: keeps a working one (SHOPSIM_BROWSER, Playwright's, an installed
 * Chrome/Chromium); else downloads Playwright's Chromium (unless PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD;
 * PLAYWRIGHT_BROWSERS_PATH and PLAYWRIGHT_DOWNLOAD_HOST apply); only with `system`, and as root,
 * installs its system libraries or the distribution's chromium with apt-get.
 */
export async function installBrowser(options: InstallOptions): Promise<BrowserLocation> {
  const { say } = options;
  const env = options.env ?? process.env;
  if (!options.download) {
    let found = await working(say, env);
    if (found && options.system && canUseApt() && shellMissing(found)) {
      aptInstall('chromium-headless-shell', say);
      const shell = await working(say, env);
      if (shell) found = shell; // else the full Chromium still works
    }
    if (found) {
      say(`browser ready: ${describeLocation(found)}`);
      return found;
    }
  }
  if (truthy(env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD)) {
    say("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set: not downloading Playwright's Chromium.");
  } else {
    say("downloading Playwright's Chromium (playwright install chromium)...");
    if (!playwrightCli(['install', 'chromium'], env)) say('the download did not succeed here.');
  }
  const afterDownload = await working(say, env);
  if (afterDownload) {
    say(`browser ready: ${describeLocation(afterDownload)}`);
    return afterDownload;
  }
  if (options.system && canUseApt()) {
    if (locateBrowser(null, env)?.source === 'playwright') {
      say(
        "installing the system libraries Playwright's Chromium needs (playwright install-deps)...",
      );
      playwrightCli(['install-deps', 'chromium'], env);
    } else {
      aptInstall('chromium', say);
      // a separate install: a distribution without the shell package still gets its Chromium
      aptInstall('chromium-headless-shell', say, false);
    }
    const afterSystem = await working(say, env);
    if (afterSystem) {
      say(`browser ready: ${describeLocation(afterSystem)}`);
      return afterSystem;
    }
  } else if (options.system) {
    say('--with-deps: apt-get needs root on a Debian/Ubuntu system; skipped.');
  }
  throw new BrowserUnavailableError(
    'no working Chromium or Chrome. Install Google Chrome or Chromium (on Debian/Ubuntu, as root: ' +
      '`shopsim install-browser --with-deps`), or set SHOPSIM_BROWSER to a Chromium executable.',
  );
}
