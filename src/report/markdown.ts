/** Small, dependency-free Markdown building blocks shared by every report shopsim writes. */

/** A table cell: text, a number (printed as is) or null (printed as an en dash). */
export type Cell = string | number | null;

export type Align = 'left' | 'right' | 'center';

/** Escapes text for use inside a table cell: pipes escaped, line breaks flattened. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function cellText(cell: Cell): string {
  if (cell === null) return '–';
  return escapeCell(String(cell));
}

/**
 * A GitHub-flavoured Markdown table. Numbers are right-aligned by default (per column, when every
 * non-null cell of the column is a number); pass `align` to override.
 */
export function table(headers: string[], rows: Cell[][], align?: Align[]): string {
  const width = headers.length;
  for (const [i, row] of rows.entries()) {
    if (row.length !== width) {
      throw new Error(`table row ${i} has ${row.length} cells, expected ${width}`);
    }
  }
  const aligns = headers.map((_, col) => {
    if (align?.[col]) return align[col];
    const values = rows.map((r) => r[col]).filter((c) => c !== null);
    return values.length > 0 && values.every((c) => typeof c === 'number') ? 'right' : 'left';
  });
  const rule = aligns.map((a) => (a === 'right' ? '---:' : a === 'center' ? ':---:' : '---'));
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(headers.map(escapeCell)),
    line(rule),
    ...rows.map((row) => line(row.map(cellText))),
  ].join('\n');
}

export function heading(level: 1 | 2 | 3 | 4, text: string): string {
  return `${'#'.repeat(level)} ${text.replace(/\r?\n/g, ' ')}`;
}

export function bulletList(items: string[]): string {
  return items.map((item) => `- ${item.replace(/\r?\n/g, ' ')}`).join('\n');
}

/** Inline code, safe for names that contain backticks. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Joins blocks (headings, paragraphs, tables) with blank lines; empty blocks are dropped. */
export function document(blocks: (string | null | undefined | false)[]): string {
  return (
    blocks.filter((b): b is string => typeof b === 'string' && b.trim() !== '').join('\n\n') + '\n'
  );
}
