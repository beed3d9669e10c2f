import type { ChatModel, ChatReply, ChatRequest } from './chat.js';

/** Where an answer came from: a model call, or the --cache folder (no model call made). */
export type AnswerOrigin = 'model' | 'cache';

/**
 * Told about every answer a model gives: what was sent and the raw answer (e.g. --verbose), and
 * whether a model call made it or the answer cache served it.
 */
export type ExchangeObserver = (
  request: ChatRequest,
  reply: ChatReply,
  origin: AnswerOrigin,
) => void;

/**
 * Makes `model` tell `observer` about each of its chat calls. The instance's own `chat` is
 * wrapped, so its `predict` (which calls `this.chat`) is observed too. Returns the same model.
 */
export function observeExchanges<M extends ChatModel>(model: M, observer: ExchangeObserver): M {
  const inner = model.chat.bind(model);
  model.chat = async (request: ChatRequest): Promise<ChatReply> => {
    const reply = await inner(request);
    observer(request, reply, 'model');
    return reply;
  };
  return model;
}
