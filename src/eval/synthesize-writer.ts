import { UsageError } from '../errors.js';
import type { ThinkAloudExample } from './synthesize-examples.js';
import type { RationaleRequest } from './synthesize-prompt.js';

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

const SUPPORTED =
  'openai:<model> (also any OpenAI-compatible server with --base-url), llama:<file.gguf>, ' +
  'scripted:<file.json> (canned rationales) or heuristic (a template sentence from the action)';

/** Makes a rationale writer from a model spec. Backends are imported lazily. */
export async function createRationaleWriter(
  spec: string,
  options: RationaleWriterOptions,
): Promise<RationaleWriter> {
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const arg = colon < 0 ? '' : spec.slice(colon + 1);
  const needArg = (what: string): string => {
    if (!arg) throw new UsageError(`model spec "${spec}" lacks ${what}; write ${kind}:${what}.`);
    return arg;
  };
  switch (kind) {
    case 'openai': {
      const { OpenAiRationaleWriter } = await import('./synthesize-openai.js');
      return OpenAiRationaleWriter.create(spec, needArg('<model>'), options);
    }
    case 'llama': {
      const { LlamaRationaleWriter } = await import('./synthesize-llama.js');
      return LlamaRationaleWriter.create(spec, needArg('<file.gguf>'), options);
    }
    case 'scripted': {
      const { ScriptedRationaleWriter } = await import('./synthesize-scripted.js');
      return ScriptedRationaleWriter.load(spec, needArg('<file.json>'));
    }
    case 'heuristic': {
      const { TemplateRationaleWriter } = await import('./synthesize-template.js');
      return new TemplateRationaleWriter(spec);
    }
    case 'random':
      throw new UsageError(
        `"${spec}" picks actions at random and cannot explain one; use ${SUPPORTED}.`,
      );
    default:
      throw new UsageError(`unknown model spec "${spec}" for synthesize; use ${SUPPORTED}.`);
  }
}
