import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import * as zlib from 'node:zlib';
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
  type Compressors,
  type FileMetaData,
} from 'hyparquet';
import { InputFileError } from '../errors.js';
import { parseJsonText } from '../json-file.js';
import { findJsonSyntaxError } from '../json-syntax.js';

/**
 * Row tables of a dataset on disk: Parquet files (read with hyparquet, one row group at a time so
 * large HTML columns never sit in memory all at once), JSON (an array of row objects, or an
 * object holding one under `rows`/`data`) or JSONL (one row object per line).
 */

export type TableFormat = 'parquet' | 'json' | 'jsonl';

export interface TableFile {
  file: string;
  format: TableFormat;
}

/** One row with its 1-based position: the row number in a Parquet/JSON file, the line in JSONL. */
export interface NumberedRow {
  row: number;
  values: Record<string, unknown>;
}

/** A row that could not even be read as an object (bad JSON line, non-object entry). */
export interface TableIssue {
  file: string;
  row: number;
  problem: string;
}

function tableFormat(file: string): TableFormat | null {
  const lower = file.toLowerCase();
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  return null;
}

/** Every table file under a folder (recursively), sorted; or the file itself. */
export async function listTableFiles(target: string): Promise<TableFile[]> {
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new InputFileError(target, null, 'no such dataset file or folder; check the path.');
  }
  const found: TableFile[] = [];
  const visit = (file: string): void => {
    const format = tableFormat(file);
    if (format) found.push({ file, format });
  };
  if (info.isFile()) {
    visit(target);
    return found;
  }
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else visit(full);
    }
  };
  await walk(target);
  return found;
}

/** Decompressors beyond hyparquet's built-in Snappy, from node:zlib (ZSTD where Node has it). */
function compressors(): Compressors {
  const result: Compressors = {
    GZIP: (input) => new Uint8Array(zlib.gunzipSync(input)),
    BROTLI: (input) => new Uint8Array(zlib.brotliDecompressSync(input)),
  };
  const zstd = (zlib as { zstdDecompressSync?: (b: Uint8Array) => Buffer }).zstdDecompressSync;
  if (zstd) result.ZSTD = (input) => new Uint8Array(zstd(input));
  return result;
}

function parquetError(file: string, error: unknown): InputFileError {
  const message = (error as Error).message ?? String(error);
  if (/compression codec/i.test(message)) {
    return new InputFileError(
      file,
      null,
      `${message}. shopsim reads Snappy, Gzip and Brotli (and ZSTD on Node >= 22.15); ` +
        're-save the table with one of those codecs or convert it to JSONL.',
    );
  }
  return new InputFileError(file, null, `cannot read the Parquet file (${message}).`);
}

/** The file's metadata and top-level column names. */
async function parquetColumns(
  file: string,
): Promise<{ metadata: FileMetaData; columns: string[] }> {
  try {
    const buffer = await asyncBufferFromFile(file);
    const metadata = await parquetMetadataAsync(buffer);
    const columns = parquetSchema(metadata).children.map((c) => c.element.name);
    return { metadata, columns };
  } catch (error) {
    throw parquetError(file, error);
  }
}

/**
 * Reads a table in batches. `columns` limits what is read from Parquet (missing columns are
 * ignored); JSON forms always hold whole rows. Unreadable rows go to `onIssue`.
 */
export async function readTable(
  table: TableFile,
  columns: string[] | null,
  onBatch: (rows: NumberedRow[]) => Promise<void> | void,
  onIssue: (issue: TableIssue) => void,
): Promise<void> {
  if (table.format === 'parquet') {
    const { metadata, columns: available } = await parquetColumns(table.file);
    const wanted = columns ? columns.filter((c) => available.includes(c)) : undefined;
    const file = await asyncBufferFromFile(table.file);
    let start = 0;
    for (const group of metadata.row_groups) {
      const end = start + Number(group.num_rows);
      let rows: Record<string, unknown>[];
      try {
        rows = await parquetReadObjects({
          file,
          metadata,
          columns: wanted,
          rowStart: start,
          rowEnd: end,
          compressors: compressors(),
        });
      } catch (error) {
        throw parquetError(table.file, error);
      }
      await onBatch(rows.map((values, i) => ({ row: start + i + 1, values })));
      start = end;
    }
    return;
  }
  let text: string;
  try {
    text = await readFile(table.file, 'utf8');
  } catch {
    throw new InputFileError(table.file, null, 'cannot read the file; check the path.');
  }
  const rows: NumberedRow[] = [];
  const accept = (value: unknown, row: number): void => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      rows.push({ row, values: value as Record<string, unknown> });
    } else {
      onIssue({ file: table.file, row, problem: 'not a JSON object; skipped' });
    }
  };
  if (table.format === 'jsonl') {
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        const column = findJsonSyntaxError(line)?.column;
        const at = column !== undefined ? ` at column ${column}` : '';
        onIssue({ file: table.file, row: i + 1, problem: `not valid JSON${at}; skipped` });
        return;
      }
      accept(value, i + 1);
    });
  } else {
    const value = parseJsonText(text, table.file);
    const list = Array.isArray(value)
      ? value
      : ((value as { rows?: unknown; data?: unknown } | null)?.rows ??
        (value as { data?: unknown } | null)?.data);
    if (!Array.isArray(list)) {
      throw new InputFileError(
        table.file,
        null,
        'expected a JSON array of row objects (or an object with a "rows" array).',
      );
    }
    list.forEach((entry, i) => accept(entry, i + 1));
  }
  await onBatch(rows);
}
