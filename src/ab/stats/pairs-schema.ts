import { z } from 'zod';

/**
 * What one arm of a pair produced: `converted` plus any other metrics, each a boolean (a binary
 * metric, e.g. added_to_cart) or a number (a continuous one, e.g. steps, seconds, order_value).
 * null, or a metric left out, means "not measured in this run": the pair is left out of that
 * metric only.
 */
export const ArmOutcome = z
  .object({ converted: z.boolean() })
  .catchall(z.union([z.boolean(), z.number(), z.null()]));
export type ArmOutcome = z.infer<typeof ArmOutcome>;

/** One persona + seed run in both arms with common random numbers. */
export const PairRecord = z.object({
  pairId: z.string().min(1),
  persona: z.string().min(1),
  control: ArmOutcome,
  treatment: ArmOutcome,
});
export type PairRecord = z.infer<typeof PairRecord>;
