// Shared helpers for the benchmarks: statistics and aligned tables. Plain ESM, no build step.
import { existsSync } from 'node:fs';

export function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = (values) => quantile(values, 0.5);
export const sum = (values) => values.reduce((a, b) => a + b, 0);

export function formatNumber(value, digits = 0) {
  if (!Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) return '-';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${Math.round(bytes)} B`;
}

/** Prints rows (arrays of strings) under headers; columns after the first are right-aligned. */
export function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** The compiled module under dist/, or a clear message to build first. */
export async function importDist(relative) {
  const url = new URL(`../dist/${relative}`, import.meta.url);
  if (!existsSync(url)) {
    throw new Error(
      `${url.pathname} is missing: run \`npm run build\` first (npm run bench does).`,
    );
  }
  return import(url.href);
}
