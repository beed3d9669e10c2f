/**
 * Access to the corpus of real third-party product pages (Zyte product-extraction benchmark, 140
 * gzip DOM snapshots + ground-truth.json) used to test and benchmark the simplifier on markup
 * nobody here wrote. Node-only; shared by test/observe and bench/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../version.js';

/**
 * Where the corpus lives: SHOPSIM_REAL_PAGES, else the project's shared/ folder beside the
 * checkout (as on CI), else /work/shared.
 */
export function realPagesDir(): string {
  if (process.env.SHOPSIM_REAL_PAGES) return process.env.SHOPSIM_REAL_PAGES;
  const candidates = [
    path.join(PACKAGE_ROOT, '..', 'shared/data/real-pages/zyte'),
    '/work/shared/data/real-pages/zyte',
  ];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}

export interface RealPage {
  hash: string;
  /** The page's original URL. */
  url: string;
  html: string;
  /** Ground-truth price as written by the annotators ("87.11"), or null. */
  price: string | null;
  currency: string | null;
}

type Truth = Record<string, Record<string, string[] | string | undefined>>;
let truthCache: { dir: string; truth: Truth } | null = null;

function truth(dir: string): Truth {
  if (truthCache?.dir !== dir) {
    const file = path.join(dir, 'ground-truth.json');
    truthCache = { dir, truth: JSON.parse(readFileSync(file, 'utf8')) as Truth };
  }
  return truthCache.truth;
}

/** True when the corpus is present on this machine. */
export function hasRealPages(dir = realPagesDir()): boolean {
  return existsSync(path.join(dir, 'html')) && existsSync(path.join(dir, 'ground-truth.json'));
}

/** Hashes of all pages, sorted. */
export function listRealPages(dir = realPagesDir()): string[] {
  return readdirSync(path.join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .sort();
}

/** `count` pages spread evenly over the sorted list (deterministic sample). */
export function sampleRealPages(count: number, dir = realPagesDir()): string[] {
  const all = listRealPages(dir);
  if (count >= all.length) return all;
  return Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]!);
}

const first = (v: string[] | string | undefined): string | null =>
  (Array.isArray(v) ? v[0] : v)?.trim() || null;

export function loadRealPage(hash: string, dir = realPagesDir()): RealPage {
  const html = gunzipSync(readFileSync(path.join(dir, 'html', `${hash}.html.gz`))).toString('utf8');
  const facts = truth(dir)[hash] ?? {};
  return {
    hash,
    url: first(facts.url) ?? `https://example.invalid/${hash}`,
    html,
    price: first(facts.price),
    currency: first(facts.currency),
  };
}

/** Numbers written in text with any thousands/decimal convention ("1.759,99", "1 759.99"). */
function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const token of text.match(/\d+(?:[.,\u00a0 ']\d{3})*(?:[.,]\d+)?/g) ?? []) {
    const t = token.replace(/[\s\u00a0']/g, '');
    out.push(Number(t.replace(/,/g, '')), Number(t.replace(/\./g, '').replace(',', '.')));
  }
  return out.filter((n) => Number.isFinite(n));
}

/** True when the text shows the price (compared as a number, whatever the separators). */
export function textHasPrice(text: string, price: string): boolean {
  const wanted = numbersIn(price);
  if (!wanted.length) return false;
  return numbersIn(text).some((n) => wanted.some((w) => Math.abs(n - w) < 0.005));
}
