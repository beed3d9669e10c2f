import type { Action } from '../action.js';
import { ModelOutputError } from '../errors.js';
import type { ModelUsage } from '../traces/schema.js';
import { checkActionOnPage, withFullName, type CheckOptions } from './check-action.js';
import type { FeedbackEntry } from './feedback.js';
import type { PredictRequest, SimulatorModel } from './model.js';
import { parseAnswer } from './parse-answer.js';
import { clip } from '../observe/text.js';

export interface DecideOptions {
  /** Model calls allowed for this step, the first included (>= 1). */
  maxAttempts: number;
  /** How strictly answers are checked against the page (see checkActionOnPage). */
  legality?: CheckOptions['legality'];
}

/** One accepted step: what the model decided, its raw text and what it cost. */
export interface Decision {
  rationale: string;
  action: Action;
  /** Raw text of the accepted answer. */
  raw: string;
  usage: ModelUsage;
}

/**
 * Asks the model for one step and insists on a valid action for this page: an answer that is
 * not readable JSON, not a valid action, or names an element the page does not have is
 * rejected, the reason is appended to `request.feedback` (naming the rejected element when the
 * problem is about one), and the model is asked again, up to
 * `maxAttempts` calls. Throws ModelOutputError (with the last raw text) when none was valid.
 * Backend failures (ModelBackendError) propagate at once: backends retry transport errors.
 */
export async function decide(
  model: SimulatorModel,
  request: PredictRequest,
  options: DecideOptions,
): Promise<Decision> {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts));
  const started = performance.now();
  let feedback: FeedbackEntry[] = [...request.feedback];
  let promptTokens: number | null = null;
  let completionTokens: number | null = null;
  let lastRaw = '';
  let lastProblem = '';

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const reply = await model.predict({ ...request, feedback });
    if (reply.promptTokens !== null) promptTokens = (promptTokens ?? 0) + reply.promptTokens;
    if (reply.completionTokens !== null)
      completionTokens = (completionTokens ?? 0) + reply.completionTokens;
    lastRaw = reply.text;

    let problem: { message: string; rejectedName: string | null } | null;
    let answer;
    try {
      const parsed = parseAnswer(reply.text);
      answer = { ...parsed, action: withFullName(parsed.action, request.observation) };
      problem = checkActionOnPage(answer.action, request.observation, {
        legality: options.legality,
      });
    } catch (error) {
      if (!(error instanceof ModelOutputError)) throw error;
      problem = { message: error.message, rejectedName: null };
    }
    if (answer && problem === null) {
      return {
        rationale: answer.rationale.trim(),
        action: answer.action,
        raw: reply.text,
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          latency_ms: Math.round(performance.now() - started),
          attempts: attempt,
        },
      };
    }
    lastProblem = problem?.message ?? 'invalid answer';
    feedback = [
      ...feedback,
      {
        answer: `Answer ${attempt} (${excerpt(reply.text)})`,
        problem: lastProblem,
        rejectedName: problem?.rejectedName ?? null,
      },
    ];
  }
  throw new ModelOutputError(
    `model ${model.id} gave no valid action in ${maxAttempts} attempt(s); last problem: ` +
      `${lastProblem}. Try a stronger model, raise maxAttempts, or check the prompt templates.`,
    lastRaw,
  );
}

/** The start of a rejected answer, one line, for the feedback the model reads. */
function excerpt(text: string, max = 120): string {
  const flat = clip(text, max);
  return flat === '' ? 'empty' : JSON.stringify(flat);
}
