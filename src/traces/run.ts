import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError } from '../errors.js';
import { SHOPSIM_VERSION } from '../version.js';
import { RunInfo, TRACE_SCHEMA_VERSION } from './schema.js';
import { readJsonFile } from '../json-file.js';

import { DEFAULT_TRACES_DIR } from './default-dir.js';

export { DEFAULT_TRACES_DIR };

/** A new run id: sortable by time, unique, readable: 20261121-203655-simulate-3fa2. */
export function newRunId(kind: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${kind}-${randomBytes(2).toString('hex')}`;
}

export interface RunFolder {
  dir: string;
  info: RunInfo;
}

/** Creates `<base>/<run-id>/` (or uses `out` as is) and writes run.json. */
export async function createRun(
  options: Omit<RunInfo, 'schema_version' | 'run_id' | 'created_at' | 'shopsim_version'> & {
    out?: string | null;
    baseDir?: string;
  },
): Promise<RunFolder> {
  const { out, baseDir, ...rest } = options;
  const runId = out ? path.basename(path.resolve(out)) : newRunId(rest.kind);
  const dir = out ?? path.join(baseDir ?? DEFAULT_TRACES_DIR, runId);
  await mkdir(dir, { recursive: true });
  const info = RunInfo.parse({
    ...rest,
    schema_version: TRACE_SCHEMA_VERSION,
    run_id: runId,
    created_at: new Date().toISOString(),
    shopsim_version: SHOPSIM_VERSION,
  });
  await writeFile(path.join(dir, 'run.json'), JSON.stringify(info, null, 2) + '\n');
  return { dir, info };
}

export async function readRunInfo(dir: string): Promise<RunInfo> {
  const file = path.join(dir, 'run.json');
  const result = RunInfo.safeParse(readJsonFile(file, 'run.json'));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InputFileError(file, issue.path.join('.'), issue.message);
  }
  return result.data;
}

/** File name for a session inside a run folder. */
export function sessionFileName(sessionId: string): string {
  return sessionId.replace(/[^A-Za-z0-9._-]/g, '_') + '.jsonl';
}
