import { parquetWriteBuffer } from 'hyparquet-writer';
import { SHOPSIM_VERSION } from '../../version.js';
import type { Table } from './columns.js';

/** The table as a Parquet file (one column per table column, nulls allowed, snappy). */
export function toParquet(table: Table): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: table.columns.map((column) => ({
      name: column.name,
      type: column.type,
      data: table.rows.map((row) => row[column.name] ?? null),
    })),
    createdBy: `shopsim ${SHOPSIM_VERSION}`,
  });
  return new Uint8Array(buffer);
}
