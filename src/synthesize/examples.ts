import path from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../action.js';
import { InputFileError } from '../errors.js';
import { PACKAGE_ROOT } from '../version.js';
import { readJsonFile } from '../json-file.js';

/** One real-sounding think-aloud rationale shown to the rationale writer as a style example. */
export const ThinkAloudExample = z.object({
  /** What kind of step this is (search, option pick, ...); for humans reading the file. */
  situation: z.string().min(1),
  /** A short description of the page the shopper was on. */
  page: z.string().min(1),
  /** The action, as formatAction writes it. */
  action: z.string().min(1),
  /** The first-person sentence. */
  rationale: z.string().min(1),
});
export type ThinkAloudExample = z.infer<typeof ThinkAloudExample>;

export const ThinkAloudExamples = z.array(ThinkAloudExample).min(1);
export type ThinkAloudExamples = z.infer<typeof ThinkAloudExamples>;

/** The examples shipped with shopsim. */
export const DEFAULT_EXAMPLES_FILE = path.join(
  PACKAGE_ROOT,
  'prompts',
  'think-aloud-examples.json',
);

/** Reads and validates a think-aloud examples file (a JSON array); errors name file and field. */
export async function loadThinkAloudExamples(
  file: string = DEFAULT_EXAMPLES_FILE,
): Promise<ThinkAloudExample[]> {
  const value = readJsonFile(
    file,
    'the think-aloud examples',
    '; give a JSON array of {situation, page, action, rationale} objects.',
    'script',
  );
  const result = ThinkAloudExamples.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InputFileError(
      file,
      issue.path.join('.') || '(root)',
      `${describeZodError(result.error)}. Each example needs situation, page, action and rationale.`,
    );
  }
  return result.data;
}

/** The examples as they appear in the rationale prompt. */
export function formatExamples(examples: ThinkAloudExample[]): string {
  return examples
    .map((e) => `- Page: ${e.page}\n  Action: ${e.action}\n  Rationale: ${e.rationale}`)
    .join('\n');
}
