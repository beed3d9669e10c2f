import { describe, expect, it } from 'vitest';
import { installBrowser } from '../../src/browser/install.js';
import { BrowserUnavailableError } from '../../src/errors.js';

describe('install-browser', () => {
  it('keeps the working browser this machine has, downloading nothing', async () => {
    const said: string[] = [];
    const location = await installBrowser({
      download: false,
      system: false,
      say: (l) => said.push(l),
    });
    expect(location.source).not.toBe('channel');
    expect(said.at(-1)).toMatch(/^browser ready: /);
    expect(said.join('\n')).not.toContain('downloading');
  });

  it('honours PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD and, without --with-deps, changes nothing', async () => {
    const said: string[] = [];
    // a "browser" that cannot start: the check fails, no download, no apt-get
    const env = {
      ...process.env,
      SHOPSIM_BROWSER: '/bin/false',
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    };
    await expect(
      installBrowser({ download: false, system: false, say: (l) => said.push(l), env }),
    ).rejects.toBeInstanceOf(BrowserUnavailableError);
    expect(said.join('\n')).toContain('PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set');
    expect(said.join('\n')).not.toContain('apt-get');
  });
});
