import { UsageError } from '../errors.js';
import type { ChatModel } from './chat.js';
import type { LlamaModelOptions } from './llama-options.js';
import type { SimulatorModel } from './model.js';
import type { ExchangeObserver } from './observed-chat.js';
import type { OpenAIModelOptions } from './openai.js';

/** What each kind of spec carries after its "kind:" prefix. */
export interface SpecFields {
  openai: { model: string };
  llama: { file: string };
  heuristic: Record<never, never>;
  random: { seed: number | null };
  scripted: { file: string };
}
export type ModelKind = keyof SpecFields;

/** A model spec string, read. */
export type ModelSpec = { [K in ModelKind]: { kind: K } & SpecFields[K] }[ModelKind];
type SpecOf<K extends ModelKind> = Extract<ModelSpec, { kind: K }>;

export interface CreateModelOptions {
  baseUrl?: string | null;
  apiKey?: string | null;
  seed?: number | null;
  timeoutMs?: number | null;
  /** Where OPENAI_BASE_URL / OPENAI_API_KEY are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Passed to the openai backend (retries, temperature, structured output mode, ...). */
  openai?: OpenAIModelOptions;
  /** Passed to the llama backend (context size, threads, maxTokens, ...). */
  llama?: LlamaModelOptions;
  /** Told each prompt a language model (openai, llama) is sent and its raw answer. */
  onExchange?: ExchangeObserver | null;
}

/**
 * One backend: its spec syntax, how it is made, and what it can do. Each backend's file is
 * imported only when a spec chooses it, so its SDK loads only then.
 */
export interface ModelBackend<K extends ModelKind = ModelKind> {
  /** The spec's prefix: "openai" in openai:<model>. */
  readonly kind: K;
  /** What follows "kind:", as the usage text shows it; null when nothing may follow. */
  readonly argument: string | null;
  /** Whether the argument may be left out (random[:<seed>]). */
  readonly optionalArgument?: boolean;
  /** One line for the list of valid forms. */
  readonly help: string;
  /** Stateless and cheap: one instance per session, seeded per session. Heavy ones are shared. */
  readonly perSession: boolean;
  /** When synthesize explains actions with template sentences instead of a model: its help line. */
  readonly templateRationales?: string;
  /**
   * The spec's fields from the text after the colon (null: there was no colon), or null when
   * that is no valid argument. May throw a UsageError saying exactly what is wrong.
   */
  read(argument: string | null, spec: string): SpecFields[K] | null;
  /** The simulator (next action for a page). */
  createSimulator(spec: SpecOf<K>, options: CreateModelOptions): Promise<SimulatorModel>;
  /** The chat call, for backends that are language models (or stand in for one). */
  createChat?(spec: SpecOf<K>, options: CreateModelOptions): Promise<ChatModel>;
}

async function openai(spec: SpecOf<'openai'>, options: CreateModelOptions) {
  const { OpenAIChatModel } = await import('./openai.js');
  const model = new OpenAIChatModel(spec.model, {
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    seed: options.seed ?? undefined,
    ...(options.env ? { env: options.env } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...options.openai,
  });
  return observed(model, options);
}

async function llama(spec: SpecOf<'llama'>, options: CreateModelOptions) {
  const { LlamaCppModel } = await import('./llama.js');
  const model = await LlamaCppModel.load(spec.file, {
    seed: options.seed ?? undefined,
    ...options.llama,
  });
  return observed(model, options);
}

async function observed<M extends ChatModel>(model: M, options: CreateModelOptions): Promise<M> {
  if (!options.onExchange) return model;
  const { observeExchanges } = await import('./observed-chat.js');
  return observeExchanges(model, options.onExchange);
}

const BACKENDS: { [K in ModelKind]: ModelBackend<K> } = {
  openai: {
    kind: 'openai',
    argument: '<model>',
    help: 'any OpenAI-compatible chat endpoint (--base-url / OPENAI_BASE_URL)',
    perSession: false,
    read: (model) => (model ? { model } : null),
    createSimulator: openai,
    createChat: openai,
  },
  llama: {
    kind: 'llama',
    argument: '<path.gguf>',
    help: 'a local GGUF model run in-process by node-llama-cpp',
    perSession: false,
    read: (file) => (file ? { file } : null),
    createSimulator: llama,
    createChat: llama,
  },
  heuristic: {
    kind: 'heuristic',
    argument: null,
    help: 'the rule-based shopper (no model needed)',
    perSession: true,
    templateRationales: 'template sentences from the action (no model needed)',
    read: (argument) => (argument === null ? {} : null),
    async createSimulator(_spec, options) {
      const { createHeuristicModel } = await import('./heuristic.js');
      return createHeuristicModel({ seed: options.seed ?? 1 });
    },
  },
  random: {
    kind: 'random',
    argument: '<seed>',
    optionalArgument: true,
    help: 'uniform choice among valid actions (chance level)',
    perSession: true,
    read(seed, spec) {
      if (seed === null) return { seed: null };
      if (/^\d+$/.test(seed)) return { seed: Number(seed) };
      throw new UsageError(
        `model "${spec}": the random seed must be a whole number, e.g. random:7.`,
      );
    },
    async createSimulator(spec, options) {
      const { RandomModel } = await import('./random.js');
      return new RandomModel(spec.seed ?? options.seed ?? 1);
    },
  },
  scripted: {
    kind: 'scripted',
    argument: '<file.json>',
    help: 'replays canned answers from a JSON array',
    perSession: true,
    read: (file) => (file ? { file } : null),
    async createSimulator(spec) {
      const { ScriptedModel } = await import('./scripted.js');
      return ScriptedModel.fromFile(spec.file);
    },
    async createChat(spec) {
      const { ScriptedChat } = await import('./scripted-chat.js');
      return ScriptedChat.fromFile(spec.file);
    },
  },
};

/** Every backend, in the order the usage text lists them. */
export const MODEL_BACKENDS = Object.values(BACKENDS) as readonly ModelBackend[];

/** The backend a read spec names. */
export function backendOf(spec: ModelSpec): ModelBackend {
  return BACKENDS[spec.kind] as ModelBackend;
}

/** How a backend's spec is written: openai:<model>, heuristic, random[:<seed>]. */
export function specUsage(backend: ModelBackend): string {
  if (backend.argument === null) return backend.kind;
  return backend.optionalArgument
    ? `${backend.kind}[:${backend.argument}]`
    : `${backend.kind}:${backend.argument}`;
}

/** One line per backend: its usage and its help (or another help, e.g. for synthesize). */
export function specForms(
  backends: readonly ModelBackend[] = MODEL_BACKENDS,
  help: (backend: ModelBackend) => string = (b) => b.help,
): string[] {
  return backends.map((b) => `${specUsage(b).padEnd(21)} ${help(b)}`);
}

export interface ReadSpecOptions {
  /** The forms the usage error lists (default: every backend). */
  listed?: readonly ModelBackend[];
  /** Help lines for that list. */
  help?: (backend: ModelBackend) => string;
  /** The command the spec is for, when it takes only some forms ("synthesize"). */
  command?: string;
}

/** Reads a spec string; a UsageError listing the valid forms when it is none of them. */
export function readModelSpec(spec: string, options: ReadSpecOptions = {}): ModelSpec {
  const text = spec.trim();
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  const argument = colon < 0 ? null : text.slice(colon + 1).trim();
  const backend = MODEL_BACKENDS.find((b) => b.kind === kind);
  const fields = backend?.read(argument, spec);
  if (!backend || !fields) {
    const what = options.command
      ? `unknown model spec "${spec}" for ${options.command}`
      : `unknown model "${spec}"`;
    const forms = specForms(options.listed, options.help);
    throw new UsageError(`${what}. Valid forms:\n  ${forms.join('\n  ')}`);
  }
  return { kind: backend.kind, ...fields } as ModelSpec;
}
