import type { LlamaModel, TokenBias } from 'node-llama-cpp';
import { ModelBackendError } from '../errors.js';
import { answerJsonSchema } from './answer-schema.js';
import { clickableNames, typeableNames } from './check-action.js';
import type { ModelReply, PredictRequest, SimulatorModel } from './model.js';
import { LlamaRuntime, type LlamaRuntimeOptions } from './llama-runtime.js';
import { buildPrompt } from './prompt.js';

export interface LlamaModelOptions extends LlamaRuntimeOptions {
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
  private readonly tokenBias: TokenBias | undefined;

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
      `llama:${file}: no model file there. Download a GGUF chat model (for example a small ` +
        'Qwen2.5-Instruct GGUF) and pass its path as llama:/path/to/model.gguf.',
    );
    return new LlamaCppModel(file, options, runtime);
  }

  predict(request: PredictRequest): Promise<ModelReply> {
    return this.runtime.run(() => this.predictNow(request));
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
    const { lib, llama, sequence } = this.runtime;
    const meter = sequence.tokenMeter;
    const inputBefore = meter.usedInputTokens;
    const outputBefore = meter.usedOutputTokens;
    const session = new lib.LlamaChatSession({
      contextSequence: sequence,
      systemPrompt: system!.content,
      autoDisposeSequence: false,
    });
    try {
      // The schema is built at run time, so its TypeScript type cannot be inferred.
      const grammar = await llama.createGrammarForJsonSchema(schema as never);
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
