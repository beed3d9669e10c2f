import { z } from 'zod';
import { ClickAction, TypeAndSubmitAction } from '../action.js';
import { Observation } from '../observe/observation.js';
import { SensitiveValue } from '../traces/redactor.js';

/**
 * Messages the in-page recorder (src/record/inpage.ts) sends through the exposed binding. The
 * page is not trusted to be well-formed (a site script could call the binding): every message is
 * validated and a bad one is ignored.
 */

/** The page changed and settled: its current observation (kept for the terminate step). */
export const ObservedEvent = z.object({
  kind: z.literal('observed'),
  time: z.string(),
  observation: Observation,
  sensitive: z.array(SensitiveValue),
});
export type ObservedEvent = z.infer<typeof ObservedEvent>;

/** A click or a submitted text entry on a named element, with the page as it was before it. */
export const ActionEvent = z.object({
  kind: z.literal('action'),
  time: z.string(),
  url: z.string(),
  action: z.discriminatedUnion('type', [ClickAction, TypeAndSubmitAction]),
  /** The target field is a password/card/security-code field: its text is never kept. */
  secretTarget: z.boolean(),
  observation: Observation,
  sensitive: z.array(SensitiveValue),
});
export type ActionEvent = z.infer<typeof ActionEvent>;

/** A click on an area with no named element (nor named ancestor). */
export const DroppedEvent = z.object({
  kind: z.literal('dropped'),
  time: z.string(),
  url: z.string(),
  reason: z.string(),
});
export type DroppedEvent = z.infer<typeof DroppedEvent>;

export const RecorderEvent = z.discriminatedUnion('kind', [
  ObservedEvent,
  ActionEvent,
  DroppedEvent,
]);
export type RecorderEvent = z.infer<typeof RecorderEvent>;

export { RECORD_BINDING } from './targets.js';
