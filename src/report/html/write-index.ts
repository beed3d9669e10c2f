import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PriceTable } from '../../cost/prices.js';
import { ShopsimError } from '../../errors.js';

/** The report every command writes into its output folder. */
export const INDEX_FILE = 'index.html';

/**
 * Writes the HTML report of `target` (a run or result folder, or a result file) to `out`
 * (default: index.html beside it). Returns the file written. The report code loads only here.
 */
export async function writeHtmlReport(
  target: string,
  options: { out?: string | null; prices?: PriceTable } = {},
): Promise<string> {
  const dir = path.extname(target) ? path.dirname(target) : target;
  const out = options.out ?? path.join(dir, INDEX_FILE);
  const { buildHtmlReport } = await import('./build.js');
  const page = await buildHtmlReport(target, out, options.prices);
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, page);
    await rename(tmp, out);
  } catch (error) {
    throw new ShopsimError(
      `cannot write the report ${out} (${(error as Error).message}); choose another --out.`,
    );
  }
  return out;
}

/**
 * The index.html a command writes after its real work: a failure to draw it is reported on
 * stderr and never fails the command (its JSON and Markdown results are already written).
 */
export async function writeHtmlReportQuietly(
  dir: string,
  prices?: PriceTable,
): Promise<string | null> {
  try {
    return await writeHtmlReport(dir, { prices });
  } catch (error) {
    process.stderr.write(`shopsim: the HTML report was not written: ${(error as Error).message}\n`);
    return null;
  }
}
