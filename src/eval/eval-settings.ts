import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { jsonProblem } from '../json-file.js';

export const SETTINGS_FILE = 'eval-settings.json';

/**
 * What an evaluation folder's predictions were made with. A rerun into the same folder resumes
 * only when these match, so predictions of different models or settings are never mixed.
 */
export const EvalSettings = z.object({
  mode: z.enum(['model', 'predictions']),
  model: z.string().nullable(),
  predictions_file: z.string().nullable(),
  human: z.string(),
  history_pages: z.number().int().nullable(),
  max_attempts: z.number().int().nullable(),
  seed: z.number().int(),
});
export type EvalSettings = z.infer<typeof EvalSettings>;

/** Writes the settings, or checks them against the ones already in `dir`. */
export async function claimEvalFolder(
  dir: string,
  settings: EvalSettings,
): Promise<'new' | 'resume'> {
  const file = path.join(dir, SETTINGS_FILE);
  let existing: EvalSettings | null = null;
  try {
    const text = await readFile(file, 'utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new UsageError(
        `${file} is ${jsonProblem(text, error).message}; choose a fresh --out folder.`,
      );
    }
    const parsed = EvalSettings.safeParse(value);
    if (!parsed.success) {
      throw new UsageError(
        `${file} is not an evaluation settings file; choose a fresh --out folder.`,
      );
    }
    existing = parsed.data;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new UsageError(
        `cannot read ${file} (${(error as Error).message}); choose a fresh --out folder.`,
      );
    }
  }
  if (existing) {
    for (const key of Object.keys(settings) as (keyof EvalSettings)[]) {
      if (existing[key] !== settings[key]) {
        throw new UsageError(
          `${dir} holds an evaluation made with ${key} = ${JSON.stringify(existing[key])}, not ` +
            `${JSON.stringify(settings[key])}; rerun with the same settings to resume it, or choose a fresh --out folder.`,
        );
      }
    }
    return 'resume';
  }
  await writeFile(file, JSON.stringify(settings, null, 2) + '\n');
  return 'new';
}
