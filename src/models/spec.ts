import { UsageError } from '../errors.js';
import type { LlamaModelOptions } from './llama.js';
import type { SimulatorModel } from './model.js';
import type { OpenAIModelOptions } from './openai.js';

/** A model spec string, read. */
export type ModelSpec =
  | { kind: 'openai'; model: string }
  | { kind: 'llama'; file: string }
  | { kind: 'heuristic' }
  | { kind: 'random'; seed: number | null }
  | { kind: 'scripted'; file: string };

const MODEL_SPEC_FORMS = [
  'openai:<model>        any OpenAI-compatible chat endpoint (--base-url / OPENAI_BASE_URL)',
  'llama:<path.gguf>     a local GGUF model run in-process by node-llama-cpp',
  'heuristic             the rule-based shopper (no model needed)',
  'random[:<seed>]       uniform choice among valid actions (chance level)',
  'scripted:<file.json>  replays canned answers from a JSON array',
];

export interface CreateModelOptions {
  baseUrl?: string | null;
  apiKey?: string | null;
  seed?: number | null;
  timeoutMs?: number | null;
  /** Passed to the openai backend (retries, temperature, structured output mode, ...). */
  openai?: OpenAIModelOptions;
  /** Passed to the llama backend (context size, threads, maxTokens, ...). */
  llama?: LlamaModelOptions;
}

/** Reads a spec string; UsageError listing the valid forms when it is none of them. */
export function parseModelSpec(spec: string): ModelSpec {
  const s = spec.trim();
  const colon = s.indexOf(':');
  const kind = colon < 0 ? s : s.slice(0, colon);
  const arg = colon < 0 ? null : s.slice(colon + 1).trim();
  if (kind === 'openai' && arg) return { kind, model: arg };
  if (kind === 'llama' && arg) return { kind, file: arg };
  if (kind === 'scripted' && arg) return { kind, file: arg };
  if (kind === 'heuristic' && arg === null) return { kind };
  if (kind === 'random') {
    if (arg === null) return { kind, seed: null };
    if (/^\d+$/.test(arg)) return { kind, seed: Number(arg) };
    throw new UsageError(`model "${spec}": the random seed must be a whole number, e.g. random:7.`);
  }
  throw new UsageError(`unknown model "${spec}". Valid forms:\n  ${MODEL_SPEC_FORMS.join('\n  ')}`);
}

/** Creates the backend a spec names. Each backend's SDK is loaded only when chosen. */
export async function createModel(
  spec: string,
  options: CreateModelOptions = {},
): Promise<SimulatorModel> {
  const parsed = parseModelSpec(spec);
  const seed = options.seed ?? undefined;
  switch (parsed.kind) {
    case 'openai': {
      const { OpenAIChatModel } = await import('./openai.js');
      return new OpenAIChatModel(parsed.model, {
        baseUrl: options.baseUrl,
        apiKey: options.apiKey,
        seed,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        ...options.openai,
      });
    }
    case 'llama': {
      const { LlamaCppModel } = await import('./llama.js');
      return LlamaCppModel.load(parsed.file, { seed, ...options.llama });
    }
    case 'heuristic': {
      const { createHeuristicModel } = await import('./heuristic.js');
      return createHeuristicModel({ seed: seed ?? 1 });
    }
    case 'random': {
      const { RandomModel } = await import('./random.js');
      return new RandomModel(parsed.seed ?? seed ?? 1);
    }
    case 'scripted': {
      const { ScriptedModel } = await import('./scripted.js');
      return ScriptedModel.fromFile(parsed.file);
    }
  }
}
