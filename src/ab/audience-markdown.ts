import { fixed, percent } from '../report/format.js';
import { heading, table, type Cell } from '../report/markdown.js';
import type { AudienceRow } from './audience-rates.js';

/** What the weighted figures are and are not, said beside them in ab.md and on the terminal. */
export const AUDIENCE_NOTE =
  'Weighted to audience: each persona counted by its weight (its share of the human sessions ' +
  'it was fitted on), renormalised over the personas that measured the metric. Point estimates ' +
  'only: the tests and intervals above are on the unweighted pairs.';

/** The weighted figures as a table: rates in percent, numbers with two decimals. */
export function audienceTable(rows: readonly AudienceRow[]): string {
  const cells: Cell[][] = rows.map((r) => {
    const show = (v: number) => (r.kind === 'binary' ? percent(v, 1) : fixed(v, 2));
    return [r.metric, r.personas, show(r.control), show(r.treatment), show(r.difference)];
  });
  return table(
    ['metric (weighted to audience)', 'personas', 'control', 'treatment', 'diff'],
    cells,
  );
}

/** The "Weighted to audience" section of ab.md; none without weights. */
export function audienceMarkdown(rows: readonly AudienceRow[] | null): string[] {
  if (!rows) return [];
  return [heading(2, 'Weighted to audience'), AUDIENCE_NOTE, audienceTable(rows)];
}
