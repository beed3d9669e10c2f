import type { AnswerCache } from './answer-cache.js';
import type { ChatModel, ChatReply, ChatRequest } from './chat.js';
import { predictWithChat, type AnswerFit } from './chat-predict.js';
import { portableJsonSchema } from './json-schema.js';
import type { ModelReply, PredictRequest, SimulatorModel } from './model.js';
import type { ExchangeObserver } from './observed-chat.js';

/** What besides the messages decides a call's answer, and so belongs in its cache key. */
export interface CacheScope {
  /** The run's sampling seed (the backends' own defaults are fixed per backend). */
  seed: number | null;
  /**
   * Which session asks, e.g. "budget-shopper-2": two sessions asking the same thing keep their
   * own answers, as they would without the cache; a re-run's session N meets its own answers.
   */
  session: string;
  /** Rewrites text before keying, e.g. the shop's origin (a new port every run) to "<site>". */
  normalize?: (text: string) => string;
  /** Told about each answer served from the cache (--verbose), which no model call shows. */
  onExchange?: ExchangeObserver;
}

/**
 * A chat model answering from an AnswerCache: the key is the sha256 of (model spec, every
 * message, the reply schema, temperature, max tokens, seed, session). A hit makes no model call
 * and reports 0 tokens, so the run's cost counts only what was really spent; the tokens the
 * answer cost when it was made are in the entry (the cache's stats sum them as saved).
 */
export class CachedChat implements ChatModel {
  readonly id: string;
  readonly constrained: boolean;

  constructor(
    private readonly inner: ChatModel,
    private readonly cache: AnswerCache,
    private readonly scope: CacheScope,
  ) {
    this.id = inner.id;
    this.constrained = inner.constrained;
  }

  async chat(request: ChatRequest): Promise<ChatReply> {
    const normalize = this.scope.normalize ?? ((text: string) => text);
    const key = this.cache.keyOf({
      model: this.inner.id,
      messages: request.messages.map((m) => ({ role: m.role, content: normalize(m.content) })),
      schema: request.schema
        ? { name: request.schema.name, schema: portableJsonSchema(request.schema.schema, 'anyOf') }
        : null,
      temperature: request.temperature ?? null,
      maxTokens: request.maxTokens ?? null,
      seed: this.scope.seed,
      session: this.scope.session,
    });
    const cached = await this.cache.get(key);
    if (cached) {
      const reply = {
        text: cached.text,
        refusal: cached.refusal,
        promptTokens: 0,
        completionTokens: 0,
      };
      this.scope.onExchange?.(request, reply, 'cache');
      return reply;
    }
    const reply = await this.inner.chat(request);
    await this.cache.put({
      version: 1,
      key,
      model: this.inner.id,
      text: reply.text,
      refusal: reply.refusal,
      promptTokens: reply.promptTokens,
      completionTokens: reply.completionTokens,
      created_at: new Date().toISOString(),
    });
    return reply;
  }

  /** The inner model is shared by the run, which closes it. */
  async close(): Promise<void> {}
}

/**
 * The simulator of a shared chat backend (openai, llama) answering through the cache, for one
 * session. Null for backends that are no chat model (heuristic, random, scripted: free and
 * deterministic already, nothing worth caching).
 */
export function cachedSimulator(
  model: SimulatorModel,
  cache: AnswerCache,
  scope: CacheScope,
): SimulatorModel | null {
  if (!isChatModel(model)) return null;
  const chat = new CachedChat(model, cache, scope);
  const fit: AnswerFit = model.answerFit ?? {};
  return {
    id: model.id,
    predict: (request: PredictRequest): Promise<ModelReply> => predictWithChat(chat, request, fit),
    close: async () => undefined,
  };
}

function isChatModel(model: SimulatorModel): model is SimulatorModel & ChatModel {
  return typeof (model as Partial<ChatModel>).chat === 'function';
}
