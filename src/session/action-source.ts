import type { Action } from '../action.js';
import type { HistoryStep } from '../models/model.js';
import type { Observation } from '../observe/observation.js';
import type { ModelUsage, Outcome, RationaleSource } from '../traces/schema.js';

/** What a source of actions knows when it is asked for the next step. */
export interface SourceContext {
  /** Index of the step about to be taken (0-based). */
  index: number;
  /** The page as it is now (not redacted: sources may need typed values). */
  observation: Observation;
  /** Earlier steps of this session, oldest first. */
  history: readonly HistoryStep[];
  /** An order confirmation page was seen in this session. */
  purchased: boolean;
  /** The current page is an order confirmation. */
  onConfirmation: boolean;
}

/** One step a source wants taken. */
export interface ProposedStep {
  action: Action;
  rationale: string | null;
  rationaleSource: RationaleSource | null;
  clickType?: string | null;
  usage?: ModelUsage | null;
  raw?: string | null;
  /** Record the step without running it, with this as its error (e.g. a replay's missing name). */
  skip?: string | null;
}

/** Either a step to take, or the end of the session before acting. */
export type SourceMove =
  | { kind: 'act'; step: ProposedStep }
  /** Ends the session. Without an outcome: 'purchase' when one was seen, else 'terminate'. */
  | { kind: 'stop'; outcome?: Outcome; error?: string | null };

/** What happened to a proposed step. */
export interface StepDone {
  index: number;
  step: ProposedStep;
  observation: Observation;
  /** The browser's error, or the skip reason; null when the action ran. */
  error: string | null;
  /** The browser refused the action (ActionError); false for skipped steps. */
  failed: boolean;
  urlAfter: string | null;
}

/**
 * Where a session's actions come from: a model (simulate), a recorded trace (replay), a recorded
 * prefix then a model (counterfactual continuation). The session loop asks it once per step.
 */
export interface ActionSource {
  next(context: SourceContext): Promise<SourceMove>;
  /** Told about every step it proposed, after it ran (or was skipped) and was written. */
  done?(result: StepDone): void;
}
