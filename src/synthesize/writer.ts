import { UsageError } from '../errors.js';
import {
  backendOf,
  MODEL_BACKENDS,
  readModelSpec,
  specForms,
  type ModelBackend,
} from '../models/registry.js';
import { ChatRationaleWriter } from './chat-writer.js';
import type { ThinkAloudExample } from './examples.js';
import type { RationaleRequest } from './prompt.js';
import { TemplateRationaleWriter } from './template.js';

/**
 * Writes the rationale for one human step. Not the next-action interface: the writer is told the
 * action and only explains it. Returns the raw text; cleaning to one sentence is shared
 * (cleanRationale), so every backend gets the same treatment.
 */
export interface RationaleWriter {
  /** The spec the writer was made from, e.g. "openai:gpt-4.1-mini". */
  readonly id: string;
  explain(request: RationaleRequest): Promise<string>;
  close(): Promise<void>;
}

export interface RationaleWriterOptions {
  examples: ThinkAloudExample[];
  /** Characters of simplified HTML the model sees per step. */
  htmlBudget: number;
  baseUrl?: string | null;
  apiKey?: string | null;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** llama backend tuning (tests use a tiny model with one thread and short answers). */
  llama?: LlamaWriterOptions;
}

export interface LlamaWriterOptions {
  threads?: number;
  contextSize?: number;
  /** Cap on generated tokens. Default 160. */
  maxTokens?: number;
  /** Cap on the rationale's characters, enforced by the grammar. Default 300. */
  maxRationaleLength?: number;
}

/** The backends that can explain an action: language models, and template sentences. */
export const RATIONALE_BACKENDS = MODEL_BACKENDS.filter(
  (backend) => !!backend.createChat || !!backend.templateRationales,
);

/**
 * Makes a rationale writer from a model spec, through the model registry: language-model
 * backends write through their chat call; the heuristic writes template sentences.
 */
export async function createRationaleWriter(
  spec: string,
  options: RationaleWriterOptions,
): Promise<RationaleWriter> {
  const help = (b: ModelBackend): string => b.templateRationales ?? b.help;
  const parsed = readModelSpec(spec, { listed: RATIONALE_BACKENDS, help, command: 'synthesize' });
  const backend = backendOf(parsed);
  if (backend.templateRationales) {
    return new TemplateRationaleWriter(spec.trim());
  }
  if (!backend.createChat) {
    throw new UsageError(
      `model "${spec}" chooses actions but cannot explain one; synthesize takes:\n  ` +
        specForms(RATIONALE_BACKENDS, help).join('\n  '),
    );
  }
  const chat = await backend.createChat(parsed, {
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs,
    env: options.env,
    llama: { threads: options.llama?.threads, contextSize: options.llama?.contextSize },
  });
  return new ChatRationaleWriter(chat, options);
}
