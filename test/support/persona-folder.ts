import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
