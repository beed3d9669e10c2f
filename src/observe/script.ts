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
import { inPageBundle, inPageEntry } from '../inpage-bundle.js';

/** The entry file next to this module, with this module's own extension (.ts or .js). */
export function simplifierEntry(moduleUrl: string = import.meta.url): string {
  return inPageEntry(moduleUrl);
}

/** The bundled in-page simplifier (built once per process, then memoized). */
export const getSimplifierScript: () => Promise<string> = inPageBundle(
  import.meta.url,
  'in-page simplifier',
);
