import { AUDIENCE_NOTE, audienceTable } from '../../ab/audience-markdown.js';
import { METRIC_HEADERS, metricRows } from '../../ab/pairs-markdown.js';
import type { PairsResult } from '../../ab/pairs-report.js';
import { unfinishedSentence } from '../../ab/unfinished.js';
import { cacheSentence } from '../../cost/cache-savings.js';
import { folderUsage, usageSentence } from '../../cost/folder-usage.js';
import type { PriceTable } from '../../cost/prices.js';
import { writeHtmlReportQuietly } from '../../report/html/write-index.js';
import { table } from '../../report/markdown.js';

/** How a paired result is printed: --json, --quiet (the table and the run folder only). */
export interface PairsOutput {
  json: boolean;
  quiet: boolean;
  prices: PriceTable;
}

/**
 * Writes index.html beside a paired result's ab.json and prints the result: what `ab` prints
 * after its pairs ran and `shopsim merge` after joining the shards of an ab run.
 */
export async function printPairsResult(result: PairsResult, output: PairsOutput): Promise<void> {
  const page = await writeHtmlReportQuietly(result.runDir, output.prices);
  const out = (text: string) => process.stdout.write(text);
  if (output.json) return void out(JSON.stringify(result, null, 2) + '\n');
  out(`${table(METRIC_HEADERS, metricRows(result))}\n\n`);
  if (output.quiet) return void out(`Run folder: ${result.runDir}\n`);
  const unfinished = unfinishedSentence(result.unfinished);
  if (unfinished) out(`${unfinished}\n\n`);
  if (result.audience) out(`${audienceTable(result.audience)}\n${AUDIENCE_NOTE}\n\n`);
  if (result.stoppedAt !== null) {
    const primary = result.stats.metrics[0]?.metric ?? 'the primary metric';
    out(
      `Stopped after ${result.stoppedAt} of ${result.plannedPairs} pairs: ${primary} is decided.\n`,
    );
  }
  out(usageSentence(await folderUsage(result.runDir, output.prices)) + '\n');
  if (result.cache) out(cacheSentence(result.cache) + '\n');
  out(
    `Report: ${result.files.markdown}${page ? ` and ${page}` : ''}\nRun folder: ${result.runDir}\n`,
  );
}
