import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { iframeWarning } from '../../browser/frame-content.js';
import { launchBrowser } from '../../browser/launch.js';
import { openSession } from '../../browser/session.js';
import { InputFileError, UsageError } from '../../errors.js';
import type { Observation } from '../../observe/observation.js';
import { loadRecipe } from '../../observe/recipe.js';
import { bundledRecipe } from '../bundled-recipes.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';
import { clip } from '../../observe/text.js';

export interface ObserveFlags {
  json?: boolean;
  /** A recipe file, or false for --no-recipe. */
  recipe?: string | false;
  browserPath?: string;
  timeout?: string;
  config?: string;
}

export interface ResolvedTarget {
  url: string;
  local: boolean;
  cleanup(): void;
}

/** A URL is used as given; a file becomes a file:// URL (a .gz file is unpacked first). */
export function resolveTarget(target: string): ResolvedTarget {
  if (/^(https?|file):\/\//i.test(target)) {
    return { url: target, local: target.toLowerCase().startsWith('file:'), cleanup: () => {} };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    throw new UsageError(`${target}: only http, https and file URLs can be observed.`);
  }
  const file = path.resolve(target);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new UsageError(`${target}: no such file; give an http(s) URL or an HTML file.`);
  }
  if (!file.endsWith('.gz'))
    return { url: pathToFileURL(file).href, local: true, cleanup: () => {} };
  let html: Buffer;
  try {
    html = gunzipSync(readFileSync(file));
  } catch (error) {
    throw new InputFileError(file, null, `is not a gzip file (${(error as Error).message}).`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'shopsim-observe-'));
  const unpacked = path.join(dir, path.basename(file, '.gz'));
  writeFileSync(unpacked, html);
  return {
    url: pathToFileURL(unpacked).href,
    local: true,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function observeTarget(
  target: string,
  flags: ObserveFlags = {},
): Promise<Observation> {
  const config = resolveCommandConfig({ ...flags }).values;
  const recipe =
    flags.recipe === false ? null : flags.recipe ? loadRecipe(flags.recipe) : bundledRecipe();
  const resolved = resolveTarget(target);
  try {
    const browser = await launchBrowser({ browserPath: config.browserPath });
    try {
      const session = await openSession(browser, {
        startUrl: resolved.url,
        recipe,
        timeoutMs: config.timeoutMs,
        // a saved page must not reach out to the network it was saved from
        blockNetwork: resolved.local,
      });
      const observation = await session.observe();
      const warning = await iframeWarning(session.page, observation.elements.length);
      if (warning) process.stderr.write(`shopsim: warning: ${warning}\n`);
      return observation;
    } finally {
      await browser.close();
    }
  } finally {
    resolved.cleanup();
  }
}

/** The simplified HTML, then one aligned line per named element: name, kind, text. */
export function formatObservation(observation: Observation, maxText = 80): string {
  const rows = observation.elements.map((e) => {
    return [e.name, e.kind + (e.disabled ? ' (disabled)' : ''), clip(e.text, maxText)] as const;
  });
  const nameWidth = Math.max(4, ...rows.map((r) => r[0].length));
  const kindWidth = Math.max(4, ...rows.map((r) => r[1].length));
  const line = (cells: readonly string[]) =>
    `${cells[0]!.padEnd(nameWidth)}  ${cells[1]!.padEnd(kindWidth)}  ${cells[2]}`.trimEnd();
  return [
    `URL: ${observation.url}`,
    `Title: ${observation.title}`,
    '',
    observation.html.trimEnd(),
    '',
    `Elements (${rows.length}):`,
    line(['name', 'kind', 'text']),
    ...rows.map(line),
    '',
  ].join('\n');
}
