import { readFileSync } from 'node:fs';
import { InputFileError } from './errors.js';
import { checkInputSize, type InputKind } from './input-limits.js';
import { findJsonSyntaxError } from './json-syntax.js';

/** Why `text` is not JSON, with its line and column: "line 3, column 7: expected ',' or '}'...". */
export function jsonProblem(
  text: string,
  error: unknown,
): { line: number | null; message: string } {
  let found = null;
  try {
    found = findJsonSyntaxError(text);
  } catch {
    // the locator itself failed (e.g. out of stack): fall back to the parser's words
  }
  if (!found) return { line: null, message: `not valid JSON (${(error as Error).message})` };
  return {
    line: found.line,
    message: `not valid JSON at line ${found.line}, column ${found.column}: ${found.problem}`,
  };
}

/**
 * Parses the JSON text of an input file; a syntax error is an InputFileError naming the file,
 * line and column: "<file>: " + wrap("not valid JSON at line 3, column 7: ...").
 */
export function parseJsonText(
  text: string,
  file: string,
  wrap: (problem: string) => string = (problem) => `${problem}; fix the file and retry.`,
): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new InputFileError(file, null, wrap(jsonProblem(body, error).message));
  }
}

/**
 * Reads and parses a small JSON input file. A missing file, bad JSON or (with `kind`) a file over
 * its size limit is an InputFileError: "cannot read <what> (<reason>)<hint>", naming the file.
 */
export function readJsonFile(file: string, what: string, hint = '.', kind?: InputKind): unknown {
  if (kind) checkInputSize(file, kind, what);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputFileError(
      file,
      null,
      `cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})${hint}`,
    );
  }
  return parseJsonText(text, file, (problem) => `cannot read ${what} (${problem})${hint}`);
}
