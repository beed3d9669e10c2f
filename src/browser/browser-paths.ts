import os from 'node:os';
import path from 'node:path';

/**
 * Where an installed Chrome or Chromium usually lives, most specific first: the distribution's
 * Chromium, then Google Chrome. Linux and macOS; other systems rely on Playwright's `chrome` channel.
 */
export function installedBrowserPaths(
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string[] {
  if (platform === 'linux') {
    return [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/opt/google/chrome/chrome',
    ];
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
    ];
    return [
      ...apps.map((app) => path.join('/Applications', app)),
      ...apps.map((app) => path.join(home, 'Applications', app)),
    ];
  }
  return [];
}

/**
 * Chromium's headless shell (the Debian/Ubuntu package `chromium-headless-shell`): the old
 * headless mode without the full browser UI. Playwright uses its own copy for headless runs; a
 * page costs about half the CPU of full Chromium's headless mode, so it is preferred headless.
 */
export function headlessShellPaths(platform: NodeJS.Platform = process.platform): string[] {
  return platform === 'linux' ? ['/usr/bin/chromium-headless-shell'] : [];
}
