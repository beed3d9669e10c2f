import { readFileSync } from 'node:fs';
import { InputFileError } from './errors.js';

/**
 * Reads and parses a small JSON input file. A missing file or bad JSON is an InputFileError:
 * "cannot read <what> (<reason>)<hint>", naming the file.
 */
export function readJsonFile(file: string, what: string, hint = '.'): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new InputFileError(
      file,
      null,
      `cannot read ${what} (${(error as Error).message})${hint}`,
    );
  }
}
