import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PACKAGE_ROOT } from '../../src/version.js';
import { getClientScript } from './client/bundle.js';
import type { ShellAssets } from './pages/shell.js';

export interface StaticAsset {
  type: string;
  body: string;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * The browser script (bundled from client/ with esbuild) and the stylesheet, under content-hashed
 * Next-style paths. A Map, so a path like "/_next/static/constructor" is simply not found.
 */
export async function loadAssets(): Promise<{
  assets: Map<string, StaticAsset>;
  hrefs: ShellAssets;
}> {
  const [js, css] = await Promise.all([
    getClientScript(),
    readFile(`${PACKAGE_ROOT}/sites/modern/public/modern.css`, 'utf8'),
  ]);
  const jsHref = `/_next/static/chunks/main-app-${hash(js)}.js`;
  const cssHref = `/_next/static/css/${hash(css)}.css`;
  const assets = new Map<string, StaticAsset>([
    [jsHref, { type: 'text/javascript; charset=utf-8', body: js }],
    [cssHref, { type: 'text/css; charset=utf-8', body: css }],
  ]);
  return { assets, hrefs: { jsHref, cssHref } };
}
