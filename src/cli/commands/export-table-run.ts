import path from 'node:path';
import { UsageError } from '../../errors.js';
import {
  exportTables,
  TABLE_FORMATS,
  type ExportTableSummary,
  type TableFormat,
} from '../../export/table/export-table.js';
import { DEFAULT_TRACES_DIR, newRunId } from '../../traces/run.js';

export interface TableFlags {
  format: string;
  out?: string;
  withHtml?: boolean;
  json?: boolean;
}

/** Runs `shopsim export table`. */
export async function exportTableCommand(
  traces: string[],
  flags: TableFlags,
): Promise<ExportTableSummary> {
  if (!(TABLE_FORMATS as readonly string[]).includes(flags.format)) {
    throw new UsageError(`--format ${flags.format}: use ${TABLE_FORMATS.join(' or ')}.`);
  }
  const summary = await exportTables({
    traces,
    format: flags.format as TableFormat,
    out: flags.out ?? path.join(DEFAULT_TRACES_DIR, newRunId('table')),
    withHtml: !!flags.withHtml,
  });
  if (flags.json) {
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  } else {
    process.stdout.write(
      `Exported ${summary.sessions} sessions and ${summary.steps} steps as ${summary.format}:\n` +
        `  ${summary.files.sessions}\n  ${summary.files.steps}\n`,
    );
  }
  return summary;
}
