import { stat } from 'node:fs/promises';
import type {
  Llama,
  LlamaContext,
  LlamaContextSequence,
  LlamaModel,
  TokenBias,
} from 'node-llama-cpp';
import { ModelBackendError } from '../errors.js';
import { answerJsonSchema } from './answer-schema.js';
import { clickableNames, typeableNames } from './check-action.js';
import type { ModelReply, PredictRequest, SimulatorModel } from './model.js';
import { buildPrompt } from './prompt.js';

export interface LlamaModelOptions {
  /** Context window in tokens; default: up to 8192 (less if memory or the model demand it). */
  contextSize?: number;
  /** CPU threads for evaluation; 1 suits tiny models, default lets llama.cpp choose. */
  threads?: number;
  /** Cap on generated tokens per answer. Default 512. */
  maxTokens?: number;
  /** Sampling temperature, default 0.7; with a seed, answers are still reproducible. */
  temperature?: number;
  /** Sampling seed, reset for every answer: the same request and seed give the same answer. */
  seed?: number;
  /**
   * Build the grammar per page with `name` limited to the page's clickable / typeable names
   * (default true): every answer is then a valid action for this page.
   */
  restrictNames?: boolean;
  maxRationaleLength?: number;
  maxTextLength?: number;
  /** Forbid the lone byte tokens <0x80>..<0xFF> (keeps noise output valid UTF-8). */
  banHighByteTokens?: boolean;
}

/**
 * `llama:<path.gguf>`: a local GGUF model run in-process by node-llama-cpp on the CPU. Answers
 * are constrained by a JSON-schema grammar, so they always parse. Calls are serialized (one
 * context sequence); the system-prompt prefix is reused between calls by llama.cpp.
 */
export class LlamaCppModel implements SimulatorModel {
  readonly id: string;
  private queue: Promise<unknown> = Promise.resolve();
  private tokenBias: TokenBias | undefined;

  private constructor(
    file: string,
    private readonly options: LlamaModelOptions,
    private readonly lib: typeof import('node-llama-cpp'),
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly sequence: LlamaContextSequence,
  ) {
    this.id = `llama:${file}`;
    if (options.banHighByteTokens) this.tokenBias = this.highByteBias();
  }

  static async load(file: string, options: LlamaModelOptions = {}): Promise<LlamaCppModel> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      throw new ModelBackendError(
        `llama:${file}: no model file there. Download a GGUF chat model (for example a small ` +
          'Qwen2.5-Instruct GGUF) and pass its path as llama:/path/to/model.gguf.',
      );
    }
    const lib = await import('node-llama-cpp');
    let llama: Llama | null = null;
    try {
      llama = await lib.getLlama({ gpu: false, build: 'never', logLevel: lib.LlamaLogLevel.error });
      const model = await llama.loadModel({ modelPath: file });
      const context = await model.createContext({
        contextSize: options.contextSize ?? { max: 8192 },
        ...(options.threads ? { threads: options.threads } : {}),
      });
      return new LlamaCppModel(file, options, lib, llama, model, context, context.getSequence());
    } catch (error) {
      await llama?.dispose().catch(() => undefined);
      throw new ModelBackendError(
        `llama:${file}: cannot load the model (${(error as Error).message}). ` +
          'Check that the file is a complete GGUF model that llama.cpp supports.',
      );
    }
  }

  predict(request: PredictRequest): Promise<ModelReply> {
    const run = this.queue.then(() => this.predictNow(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async predictNow(request: PredictRequest): Promise<ModelReply> {
    const [system, ...rest] = buildPrompt(request);
    const restrict = this.options.restrictNames ?? true;
    const schema = answerJsonSchema({
      union: 'oneOf',
      clickNames: restrict ? clickableNames(request.observation) : undefined,
      typeNames: restrict ? typeableNames(request.observation) : undefined,
      maxRationaleLength: this.options.maxRationaleLength ?? 300,
      maxTextLength: this.options.maxTextLength ?? 80,
    });
    const meter = this.sequence.tokenMeter;
    const inputBefore = meter.usedInputTokens;
    const outputBefore = meter.usedOutputTokens;
    const session = new this.lib.LlamaChatSession({
      contextSequence: this.sequence,
      systemPrompt: system!.content,
      autoDisposeSequence: false,
    });
    try {
      // The schema is built at run time, so its TypeScript type cannot be inferred.
      const grammar = await this.llama.createGrammarForJsonSchema(schema as never);
      const text = await session.prompt(rest.map((m) => m.content).join('\n\n'), {
        grammar,
        maxTokens: this.options.maxTokens ?? 512,
        temperature: this.options.temperature ?? 0.7,
        ...(this.options.seed !== undefined ? { seed: this.options.seed } : {}),
        ...(this.tokenBias ? { tokenBias: this.tokenBias } : {}),
      });
      return {
        text,
        promptTokens: meter.usedInputTokens - inputBefore,
        completionTokens: meter.usedOutputTokens - outputBefore,
      };
    } catch (error) {
      throw new ModelBackendError(
        `${this.id}: generation failed (${(error as Error).message}). If the prompt is too ` +
          'long, lower historyPages or raise the context size.',
      );
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }

  /** A bias that never samples the lone high byte tokens of byte-fallback vocabularies. */
  private highByteBias(): TokenBias {
    const bias = new this.lib.TokenBias(this.model.tokenizer);
    const tokens = this.model.fileInfo.metadata.tokenizer?.ggml?.tokens ?? [];
    for (let id = 0; id < tokens.length; id++) {
      const token = id as Parameters<LlamaModel['getTokenAttributes']>[0];
      if (!this.model.getTokenAttributes(token).byte) continue;
      const text = this.model.detokenize([token]);
      if (text === '\uFFFD' || text.charCodeAt(0) >= 0x80) bias.set(token, 'never');
    }
    return bias;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }
}
