import { statSync } from 'node:fs';
import { InputFileError } from './errors.js';

/**
 * The largest input files shopsim reads, checked before a byte is read: a persona goes into
 * every model prompt, so a few pages of text is plenty; a recipe or config is a list of rules or
 * settings. Bigger files are almost always the wrong file.
 */
export const INPUT_LIMITS = {
  persona: 64 * 1024,
  recipe: 1024 * 1024,
  config: 1024 * 1024,
  /** Scripted model answers and think-aloud examples. */
  script: 16 * 1024 * 1024,
} as const;
export type InputKind = keyof typeof INPUT_LIMITS;

/** "64 KiB", "1 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/**
 * Throws when `file` is larger than the limit for its kind. A file that cannot be stat'ed is left
 * for the reader to report (with its own "cannot read" message).
 */
export function checkInputSize(file: string, kind: InputKind, what: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  const limit = INPUT_LIMITS[kind];
  if (size > limit) {
    throw new InputFileError(
      file,
      null,
      `${what} is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for a ${kind} file; ` +
        'check that this is the right file and shorten it.',
    );
  }
}
