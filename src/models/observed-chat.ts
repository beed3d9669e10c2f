import type { ChatModel, ChatReply, ChatRequest } from './chat.js';

/** Told about every chat call a model makes: what was sent and the raw answer (e.g. --verbose). */
export type ExchangeObserver = (request: ChatRequest, reply: ChatReply) => void;

/**
 * Makes `model` tell `observer` about each of its chat calls. The instance's own `chat` is
 * wrapped, so its `predict` (which calls `this.chat`) is observed too. Returns the same model.
 */
export function observeExchanges<M extends ChatModel>(model: M, observer: ExchangeObserver): M {
  const inner = model.chat.bind(model);
  model.chat = async (request: ChatRequest): Promise<ChatReply> => {
    const reply = await inner(request);
    observer(request, reply);
    return reply;
  };
  return model;
}
