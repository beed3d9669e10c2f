import path from 'node:path';
import { stat } from 'node:fs/promises';
import { InputFileError, UsageError } from '../../errors.js';
import { listTableFiles, type TableFile } from '../tables.js';

/** The OPeRA tables found under a path. */
export interface OperaLayout {
  action: TableFile[];
  session: TableFile[];
  user: TableFile[];
}

type TableKind = keyof OperaLayout;
const KINDS: TableKind[] = ['action', 'session', 'user'];

/**
 * Which table a file holds, from its name (`action.parquet`, `opera_session.jsonl`) or, failing
 * that, the nearest folder name (the published layout: `OPeRA_filtered/action/train-00000.parquet`,
 * `OPeRA_filtered/user/train/train.parquet`). Files matching none (images, README) are ignored.
 */
function classifyTable(file: string, root: string): TableKind | null {
  const relative = path.relative(root, file);
  const parts = relative.split(path.sep).reverse(); // file name first, then its folders
  for (const part of parts) {
    const lower = part.toLowerCase();
    for (const kind of KINDS) {
      if (new RegExp(`(^|[^a-z])${kind}s?([^a-z]|$)`).test(lower)) return kind;
    }
  }
  return null;
}

/** Finds the tables; a single file is taken as the action table. */
export async function findOperaTables(target: string): Promise<OperaLayout> {
  const files = await listTableFiles(target);
  const layout: OperaLayout = { action: [], session: [], user: [] };
  if ((await stat(target)).isFile()) {
    if (files.length === 0) {
      throw new InputFileError(target, null, 'not a .parquet, .json or .jsonl file.');
    }
    layout.action.push(...files);
    return layout;
  }
  for (const table of files) {
    const kind = classifyTable(table.file, target);
    if (kind) layout[kind].push(table);
  }
  if (layout.action.length === 0) {
    throw new InputFileError(
      target,
      null,
      'holds no action table: expected action.parquet (or a file or folder named *action*, in ' +
        'Parquet, JSON or JSONL) next to the optional session and user tables.',
    );
  }
  const variants = new Set(
    layout.action.map((t) => /opera_(filtered|full)/i.exec(t.file)?.[1]?.toLowerCase() ?? ''),
  );
  if (variants.has('filtered') && variants.has('full')) {
    throw new UsageError(
      `${target} holds both OPeRA_filtered and OPeRA_full, which overlap; import one of the two folders.`,
    );
  }
  return layout;
}
