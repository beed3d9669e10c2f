import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { COHORTS_FILE } from '../../persona.js';
import type { FitResult } from './fit.js';

/**
 * Writes one persona file per cohort (`<id>.json`) and COHORTS_FILE into `out`. A folder that
 * already holds .json files is refused: stale cohorts of an earlier fit would be loaded with the
 * new ones by `--persona DIR`.
 */
export async function writeCohorts(out: string, result: FitResult): Promise<string[]> {
  const existing = await readdir(out).catch(() => [] as string[]);
  const json = existing.filter((f) => f.endsWith('.json'));
  if (json.length) {
    throw new UsageError(
      `--out ${out} already holds ${json.join(', ')}; choose a new folder or remove those files.`,
    );
  }
  await mkdir(out, { recursive: true });
  const files: string[] = [];
  for (const persona of result.personas) {
    const file = path.join(out, `${persona.id}.json`);
    await writeFile(file, JSON.stringify(persona, null, 2) + '\n');
    files.push(file);
  }
  const summary = path.join(out, COHORTS_FILE);
  await writeFile(summary, JSON.stringify(result.summary, null, 2) + '\n');
  return [...files, summary];
}
