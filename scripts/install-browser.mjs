#!/usr/bin/env node
// Install step: make a Chromium available for shopsim.
// Order: SHOPSIM_BROWSER if set; Playwright's own browser (download); Debian's chromium via apt
// (when root and apt exists); otherwise a clear message. Never fails the npm install itself.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const say = (msg) => console.log(`[shopsim] ${msg}`);
const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

async function playwrightBrowser() {
  try {
    const { chromium } = await import('playwright');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

async function main() {
  if (process.env.SHOPSIM_SKIP_BROWSER_INSTALL)
    return say('SHOPSIM_SKIP_BROWSER_INSTALL set; not installing a browser.');
  if (process.env.SHOPSIM_BROWSER && existsSync(process.env.SHOPSIM_BROWSER)) {
    return say(`using SHOPSIM_BROWSER=${process.env.SHOPSIM_BROWSER}`);
  }
  if (await playwrightBrowser()) return say('Playwright Chromium already installed.');
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return say(`using system Chromium at ${system}`);

  say('downloading Playwright Chromium (npx playwright install chromium)...');
  const dl = spawnSync(
    process.execPath,
    ['node_modules/playwright/cli.js', 'install', 'chromium'],
    {
      stdio: 'inherit',
      timeout: 180_000,
    },
  );
  if (dl.status === 0 && (await playwrightBrowser())) return say('Playwright Chromium installed.');
  say('Playwright download not possible here; trying Debian chromium.');

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch (error) {
      say(`apt-get install chromium failed: ${error.message}`);
    }
    const found = SYSTEM.find((p) => existsSync(p));
    if (found) return say(`installed Debian Chromium at ${found}`);
  }
  say(
    'NO BROWSER INSTALLED. Get one with `npx playwright install chromium`, or `sudo apt-get install chromium`, ' +
      'or set SHOPSIM_BROWSER to a Chromium executable, then run shopsim again.',
  );
}

await main();
