/**
 * Options of the llama backend, apart from its node-llama-cpp code so that the package's types
 * (config, model specs) do not need the optional node-llama-cpp installed.
 */
export interface LlamaRuntimeOptions {
  /** Context window in tokens; default: up to 8192 (less if memory or the model demand it). */
  contextSize?: number;
  /** CPU threads for evaluation; 1 suits tiny models, default lets llama.cpp choose. */
  threads?: number;
}

export interface LlamaModelOptions extends LlamaRuntimeOptions {
  /** Cap on generated tokens for requests that set none. Default 512. */
  maxTokens?: number;
  /** Sampling temperature for requests that set none, default 0.7 (seeded answers repeat). */
  temperature?: number;
  /** Sampling seed, reset for every answer: the same request and seed give the same answer. */
  seed?: number;
  /**
   * Simulator steps: build the grammar per page with `name` limited to the page's clickable /
   * typeable names (default true), so every answer is a valid action for this page.
   */
  restrictNames?: boolean;
  /** Simulator steps: caps on the rationale (default 300) and typed text (default 80). */
  maxRationaleLength?: number;
  maxTextLength?: number;
  /** Forbid the lone byte tokens <0x80>..<0xFF> (keeps noise output valid UTF-8). */
  banHighByteTokens?: boolean;
}
