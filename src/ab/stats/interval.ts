import { z } from 'zod';

/** A two-sided interval [lower, upper]. */
export const Interval = z.tuple([z.number(), z.number()]);
export type Interval = z.infer<typeof Interval>;
