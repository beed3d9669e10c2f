import type { Trace } from '../traces/schema.js';
import type { HistoryStep, PredictRequest } from './model.js';

/**
 * The simulator's request for step `index` of a recorded session, teacher-forced: the session's
 * persona, its own steps before `index` as history (page, rationale, action, error), the page at
 * `index`. Evaluation asks the model with it and the SFT export trains on it, so a fine-tuned
 * model is asked exactly as it was trained.
 */
export function recordedStepRequest(
  trace: Trace,
  index: number,
  historyPages: number,
): PredictRequest {
  const step = trace.steps[index];
  if (!step) throw new Error(`session ${trace.header.session_id} has no step ${index}`);
  const history: HistoryStep[] = trace.steps.slice(0, index).map((s) => ({
    observation: s.observation,
    rationale: s.rationale,
    action: s.action,
    error: s.result?.error ?? null,
  }));
  return {
    persona: trace.header.persona,
    history,
    observation: step.observation,
    feedback: [],
    historyPages,
  };
}
