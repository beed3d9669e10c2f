import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError } from '../../errors.js';
import { listTraceFiles, readTraceFile } from '../../traces/reader.js';
import { HTML_COLUMN, SESSION_COLUMNS, STEP_COLUMNS, type Table } from './columns.js';
import { toCsv } from './csv.js';
import { toParquet } from './parquet.js';
import { sessionRow, stepRows } from './rows.js';

export const TABLE_FORMATS = ['csv', 'parquet'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export interface ExportTableOptions {
  /** Session files, run folders or folders of runs. */
  traces: string[];
  format: TableFormat;
  out: string;
  /** Put each step's simplified HTML into the steps table. */
  withHtml: boolean;
}

export interface ExportTableSummary {
  format: TableFormat;
  out: string;
  sessions: number;
  steps: number;
  files: { sessions: string; steps: string };
}

/** Every session file under the given paths, once each, in a stable order. */
async function sessionFiles(targets: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const target of targets) {
    for (const file of await listTraceFiles(target)) found.add(path.resolve(file));
  }
  if (found.size === 0) {
    throw new InputFileError(targets.join(' '), null, 'holds no trace files (*.jsonl).');
  }
  return [...found].sort();
}

/** Writes `sessions` and `steps` tables (one row per session / step) as CSV or Parquet. */
export async function exportTables(options: ExportTableOptions): Promise<ExportTableSummary> {
  const sessions: Table = { name: 'sessions', columns: SESSION_COLUMNS, rows: [] };
  const steps: Table = {
    name: 'steps',
    columns: options.withHtml ? [...STEP_COLUMNS, HTML_COLUMN] : STEP_COLUMNS,
    rows: [],
  };
  // one file at a time: only the rows stay in memory, not every page of every session
  for (const file of await sessionFiles(options.traces)) {
    const trace = await readTraceFile(file);
    sessions.rows.push(sessionRow(trace));
    steps.rows.push(...stepRows(trace, options.withHtml));
  }
  await mkdir(options.out, { recursive: true });
  const files = {
    sessions: path.join(options.out, `sessions.${options.format}`),
    steps: path.join(options.out, `steps.${options.format}`),
  };
  for (const table of [sessions, steps]) {
    const data = options.format === 'csv' ? toCsv(table) : toParquet(table);
    await writeFile(files[table.name as keyof typeof files], data);
  }
  return {
    format: options.format,
    out: options.out,
    sessions: sessions.rows.length,
    steps: steps.rows.length,
    files,
  };
}
