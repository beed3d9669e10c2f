import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * In-page scripts (the simplifier, the recorder, the modern shop's client) are plain TypeScript
 * modules bundled with esbuild into one self-contained IIFE. `npm run build` bundles them into
 * `inpage.bundle.js` next to each compiled entry in dist/ (scripts/build-inpage.mjs), and the
 * installed package reads those files. Only in development (the .ts sources under vitest, or a dist/
 * without the bundles) are they bundled at run time, once per process, with the esbuild devDependency.
 */

/** The prebuilt bundle's file name next to its entry. */
export const BUNDLE_FILE = 'inpage.bundle.js';

/** The entry file `inpage.<ext>` next to `moduleUrl`. */
export function inPageEntry(moduleUrl: string): string {
  const ext = /\.([cm]?[jt]s)$/.exec(new URL(moduleUrl).pathname)?.[1] ?? 'js';
  return fileURLToPath(new URL(`./inpage.${ext}`, moduleUrl));
}

/** Bundles `entry` with esbuild (a devDependency: present in a checkout, not in an install). */
export async function bundleEntry(entry: string, what: string): Promise<string> {
  if (!existsSync(entry)) {
    throw new Error(`the ${what} entry ${entry} is missing; rebuild shopsim (npm run build).`);
  }
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error(
      `the prebuilt ${what} (${BUNDLE_FILE}) is missing and esbuild is not installed to build it; ` +
        'reinstall shopsim, or run `npm run build` in a checkout.',
    );
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

async function load(moduleUrl: string, what: string): Promise<string> {
  const prebuilt = fileURLToPath(new URL(`./${BUNDLE_FILE}`, moduleUrl));
  if (existsSync(prebuilt)) return readFile(prebuilt, 'utf8');
  return bundleEntry(inPageEntry(moduleUrl), what);
}

/** A memoized loader for the in-page script next to `moduleUrl`; a failed load is retried. */
export function inPageBundle(moduleUrl: string, what: string): () => Promise<string> {
  let cached: Promise<string> | null = null;
  return () => {
    if (!cached) {
      cached = load(moduleUrl, what);
      cached.catch(() => {
        cached = null;
      });
    }
    return cached;
  };
}
