import { inPageBundle } from '../inpage-bundle.js';
import type { Recipe } from '../observe/recipe.js';
import { getSimplifierScript } from '../observe/script.js';

/**
 * The recorder's in-page script (inpage.ts next to this module, bundled with esbuild once per
 * process), prefixed by its configuration and the page simplifier, as one init script for every
 * document of a recording.
 */

const recorderBundle = inPageBundle(import.meta.url, 'in-page recorder');

export interface RecorderScriptOptions {
  recipe: Recipe | null;
  /** The DOM counts as settled after this long without changes (default 150 ms). */
  quietMs?: number;
  /** A page that keeps changing is observed at least this often (default 1000 ms). */
  maxWaitMs?: number;
}

/** Config + simplifier + recorder, for `context.addInitScript({ content })`. */
export async function getRecorderScript(options: RecorderScriptOptions): Promise<string> {
  const config = {
    recipe: options.recipe,
    quietMs: options.quietMs ?? 150,
    maxWaitMs: options.maxWaitMs ?? 1000,
  };
  const [simplifier, recorder] = await Promise.all([getSimplifierScript(), recorderBundle()]);
  return [
    `globalThis.__shopsimRecorderConfig = ${JSON.stringify(config)};`,
    simplifier,
    recorder,
  ].join('\n;\n');
}
