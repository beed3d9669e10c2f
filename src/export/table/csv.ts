import type { Cell, Table } from './columns.js';

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as RFC 4180 CSV: a header row, CRLF line ends, empty fields for nulls. */
export function toCsv(table: Table): string {
  const names = table.columns.map((c) => c.name);
  const lines = [names.map(csvField).join(',')];
  for (const row of table.rows) lines.push(names.map((n) => csvField(row[n] ?? null)).join(','));
  return lines.join('\r\n') + '\r\n';
}
