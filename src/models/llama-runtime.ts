import { stat } from 'node:fs/promises';
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel } from 'node-llama-cpp';
import { ModelBackendError, UsageError } from '../errors.js';
import type { LlamaRuntimeOptions } from './llama-options.js';

export type { LlamaRuntimeOptions } from './llama-options.js';

/** node-llama-cpp is an optional dependency: a clear message when it is not installed. */
async function importLlama(id: string): Promise<typeof import('node-llama-cpp')> {
  try {
    return await import('node-llama-cpp');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new UsageError(
      `${id}: llama: models need the optional package node-llama-cpp, which is not installed. ` +
        'Run `npm install node-llama-cpp` where shopsim is installed, or use another --model.',
    );
  }
}

/**
 * One GGUF model loaded in-process by node-llama-cpp on the CPU (the SDK is imported lazily),
 * with one context sequence that `run` hands to one call at a time, for the llama
 * backend (`llama:` models).
 */
export class LlamaRuntime {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly lib: typeof import('node-llama-cpp'),
    readonly llama: Llama,
    readonly model: LlamaModel,
    private readonly context: LlamaContext,
    readonly sequence: LlamaContextSequence,
  ) {}

  /**
   * Loads `file`. `id` starts the load error's message; `missing` is the message when there is
   * no file at that path (each caller says what to pass instead).
   */
  static async load(
    id: string,
    file: string,
    options: LlamaRuntimeOptions,
    missing: string,
  ): Promise<LlamaRuntime> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new ModelBackendError(missing);
    const lib = await importLlama(id);
    let llama: Llama | null = null;
    try {
      llama = await lib.getLlama({ gpu: false, build: 'never', logLevel: lib.LlamaLogLevel.error });
      const model = await llama.loadModel({ modelPath: file });
      const context = await model.createContext({
        contextSize: options.contextSize ?? { max: 8192 },
        ...(options.threads ? { threads: options.threads } : {}),
      });
      return new LlamaRuntime(lib, llama, model, context, context.getSequence());
    } catch (error) {
      await llama?.dispose().catch(() => undefined);
      throw new ModelBackendError(
        `${id}: cannot load the model (${(error as Error).message}). ` +
          'Check that the file is a complete GGUF model that llama.cpp supports.',
      );
    }
  }

  /** Tokens the context holds: prompt and answer together. */
  get contextSize(): number {
    return this.context.contextSize;
  }

  /** Runs `call` after every earlier call has finished (one sequence serves one call at a time). */
  run<T>(call: () => Promise<T>): Promise<T> {
    const next = this.queue.then(call);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }
}
