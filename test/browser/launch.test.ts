import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headlessShellPaths, installedBrowserPaths } from '../../src/browser/browser-paths.js';
import { findBrowser, locateBrowser } from '../../src/browser/launch.js';
import { needsNoSandbox, type SandboxFacts } from '../../src/browser/sandbox.js';
import { BrowserUnavailableError } from '../../src/errors.js';

const user: SandboxFacts = {
  platform: 'linux',
  isRoot: false,
  inContainer: false,
  userNamespaces: true,
};

describe('browser discovery', () => {
  it('takes --browser-path first, then SHOPSIM_BROWSER, and names a missing one', () => {
    expect(locateBrowser(process.execPath, { SHOPSIM_BROWSER: '/bin/sh' })).toEqual({
      executablePath: process.execPath,
      source: 'flag',
    });
    expect(locateBrowser(null, { SHOPSIM_BROWSER: process.execPath })?.source).toBe('env');
    expect(() => locateBrowser(null, { SHOPSIM_BROWSER: '/no/such/chrome' })).toThrow(
      BrowserUnavailableError,
    );
    expect(() => locateBrowser('/no/such/chrome')).toThrow(/--browser-path \/no\/such\/chrome/);
  });

  it('finds a browser on this machine, falling back to the chrome channel only when none is on disk', () => {
    const found = findBrowser(null, {});
    expect(['playwright', 'system', 'channel']).toContain(found.source);
    if (found.source === 'channel') expect(found.channel).toBe('chrome');
    else expect(locateBrowser(null, {})).toEqual(found);
  });

  it("prefers the distribution's headless shell for headless runs, full Chromium for headed ones", () => {
    expect(headlessShellPaths('linux')).toEqual(['/usr/bin/chromium-headless-shell']);
    expect(headlessShellPaths('darwin')).toEqual([]);
    const headless = locateBrowser(null, {});
    const headed = locateBrowser(null, {}, false);
    if (headless?.source !== 'system') return; // Playwright's own Chromium picks its shell itself
    const shell = headlessShellPaths().find((p) => existsSync(p));
    expect(headless.executablePath).toBe(shell ?? headed?.executablePath);
    expect(headlessShellPaths()).not.toContain(headed?.executablePath);
  });

  it('knows where Chrome and Chromium live on Linux and macOS', () => {
    expect(installedBrowserPaths('linux')).toContain('/usr/bin/chromium');
    expect(installedBrowserPaths('linux')).toContain('/usr/bin/google-chrome');
    const mac = installedBrowserPaths('darwin', '/Users/ann');
    expect(mac).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(mac).toContain('/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(installedBrowserPaths('win32')).toEqual([]);
  });
});

describe('--no-sandbox', () => {
  it('only as root or in a container without user namespaces', () => {
    expect(needsNoSandbox(user, {})).toBe(false);
    expect(needsNoSandbox({ ...user, isRoot: true }, {})).toBe(true);
    expect(needsNoSandbox({ ...user, inContainer: true }, {})).toBe(false);
    expect(needsNoSandbox({ ...user, inContainer: true, userNamespaces: false }, {})).toBe(true);
    expect(
      needsNoSandbox({ ...user, platform: 'darwin', inContainer: true, userNamespaces: false }, {}),
    ).toBe(false);
    expect(needsNoSandbox(user, { SHOPSIM_NO_SANDBOX: '1' })).toBe(true);
  });
});
