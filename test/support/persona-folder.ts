import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const PERSONAS = path.resolve(import.meta.dirname, '../../personas');

/**
 * A fresh temporary folder (`<prefix>...`) holding a `personas/` folder with copies of the bundled
 * personas `ids`, for runs that take `--persona DIR`. Returns both paths.
 */
export async function personaFolder(
  prefix: string,
  ids: readonly string[],
): Promise<{ work: string; personas: string }> {
  const work = await mkdtemp(path.join(tmpdir(), prefix));
  const personas = path.join(work, 'personas');
  await mkdir(personas);
  for (const id of ids) {
    await copyFile(path.join(PERSONAS, `${id}.json`), path.join(personas, `${id}.json`));
  }
  return { work, personas };
}

/**
 * A {@link personaFolder} for the whole test file: made in `beforeAll`, removed with everything
 * written into it in `afterAll`. Read `work` and `personas` inside tests (or functions they
 * call): they are filled in only once `beforeAll` has run.
 */
export function usePersonaFolder(
  prefix: string,
  ids: readonly string[],
): { readonly work: string; readonly personas: string } {
  const folder = { work: '', personas: '' };
  beforeAll(async () => {
    Object.assign(folder, await personaFolder(prefix, ids));
  });
  afterAll(async () => {
    if (folder.work) await rm(folder.work, { recursive: true, force: true });
  });
  return folder;
}
