import { answerReplySchema } from './answer-schema.js';
import type { ChatModel } from './chat.js';
import { clickableNames, typeableNames } from './check-action.js';
import type { ModelReply, PredictRequest } from './model.js';
import { buildPrompt } from './prompt.js';

/** How tightly a backend wants the answer schema fitted to the page. */
export interface AnswerFit {
  /** Limit `name` to the page's clickable / typeable names (worth it under a grammar). */
  restrictNames?: boolean;
  maxRationaleLength?: number;
  maxTextLength?: number;
}

/**
 * The simulator's language-model path, shared by every chat backend: the step's prompt
 * (prompt.ts) sent through the backend's chat call with the answer schema.
 */
export async function predictWithChat(
  chat: ChatModel,
  request: PredictRequest,
  fit: AnswerFit = {},
): Promise<ModelReply> {
  const page = request.observation;
  const schema = answerReplySchema({
    clickNames: fit.restrictNames ? clickableNames(page) : undefined,
    typeNames: fit.restrictNames ? typeableNames(page) : undefined,
    maxRationaleLength: fit.maxRationaleLength,
    maxTextLength: fit.maxTextLength,
  });
  const reply = await chat.chat({ messages: buildPrompt(request), schema });
  return {
    text: reply.text === '' && reply.refusal ? reply.refusal : reply.text,
    promptTokens: reply.promptTokens,
    completionTokens: reply.completionTokens,
  };
}
