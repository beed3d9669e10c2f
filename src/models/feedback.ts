import { z } from 'zod';

/**
 * Why one earlier answer for this same step was rejected. Kept as data, not text: backends that
 * read prompts get it rendered (formatFeedbackEntry), rule-based ones read `rejectedName`.
 */
export const FeedbackEntry = z.object({
  /** The rejected answer as the model reads it, e.g. `Answer 2 ("{\"rationale\": ...")`. */
  answer: z.string(),
  /** What was wrong and what to do instead, one sentence addressed to the model. */
  problem: z.string(),
  /** The element the answer named, when the problem is about that element; else null. */
  rejectedName: z.string().nullable().optional(),
});
export type FeedbackEntry = z.infer<typeof FeedbackEntry>;

/** One feedback line as the prompt shows it: `Answer 2 ("..."): there is no element named ...`. */
export function formatFeedbackEntry(entry: FeedbackEntry): string {
  return `${entry.answer}: ${entry.problem}`;
}
