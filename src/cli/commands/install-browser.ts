import type { Command } from 'commander';
import { withExample } from '../examples.js';

interface InstallBrowserFlags {
  withDeps?: boolean;
  system?: boolean;
  download?: boolean;
  json?: boolean;
}

export function registerInstallBrowser(program: Command): void {
  withExample(program.command('install-browser'), ['shopsim install-browser'])
    .description(
      "Make a Chromium available: keep a working one (SHOPSIM_BROWSER, Playwright's, an installed " +
        "Chrome/Chromium), else download Playwright's Chromium (honours " +
        'PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD, PLAYWRIGHT_BROWSERS_PATH, PLAYWRIGHT_DOWNLOAD_HOST). ' +
        'Changes nothing outside its own cache unless --with-deps is given.',
    )
    .option(
      '--with-deps',
      "as root on Debian/Ubuntu, use apt-get when it must: the libraries Playwright's Chromium " +
        'needs, or the distribution package chromium',
    )
    .option('--system', 'same as --with-deps')
    .option('--download', "download Playwright's Chromium even when a browser is already there")
    .option('--json', 'print the browser found {executablePath, source, description} as JSON')
    .action(async (flags: InstallBrowserFlags) => {
      const { installBrowser } = await import('../../browser/install.js');
      const { describeLocation } = await import('../../browser/launch.js');
      const location = await installBrowser({
        download: !!flags.download,
        system: !!(flags.withDeps || flags.system),
        say: (line) => process.stderr.write(`[shopsim] ${line}\n`),
      });
      if (flags.json) {
        const found = {
          ...location,
          executablePath: location.executablePath ?? null,
          description: describeLocation(location),
        };
        process.stdout.write(JSON.stringify(found, null, 2) + '\n');
      }
    });
}
