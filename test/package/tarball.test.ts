import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The published package works on its own: `npm pack`, install the tarball into an empty folder
 * (no scripts, no optional dependencies), and run a short simulation there with a bundled persona.
 * Part of the suite; about a minute (the install is offline from the npm cache when it can be).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const npm = (args: string[], cwd: string) =>
  run('npm', args, {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_fund: 'false' },
  });

async function install(tarball: string, app: string): Promise<void> {
  const flags = ['install', '--ignore-scripts', '--omit=optional', '--no-audit', tarball];
  try {
    await npm([...flags, '--offline'], app);
  } catch {
    // the local npm cache does not hold every dependency here: fetch them from the registry
    await npm(flags, app);
  }
}

describe('the packed tarball', () => {
  it(
    'installs into an empty folder and simulates with a bundled persona',
    { timeout: 300_000 },
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-pack-'));
      const { stdout } = await npm(
        ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
        ROOT,
      );
      const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
      const files = packed!.files.map((f) => f.path);
      expect(files).toContain('LICENSE');
      expect(files).toContain('dist/src/index.d.ts');
      expect(files).toContain('dist/src/observe/inpage.bundle.js');
      expect(files).toContain('personas/trail-runner-maya.json');
      expect(files).toContain('schema/trace-line.schema.json');
      expect(files.filter((f) => f.endsWith('.map') || f.includes('tsbuildinfo'))).toEqual([]);
      expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);

      const app = path.join(dir, 'app');
      await mkdir(app);
      await writeFile(path.join(app, 'package.json'), '{ "name": "app", "private": true }\n');
      await install(path.join(dir, packed!.filename), app);
      const modules = path.join(app, 'node_modules');
      expect(existsSync(path.join(modules, 'shopsim/bin/shopsim.js'))).toBe(true);
      // in-page scripts come prebuilt, llama support is optional: neither package is installed
      expect(existsSync(path.join(modules, 'esbuild'))).toBe(false);
      expect(existsSync(path.join(modules, 'node-llama-cpp'))).toBe(false);

      const persona = path.join(modules, 'shopsim/personas/trail-runner-maya.json');
      const sim = await run(
        'npx',
        [
          'shopsim',
          'simulate',
          '--sessions',
          '1',
          '--persona',
          persona,
          '--max-steps',
          '1',
          '--json',
        ],
        { cwd: app, maxBuffer: 16 * 1024 * 1024 },
      );
      const summary = JSON.parse(sim.stdout) as {
        sessions: number;
        errors: number;
        runDir: string;
      };
      expect(summary).toMatchObject({ sessions: 1, errors: 0 });
      expect(await readdir(path.resolve(app, summary.runDir))).toContain('run.json');

      const llama = await run(
        'npx',
        ['shopsim', 'simulate', '--persona', persona, '--model', `llama:${persona}`],
        {
          cwd: app,
        },
      ).catch((error: { code: number; stderr: string }) => error);
      expect('code' in llama && llama.code).toBe(2);
      expect(llama.stderr).toContain('npm install node-llama-cpp');
    },
  );
});
