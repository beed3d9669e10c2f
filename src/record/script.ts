import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { Recipe } from '../observe/recipe.js';
import { getSimplifierScript } from '../observe/script.js';

/**
 * The recorder's in-page script (inpage.ts next to this module, bundled with esbuild once per
 * process), prefixed by its configuration and the page simplifier, as one init script for every
 * document of a recording.
 */

let cached: Promise<string> | null = null;

function entry(): string {
  const ext = /\.([cm]?[jt]s)$/.exec(new URL(import.meta.url).pathname)?.[1] ?? 'js';
  return fileURLToPath(new URL(`./inpage.${ext}`, import.meta.url));
}

async function build(): Promise<string> {
  const file = entry();
  if (!existsSync(file)) {
    throw new Error(`the in-page recorder ${file} is missing; rebuild shopsim (npm run build).`);
  }
  const result = await esbuild.build({
    entryPoints: [file],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the in-page recorder.');
  return output.text;
}

function recorderBundle(): Promise<string> {
  if (!cached) {
    cached = build();
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

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
