import type { ChatHistoryItem, LlamaGrammar, LlamaModel, TokenBias } from 'node-llama-cpp';
import { ModelBackendError } from '../errors.js';
import type { ChatMessage, ChatModel, ChatReply, ChatRequest, ReplySchema } from './chat.js';
import { predictWithChat, type AnswerFit } from './chat-predict.js';
import { portableJsonSchema } from './json-schema.js';
import { LlamaRuntime } from './llama-runtime.js';
import type { LlamaModelOptions } from './llama-options.js';

export type { LlamaModelOptions } from './llama-options.js';
import type { ModelReply, PredictRequest, SimulatorModel } from './model.js';

/** Room for the chat template's own tokens (role markers, separators) in a rough size check. */
const TEMPLATE_TOKENS = 64;

/**
 * `llama:<path.gguf>`: a local GGUF model run in-process by node-llama-cpp on the CPU. Replies
 * with a schema are constrained by a JSON-schema grammar, so they always parse. Calls are
 * serialized (one context sequence); the system-prompt prefix is reused between calls.
 */
export class LlamaCppModel implements SimulatorModel, ChatModel {
  readonly id: string;
  readonly constrained = true;
  private readonly tokenBias: TokenBias | undefined;
  /** The last grammar built, by its JSON schema text (synthesize asks for the same one). */
  private grammar: { key: string; grammar: LlamaGrammar } | null = null;

  private constructor(
    file: string,
    private readonly options: LlamaModelOptions,
    private readonly runtime: LlamaRuntime,
  ) {
    this.id = `llama:${file}`;
    if (options.banHighByteTokens) this.tokenBias = this.highByteBias();
  }

  static async load(file: string, options: LlamaModelOptions = {}): Promise<LlamaCppModel> {
    const runtime = await LlamaRuntime.load(
      `llama:${file}`,
      file,
      options,
      `llama:${file}: no model file at ${file}. Is the path right? With no model file there, ` +
        'download a GGUF chat model (for example a small Qwen2.5-Instruct GGUF) and pass its ' +
        'path as llama:/path/to/model.gguf.',
    );
    return new LlamaCppModel(file, options, runtime);
  }

  /** Under a grammar tight schemas cost nothing: names limited to the page's, lengths capped. */
  get answerFit(): AnswerFit {
    return {
      restrictNames: this.options.restrictNames ?? true,
      maxRationaleLength: this.options.maxRationaleLength ?? 300,
      maxTextLength: this.options.maxTextLength ?? 80,
    };
  }

  predict(request: PredictRequest): Promise<ModelReply> {
    return predictWithChat(this, request, this.answerFit);
  }

  chat(request: ChatRequest): Promise<ChatReply> {
    return this.runtime.run(() => this.chatNow(request));
  }

  private async chatNow(request: ChatRequest): Promise<ChatReply> {
    const { system, history, prompt } = splitMessages(this.id, request.messages);
    const { lib, sequence } = this.runtime;
    const maxTokens = request.maxTokens ?? this.options.maxTokens ?? 512;
    this.checkFits(request.messages, maxTokens);
    const meter = sequence.tokenMeter;
    const inputBefore = meter.usedInputTokens;
    const outputBefore = meter.usedOutputTokens;
    const session = new lib.LlamaChatSession({
      contextSequence: sequence,
      ...(system !== null ? { systemPrompt: system } : {}),
      autoDisposeSequence: false,
    });
    try {
      if (history.length) session.setChatHistory([...session.getChatHistory(), ...history]);
      const grammar = request.schema ? await this.grammarFor(request.schema) : undefined;
      const seed = this.options.seed;
      const text = await session.prompt(prompt, {
        ...(grammar ? { grammar } : {}),
        maxTokens,
        temperature: request.temperature ?? this.options.temperature ?? 0.7,
        ...(seed !== undefined ? { seed } : {}),
        ...(this.tokenBias ? { tokenBias: this.tokenBias } : {}),
      });
      return {
        text,
        refusal: null,
        promptTokens: meter.usedInputTokens - inputBefore,
        completionTokens: meter.usedOutputTokens - outputBefore,
      };
    } catch (error) {
      throw new ModelBackendError(
        `${this.id}: generation failed (${(error as Error).message}). If the prompt is too ` +
          'long, shorten it (--history-pages, --html-budget) or raise the context size.',
      );
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }

  /**
   * node-llama-cpp silently drops the start of a chat that does not fit its context (the persona,
   * the rules): the model would answer a prompt nobody wrote. Such a prompt is an error instead.
   */
  private checkFits(messages: ChatMessage[], maxTokens: number): void {
    const { model, contextSize } = this.runtime;
    const text = messages.map((m) => m.content).join('\n');
    // a token spans at least one byte (plus the chat template's few): most prompts need no count
    if (Buffer.byteLength(text) + TEMPLATE_TOKENS + maxTokens <= contextSize) return;
    const tokens = model.tokenize(text).length;
    if (tokens + maxTokens <= contextSize) return;
    throw new ModelBackendError(
      `${this.id}: the prompt has ${tokens} tokens and the answer may take ${maxTokens}, more than ` +
        `the context of ${contextSize}. Raise it (--context-size, SHOPSIM_CONTEXT_SIZE), or ` +
        'shorten the prompt (--history-pages, --html-budget).',
    );
  }

  private async grammarFor(reply: ReplySchema): Promise<LlamaGrammar> {
    const schema = portableJsonSchema(reply.schema, 'oneOf');
    const key = JSON.stringify(schema);
    if (this.grammar?.key !== key) {
      // The schema is built at run time, so its TypeScript type cannot be inferred.
      const grammar = await this.runtime.llama.createGrammarForJsonSchema(schema as never);
      this.grammar = { key, grammar };
    }
    return this.grammar.grammar;
  }

  /** A bias that never samples the lone high byte tokens of byte-fallback vocabularies. */
  private highByteBias(): TokenBias {
    const { lib, model } = this.runtime;
    const bias = new lib.TokenBias(model.tokenizer);
    const tokens = model.fileInfo.metadata.tokenizer?.ggml?.tokens ?? [];
    for (let id = 0; id < tokens.length; id++) {
      const token = id as Parameters<LlamaModel['getTokenAttributes']>[0];
      if (!model.getTokenAttributes(token).byte) continue;
      const text = model.detokenize([token]);
      if (text === '\uFFFD' || text.charCodeAt(0) >= 0x80) bias.set(token, 'never');
    }
    return bias;
  }

  close(): Promise<void> {
    return this.runtime.close();
  }
}

/** System turns become the system prompt, the last (user) turn the prompt, the rest history. */
function splitMessages(
  id: string,
  messages: ChatMessage[],
): { system: string | null; history: ChatHistoryItem[]; prompt: string } {
  const last = messages.at(-1);
  if (last?.role !== 'user') {
    throw new ModelBackendError(
      `${id}: a chat must end with a user message; got ${last?.role ?? 'none'}.`,
    );
  }
  const system = messages.filter((m) => m.role === 'system').map((m) => m.content);
  const history = messages
    .slice(0, -1)
    .filter((m) => m.role !== 'system')
    .map((m): ChatHistoryItem =>
      m.role === 'user'
        ? { type: 'user', text: m.content }
        : { type: 'model', response: [m.content] },
    );
  return { system: system.length ? system.join('\n\n') : null, history, prompt: last.content };
}
