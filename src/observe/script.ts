/**
 * The page simplifier as one self-contained browser script.
 *
 * In-page contract (used by src/browser):
 *   1. `await page.evaluate(await getSimplifierScript())` (or `page.addInitScript(script)`) defines
 *      `globalThis.__shopsimObserve`. The script has no imports, touches nothing else, and can be
 *      evaluated again (it just redefines the function).
 *   2. `await page.evaluate((opts) => globalThis.__shopsimObserve(opts), { recipe })` where
 *      `recipe` is a validated Recipe (src/observe/recipe.ts) or null. It returns an Observation
 *      ({ url, title, html, elements }, src/observe/observation.ts), JSON-serializable.
 *   3. As a side effect every named element carries `data-shopsim-name="<name>"` (NAME_ATTRIBUTE);
 *      names of an earlier call are removed first, so `[data-shopsim-name="x"]` matches exactly
 *      one element until the next observe. An invalid recipe selector throws an Error whose
 *      message names the rule.
 *
 * The bundle is built with esbuild from inpage.ts next to this module: from the .ts sources under
 * vitest/tsx, from the compiled .js under dist/. No playwright import here.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

let cached: Promise<string> | null = null;

/** The entry file next to this module, with this module's own extension (.ts or .js). */
export function simplifierEntry(moduleUrl: string = import.meta.url): string {
  const ext = /\.([cm]?[jt]s)$/.exec(new URL(moduleUrl).pathname)?.[1] ?? 'js';
  return fileURLToPath(new URL(`./inpage.${ext}`, moduleUrl));
}

async function build(): Promise<string> {
  const entry = simplifierEntry();
  if (!existsSync(entry)) {
    throw new Error(`the in-page simplifier entry ${entry} is missing; rebuild shopsim (npm run build).`); // prettier-ignore
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
  if (!file) throw new Error('esbuild produced no output for the in-page simplifier.');
  return file.text;
}

/** The bundled in-page simplifier (built once per process, then memoized). */
export function getSimplifierScript(): Promise<string> {
  if (!cached) {
    cached = build();
    cached.catch(() => {
      cached = null; // a failed build is retried on the next call
    });
  }
  return cached;
}
