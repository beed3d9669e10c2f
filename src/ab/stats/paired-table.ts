import { z } from 'zod';
import { checkCount } from './arguments.js';

/**
 * The 2x2 table of paired binary outcomes: a = both arms yes, b = control yes and treatment no,
 * c = control no and treatment yes, d = both no. b and c are the discordant pairs.
 */
export const PairedTable = z.object({
  a: z.number().int().min(0),
  b: z.number().int().min(0),
  c: z.number().int().min(0),
  d: z.number().int().min(0),
});
export type PairedTable = z.infer<typeof PairedTable>;

/** One pair's binary outcome in each arm. */
export interface PairedOutcome {
  control: boolean;
  treatment: boolean;
}

/** Tallies paired outcomes into a PairedTable. */
export function tallyPairs(pairs: readonly PairedOutcome[]): PairedTable {
  const table = { a: 0, b: 0, c: 0, d: 0 };
  for (const { control, treatment } of pairs) {
    if (control && treatment) table.a++;
    else if (control) table.b++;
    else if (treatment) table.c++;
    else table.d++;
  }
  return table;
}

/** Total number of pairs in the table. */
export function tableSize(table: PairedTable): number {
  for (const [cell, count] of Object.entries(table)) checkCount(`table cell ${cell}`, count);
  return table.a + table.b + table.c + table.d;
}
