import { z } from 'zod';
import { Action } from '../action.js';
import { Observation } from '../observe/observation.js';
import { Persona } from '../persona.js';

/**
 * Trace format, version 2 (2 added `not_placed` and `not_placed_reason` to the end line; version 1
 * files parse unchanged; the fields are written only when an order was not placed). A session is one JSONL file:
 *   line 1: a `header`, then one `step` per action as it happens, then an `end` line.
 * A file without an end line (a killed run) is still a valid, readable trace.
 * Bump TRACE_SCHEMA_VERSION on incompatible changes and keep old fixtures parsing.
 */
export const TRACE_SCHEMA_VERSION = 2;

export const TraceSource = z.enum(['simulated', 'human', 'replay']);
export type TraceSource = z.infer<typeof TraceSource>;

export const RationaleSource = z.enum(['model', 'self_reported', 'synthesized']);
export type RationaleSource = z.infer<typeof RationaleSource>;

/**
 * How a session ended. `interrupted`: the user stopped the run (Ctrl-C) after the session's last
 * step; such sessions are left out of every rate (they say nothing about the shopper).
 */
export const Outcome = z.enum(['purchase', 'terminate', 'max_steps', 'error', 'interrupted']);
export type Outcome = z.infer<typeof Outcome>;

export const ModelUsage = z.object({
  prompt_tokens: z.number().nullable(),
  completion_tokens: z.number().nullable(),
  latency_ms: z.number(),
  /** How many model calls this step took (1 = first answer was valid). */
  attempts: z.number().int().min(1),
});
export type ModelUsage = z.infer<typeof ModelUsage>;

export const TraceHeader = z.object({
  kind: z.literal('header'),
  schema_version: z.number().int(),
  session_id: z.string().min(1),
  run_id: z.string().nullable().default(null),
  source: TraceSource,
  /** Where a human trace came from: "shopsim-record", "opera", ... */
  dataset: z.string().nullable().default(null),
  user_id: z.string().nullable().default(null),
  persona: Persona.nullable().default(null),
  site: z.string(),
  variant: z.string().nullable().default(null),
  model: z.string().nullable().default(null),
  seed: z.number().nullable().default(null),
  started_at: z.string(),
  shopsim_version: z.string(),
  /** For replays: the trace this one re-executed. */
  replay_of: z
    .object({ file: z.string(), session_id: z.string() })
    .nullable()
    .default(null),
});
export type TraceHeader = z.infer<typeof TraceHeader>;

export const StepResult = z.object({
  ok: z.boolean(),
  error: z.string().nullable().default(null),
  url_after: z.string().nullable().default(null),
  /**
   * Wall-clock milliseconds the action took in the browser (acting and settling), and of them the
   * wait for the page to settle. Null when not measured: skipped steps, recorded human steps, and
   * traces written before these fields (additive in version 1).
   */
  execute_ms: z.number().min(0).nullable().default(null),
  settle_ms: z.number().min(0).nullable().default(null),
});
export type StepResult = z.infer<typeof StepResult>;

/**
 * Where the action's target element was in the step's screenshot, in CSS pixels of the viewport
 * (the screenshot is the viewport at scale 1). Recorded with the screenshot; absent in traces
 * written before it existed and when no screenshot was taken (an additive field of version 1).
 */
export const TargetBox = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().min(0),
  height: z.number().min(0),
  viewport: z.object({ width: z.number().positive(), height: z.number().positive() }),
});
export type TargetBox = z.infer<typeof TargetBox>;

export const TraceStep = z.object({
  kind: z.literal('step'),
  index: z.number().int().min(0),
  time: z.string(),
  url: z.string(),
  /** The page as it was before the action. */
  observation: Observation,
  rationale: z.string().nullable().default(null),
  rationale_source: RationaleSource.nullable().default(null),
  action: Action,
  /** Coarse class of the click target, from human datasets where known. */
  click_type: z.string().nullable().default(null),
  result: StepResult.nullable().default(null),
  usage: ModelUsage.nullable().default(null),
  /** Raw model text of the accepted answer, when a model produced it. */
  raw: z.string().nullable().default(null),
  screenshot: z.string().nullable().default(null),
  /** The target element's box in the screenshot (null: no element, or it was not drawn). */
  target_box: TargetBox.nullable().optional(),
});
export type TraceStep = z.infer<typeof TraceStep>;

export const TraceEnd = z.object({
  kind: z.literal('end'),
  outcome: Outcome,
  steps: z.number().int().min(0),
  duration_ms: z.number(),
  error: z.string().nullable().default(null),
  /** Recorder: clicks on unnamed areas that could not be mapped to a named element. */
  dropped_events: z.number().int().min(0).default(0),
  /** Shop order id when the session ended in a purchase the shop confirmed. */
  order_id: z.string().nullable().default(null),
  /**
   * Live-site guard: the shopper reached the final order button on a host where orders are not
   * placed, so the click was not performed. The outcome is `purchase`; no order exists.
   */
  not_placed: z.boolean().optional(),
  /** Why the order was not placed (the guard's message), when `not_placed`. */
  not_placed_reason: z.string().optional(),
});
export type TraceEnd = z.infer<typeof TraceEnd>;

export const TraceLine = z.discriminatedUnion('kind', [TraceHeader, TraceStep, TraceEnd]);
export type TraceLine = z.infer<typeof TraceLine>;

/** A whole session in memory. `end` is null when the file was cut off. */
export interface Trace {
  file: string;
  header: TraceHeader;
  steps: TraceStep[];
  end: TraceEnd | null;
}

/** run.json, one per run folder (an ab run: one for the run, kind "ab", and one per arm folder). */
export const RunInfo = z.object({
  schema_version: z.number().int(),
  run_id: z.string(),
  kind: z.enum(['simulate', 'record', 'replay', 'import', 'synthesize', 'ab']),
  created_at: z.string(),
  shopsim_version: z.string(),
  site: z.string().nullable().default(null),
  variant: z.string().nullable().default(null),
  model: z.string().nullable().default(null),
  seed: z.number().nullable().default(null),
  personas: z.array(z.string()).default([]),
  /** The effective configuration of the run, secrets removed. */
  config: z.record(z.string(), z.unknown()).default({}),
});
export type RunInfo = z.infer<typeof RunInfo>;
