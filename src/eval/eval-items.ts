import type { Action } from '../action.js';
import { InputFileError } from '../errors.js';
import { checkActionOnPage } from '../models/check-action.js';
import type { PredictRequest } from '../models/model.js';
import { recordedStepRequest } from '../models/step-request.js';
import type { Observation } from '../observe/observation.js';
import type { Trace } from '../traces/schema.js';
import { buildClickTypeLexicon, type ClickTypeLexicon } from './click-type-lexicon.js';
import type { GoldStep } from './score.js';
import { outcomeStepIndex } from './session-outcome.js';

/** One teacher-forced step to predict: the human step t and the session it belongs to. */
export interface EvalItem extends GoldStep {
  trace: Trace;
}

export interface EvalSet {
  items: EvalItem[];
  /** Sessions with at least one step. */
  sessions: number;
  /** Files of sessions without steps (nothing to predict). */
  emptySessions: string[];
  /** Human steps whose target element is missing from their own observation's element list. */
  goldAbsent: number;
  /**
   * Human steps the model-answer validator would reject on their own page (absent or disabled
   * element, a click on a text field, typing into a non-text element): a model can never match
   * them, because decide() retries such an answer and finally records it as illegal.
   */
  goldRejected: number;
  /** Steps whose observation lists no elements (a model can only answer terminate there). */
  noElements: number;
  /** Steps whose trace carries a rationale (shown to the model in later steps' history). */
  withRationale: number;
  lexicon: ClickTypeLexicon;
}

/** Every step of every human session, in session order; session ids must be unique. */
export function buildEvalSet(traces: readonly Trace[]): EvalSet {
  const seen = new Map<string, string>();
  const items: EvalItem[] = [];
  const emptySessions: string[] = [];
  let goldAbsent = 0;
  let goldRejected = 0;
  let noElements = 0;
  let withRationale = 0;
  for (const trace of traces) {
    const id = trace.header.session_id;
    const other = seen.get(id);
    if (other !== undefined) {
      throw new InputFileError(
        trace.file,
        'session_id',
        `session "${id}" also appears in ${other}; session ids must be unique within an evaluation.`,
        1,
      );
    }
    seen.set(id, trace.file);
    if (trace.steps.length === 0) {
      emptySessions.push(trace.file);
      continue;
    }
    const endOutcome = trace.end?.outcome ?? null;
    const outcomeIndex = outcomeStepIndex(
      trace.steps,
      (s) =>
        s.action.type === 'click' && (s.click_type === 'purchase' || endOutcome === 'purchase'),
    );
    trace.steps.forEach((step, index) => {
      const { action, observation } = step;
      if (absentTarget(action, observation) !== null) goldAbsent += 1;
      if (
        observation.elements.length > 0 &&
        checkActionOnPage(action, observation, { legality: 'protocol' }) !== null
      ) {
        goldRejected += 1;
      }
      if (observation.elements.length === 0) noElements += 1;
      if (step.rationale) withRationale += 1;
      items.push({
        sessionId: id,
        step: index,
        gold: action,
        goldClickType: step.click_type,
        observation,
        isOutcomeStep: index === outcomeIndex,
        endOutcome,
        trace,
      });
    });
  }
  const lexicon = buildClickTypeLexicon(
    traces.map((t) => ({ sessionId: t.header.session_id, steps: t.steps })),
  );
  return {
    items,
    sessions: seen.size - emptySessions.length,
    emptySessions,
    goldAbsent,
    goldRejected,
    noElements,
    withRationale,
    lexicon,
  };
}

/** The model's input for one item: persona, human history up to t-1, human observation at t. */
export function buildRequest(item: EvalItem, historyPages: number): PredictRequest {
  return recordedStepRequest(item.trace, item.step, historyPages);
}

/**
 * The name the action targets when no element of the observation has it, else null; an
 * observation listing no elements at all is not checked.
 */
export function absentTarget(action: Action, observation: Observation): string | null {
  if (action.type === 'terminate' || observation.elements.length === 0) return null;
  return observation.elements.some((e) => e.name === action.name) ? null : action.name;
}

/** Key of a (session, step) pair. */
export function stepKey(sessionId: string, step: number): string {
  return `${sessionId}\u0000${step}`;
}
