import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Docker cannot run here: these are static checks of the Dockerfile against the repository.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** The Dockerfile's instructions: [keyword, arguments], comments and blank lines dropped. */
function instructions(text: string): [string, string][] {
  return text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return [keyword!.toUpperCase(), rest.join(' ')];
    });
}

const steps = instructions(read('Dockerfile'));
const args = (keyword: string) => steps.filter(([k]) => k === keyword).map(([, a]) => a);

describe('Dockerfile', () => {
  it('builds on the official Playwright image of the installed and locked playwright version', () => {
    const installed = JSON.parse(read('node_modules/playwright/package.json')).version as string;
    const lock = JSON.parse(read('package-lock.json'));
    expect(lock.packages['node_modules/playwright'].version).toBe(installed);
    expect(args('FROM')).toEqual([`mcr.microsoft.com/playwright:v${installed}-noble`]);
  });

  it('runs as the non-root pwuser from before the install to the CMD', () => {
    const users = steps.map(([k], i) => (k === 'USER' ? i : -1)).filter((i) => i >= 0);
    expect(users).toHaveLength(1);
    expect(steps[users[0]!]![1]).toBe('pwuser');
    const install = steps.findIndex(([k, a]) => k === 'RUN' && a.startsWith('npm ci'));
    const build = steps.findIndex(([k, a]) => k === 'RUN' && a === 'npm run build');
    expect(install).toBeGreaterThan(users[0]!);
    expect(build).toBeGreaterThan(install);
    // nothing else runs as root after the switch, and no npm script changes system packages
    expect(args('RUN').join('\n')).not.toMatch(/apt-get|sudo|--with-deps/);
  });

  it('has a CMD that runs the package bin `shopsim simulate --site builtin`', async () => {
    const cmd = JSON.parse(args('CMD')[0]!) as string[];
    expect(cmd).toEqual(['npx', 'shopsim', 'simulate', '--site', 'builtin']);
    const pkg = JSON.parse(read('package.json'));
    const bin = pkg.bin[cmd[1]!] as string;
    expect(existsSync(path.join(ROOT, bin))).toBe(true);
    // the command and its flag exist in the built CLI
    const { stdout } = await promisify(execFile)(process.execPath, [bin, cmd[2]!, '--help'], {
      cwd: ROOT,
    });
    expect(stdout).toMatch(/--site\b/);
  });

  it('keeps local installs and outputs out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', '.git', 'traces/*', 'test-results']) {
      expect(ignored).toContain(entry);
    }
  });
});
