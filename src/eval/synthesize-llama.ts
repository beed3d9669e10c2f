import { stat } from 'node:fs/promises';
import type {
  Llama,
  LlamaContext,
  LlamaContextSequence,
  LlamaGrammar,
  LlamaModel,
} from 'node-llama-cpp';
import { ModelBackendError } from '../errors.js';
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
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly id: string,
    private readonly options: RationaleWriterOptions,
    private readonly lib: typeof import('node-llama-cpp'),
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly sequence: LlamaContextSequence,
    private readonly grammar: LlamaGrammar,
  ) {}

  static async create(
    id: string,
    file: string,
    options: RationaleWriterOptions,
  ): Promise<LlamaRationaleWriter> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      throw new ModelBackendError(
        `${id}: no model file at ${file}. Pass the path of a GGUF chat model as llama:/path/model.gguf.`,
      );
    }
    const lib = await import('node-llama-cpp');
    let llama: Llama | null = null;
    try {
      llama = await lib.getLlama({ gpu: false, build: 'never', logLevel: lib.LlamaLogLevel.error });
      const model = await llama.loadModel({ modelPath: file });
      const tuning = options.llama ?? {};
      const context = await model.createContext({
        contextSize: tuning.contextSize ?? { max: 8192 },
        ...(tuning.threads ? { threads: tuning.threads } : {}),
      });
      const grammar = await llama.createGrammarForJsonSchema(
        rationaleSchema(tuning.maxRationaleLength ?? 300),
      );
      return new LlamaRationaleWriter(
        id,
        options,
        lib,
        llama,
        model,
        context,
        context.getSequence(),
        grammar,
      );
    } catch (error) {
      await llama?.dispose().catch(() => undefined);
      throw new ModelBackendError(
        `${id}: cannot load the model (${(error as Error).message}). Check that the file is a ` +
          'complete GGUF model that llama.cpp supports.',
      );
    }
  }

  explain(request: RationaleRequest): Promise<string> {
    const run = this.queue.then(() => this.explainNow(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async explainNow(request: RationaleRequest): Promise<string> {
    const messages = await buildRationaleMessages(request, this.options);
    const session = new this.lib.LlamaChatSession({
      contextSequence: this.sequence,
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

  async close(): Promise<void> {
    await this.queue;
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }
}
