import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/**
 * In-page scripts (the simplifier, the recorder) are plain TypeScript modules bundled with esbuild
 * into one self-contained IIFE, built once per process. The entry is `inpage.<ext>` next to the
 * calling module, with that module's own extension: .ts under vitest, .js in dist/.
 */

/** The entry file `inpage.<ext>` next to `moduleUrl`. */
export function inPageEntry(moduleUrl: string): string {
  const ext = /\.([cm]?[jt]s)$/.exec(new URL(moduleUrl).pathname)?.[1] ?? 'js';
  return fileURLToPath(new URL(`./inpage.${ext}`, moduleUrl));
}

async function bundle(entry: string, what: string): Promise<string> {
  if (!existsSync(entry)) {
    throw new Error(`the ${what} entry ${entry} is missing; rebuild shopsim (npm run build).`);
  }
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for the ${what}.`);
  return file.text;
}

/** A memoized bundler for the in-page entry next to `moduleUrl`; a failed build is retried. */
export function inPageBundle(moduleUrl: string, what: string): () => Promise<string> {
  let cached: Promise<string> | null = null;
  return () => {
    if (!cached) {
      cached = bundle(inPageEntry(moduleUrl), what);
      cached.catch(() => {
        cached = null;
      });
    }
    return cached;
  };
}
