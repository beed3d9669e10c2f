import type { LlamaGrammar } from 'node-llama-cpp';
import { ModelBackendError } from '../errors.js';
import { LlamaRuntime } from '../models/llama-runtime.js';
import { buildRationaleMessages, type RationaleRequest } from './synthesize-prompt.js';
import type { RationaleWriter, RationaleWriterOptions } from './synthesize-writer.js';

/** The answer shape the grammar enforces; cleanRationale unwraps it. */
function rationaleSchema(maxLength: number) {
  return {
    type: 'object',
    properties: { rationale: { type: 'string', maxLength } },
    required: ['rationale'],
    additionalProperties: false,
  } as const;
}

const JSON_HINT = '\n\nAnswer with JSON only: {"rationale": "<the sentence>"}';

/**
 * `llama:<file.gguf>`: rationales from a local GGUF chat model run in-process on the CPU
 * (node-llama-cpp). The answer is constrained to {"rationale": "..."} by a grammar; calls are
 * serialized on one context sequence, like the llama simulator backend.
 */
export class LlamaRationaleWriter implements RationaleWriter {
  private constructor(
    readonly id: string,
    private readonly options: RationaleWriterOptions,
    private readonly runtime: LlamaRuntime,
    private readonly grammar: LlamaGrammar,
  ) {}

  static async create(
    id: string,
    file: string,
    options: RationaleWriterOptions,
  ): Promise<LlamaRationaleWriter> {
    const tuning = options.llama ?? {};
    const runtime = await LlamaRuntime.load(
      id,
      file,
      tuning,
      `${id}: no model file at ${file}. Pass the path of a GGUF chat model as llama:/path/model.gguf.`,
    );
    try {
      const grammar = await runtime.llama.createGrammarForJsonSchema(
        rationaleSchema(tuning.maxRationaleLength ?? 300),
      );
      return new LlamaRationaleWriter(id, options, runtime, grammar);
    } catch (error) {
      await runtime.close().catch(() => undefined);
      throw new ModelBackendError(
        `${id}: cannot build the answer grammar (${(error as Error).message}). Check that the ` +
          'file is a complete GGUF chat model that llama.cpp supports.',
      );
    }
  }

  explain(request: RationaleRequest): Promise<string> {
    return this.runtime.run(() => this.explainNow(request));
  }

  private async explainNow(request: RationaleRequest): Promise<string> {
    const messages = await buildRationaleMessages(request, this.options);
    const session = new this.runtime.lib.LlamaChatSession({
      contextSequence: this.runtime.sequence,
      systemPrompt: messages.system,
      autoDisposeSequence: false,
    });
    try {
      return await session.prompt(messages.user + JSON_HINT, {
        grammar: this.grammar,
        maxTokens: this.options.llama?.maxTokens ?? 160,
        temperature: 0.3,
      });
    } catch (error) {
      throw new ModelBackendError(
        `${this.id}: generation failed (${(error as Error).message}). If the prompt is too long, ` +
          'lower --html-budget.',
      );
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }

  close(): Promise<void> {
    return this.runtime.close();
  }
}
