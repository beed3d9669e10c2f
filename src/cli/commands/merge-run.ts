import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mergePairRuns } from '../../ab/merge-pairs.js';
import { mergeRuns } from '../../agent/merge-runs.js';
import { shardKind } from '../../agent/shard-set.js';
import { printPairsResult } from './ab-output.js';
import { formatSummaryTable } from '../../agent/summary.js';
import { writeHtmlReportQuietly } from '../../report/html/write-index.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';

export interface MergeFlags {
  out: string;
  config?: string;
  json?: boolean;
}

export async function mergeCommand(dirs: string[], flags: MergeFlags): Promise<void> {
  const { prices } = resolveCommandConfig({ config: flags.config }).values;
  // an ab run's folder says so in its run.json: its pairs are joined and analysed again
  if (dirs[0] !== undefined && (await shardKind(dirs[0])) === 'ab') {
    const result = await mergePairRuns(dirs, flags.out);
    await printPairsResult(result, { json: !!flags.json, quiet: false, prices });
    if (!flags.json)
      process.stdout.write(`Merged ${dirs.length} shards: ${result.stats.pairs} pairs.\n`);
    return;
  }
  const summary = await mergeRuns(dirs, flags.out, prices);
  await writeFile(path.join(flags.out, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  const report = await writeHtmlReportQuietly(flags.out, prices);
  if (flags.json) {
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return;
  }
  process.stdout.write(`${formatSummaryTable(summary)}\n\n`);
  process.stdout.write(`Merged ${dirs.length} shards: ${summary.sessions} sessions.\n`);
  if (report) process.stdout.write(`Report: ${report}\n`);
  process.stdout.write(`Run folder: ${flags.out}\n`);
}
