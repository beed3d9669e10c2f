import { ModelBackendError, ModelOutputError } from '../errors.js';
import type { Trace } from '../traces/schema.js';
import { oneLine } from '../models/page-text.js';
import { cleanRationale } from './clean.js';
import { rationaleProblem } from './rationale-check.js';
import { targetElement, type PreviousStep, type RationaleRequest } from './prompt.js';
import type { RationaleWriter } from './writer.js';

/** Earlier steps shown to the writer for context. */
export const PREVIOUS_STEPS = 5;

/** The writer's request for step `index` of a session. */
export function rationaleRequest(trace: Trace, index: number): RationaleRequest {
  const step = trace.steps[index]!;
  const previous: PreviousStep[] = trace.steps
    .slice(Math.max(0, index - PREVIOUS_STEPS), index)
    .map((p) => ({
      url: p.observation.url,
      title: p.observation.title,
      action: p.action,
      targetText: targetElement(p.observation, p.action)?.text || null,
    }));
  return {
    sessionId: trace.header.session_id,
    stepIndex: index,
    persona: trace.header.persona,
    observation: step.observation,
    action: step.action,
    clickType: step.click_type,
    previous,
  };
}

/**
 * Asks the writer for one rationale and cleans it to one sentence. An answer that is not a
 * first-person rationale (rationale-check.ts) is asked again, up to maxAttempts calls, each retry
 * told why the earlier answers were rejected; when none passes, the step fails with the reasons
 * (it keeps no rationale, so it never reaches fine-tuning data). A backend error is not retried
 * here, since the client already retried transient failures.
 */
export async function explainStep(
  writer: RationaleWriter,
  request: RationaleRequest,
  maxAttempts: number,
): Promise<string> {
  const rejected: string[] = [];
  let last = '';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    last = await writer.explain(
      rejected.length ? { ...request, feedback: [...rejected] } : request,
    );
    const clean = cleanRationale(last);
    const problem = rationaleProblem(clean, last, request.action);
    if (!problem) return clean!;
    rejected.push(`${problem}: ${JSON.stringify(oneLine(last).slice(0, 120))}`);
  }
  throw new ModelOutputError(
    `${writer.id} gave no first-person rationale in ${maxAttempts} attempt(s) (${rejected
      .map((r, i) => `${i + 1}: ${r}`)
      .join('; ')}); the step is left without one`,
    last,
  );
}

/** Whether an error is worth counting as a failed step (rather than a bug to surface). */
export function isStepFailure(error: unknown): error is ModelBackendError | ModelOutputError {
  return error instanceof ModelBackendError || error instanceof ModelOutputError;
}
