import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ShopsimError } from '../errors.js';

/** A finished report: the machine-readable result and its Markdown rendering. */
export interface Report {
  json: unknown;
  markdown: string;
}

/** Where writeReport put the two files. */
export interface ReportFiles {
  json: string;
  markdown: string;
}

/**
 * Writes `<dir>/<name>.json` and `<dir>/<name>.md`, creating `dir` if needed. Each file is written
 * to a temporary name first and renamed, so a reader never sees half a report.
 */
export async function writeReport(dir: string, name: string, report: Report): Promise<ReportFiles> {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new ShopsimError(
      `report name "${name}" must be a plain file name (letters, digits, . _ -).`,
    );
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new ShopsimError(
      `cannot create the report folder ${dir} (${(error as Error).message}); choose another --out.`,
    );
  }
  const files: ReportFiles = {
    json: path.join(dir, `${name}.json`),
    markdown: path.join(dir, `${name}.md`),
  };
  await writeAtomic(files.json, JSON.stringify(report.json, null, 2) + '\n');
  await writeAtomic(
    files.markdown,
    report.markdown.endsWith('\n') ? report.markdown : report.markdown + '\n',
  );
  return files;
}

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (error) {
    throw new ShopsimError(
      `cannot write ${file} (${(error as Error).message}); check the --out folder.`,
    );
  }
}
