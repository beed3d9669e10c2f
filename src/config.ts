import { VARIANTS } from '../sites/shop/state/variant.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { checkRemoteBrowser } from './browser/remote-browser.js';
import { DEFAULT_PRICES, PriceTable } from './cost/prices.js';
import { InputFileError, UsageError } from './errors.js';
import { parseOriginPattern } from './guard/origins.js';
import { parseOrderHost } from './guard/orders.js';
import { readJsonFile } from './json-file.js';
import type { CreateModelOptions } from './models/spec.js';
import { PwTraceMode } from './session/pw-trace.js';

/**
 * Settings shared by the commands. Precedence, lowest first:
 * defaults, then the config file (`--config`, SHOPSIM_CONFIG, or ./shopsim.config.json),
 * then SHOPSIM_* environment variables, then command-line flags.
 */
export const Config = z.object({
  model: z.string().min(1),
  baseUrl: z.string().nullable(),
  browserPath: z.string().nullable(),
  /** A Playwright browser server to connect to instead of launching (`--browser-endpoint ws://…`). */
  browserEndpoint: z.string().nullable(),
  /** A Chromium to connect to over CDP instead of launching (`--cdp http://host:port`). */
  cdpUrl: z.string().nullable(),
  /** Folder of cached model answers (`simulate --cache`): a re-run answers seen prompts from it. */
  cache: z.string().nullable(),
  /** Folder of edited prompt templates (`--prompts`); files it lacks come from the bundled ones. */
  prompts: z.string().nullable(),
  headless: z.boolean(),
  maxSteps: z.number().int().positive().max(1000),
  concurrency: z.number().int().positive().max(64),
  seed: z.number().int().min(0),
  historyPages: z.number().int().min(0),
  maxAttempts: z.number().int().positive().max(20),
  timeoutMs: z.number().int().positive().max(600_000),
  /** CPU threads for in-process llama models (null: llama.cpp decides; 1 suits tiny models). */
  threads: z.number().int().positive().nullable(),
  /** Tokens of context for in-process llama models, prompt and answer (null: up to 8192). */
  contextSize: z.number().int().min(256).max(1_048_576).nullable(),
  variant: z.enum(VARIANTS).nullable(),
  out: z.string().nullable(),
  /** A Playwright trace.zip per session: on, retain-on-failure (failed sessions only) or off. */
  pwTrace: PwTraceMode,
  /** USD per million input/output tokens by model; the config file's entries extend the defaults. */
  prices: PriceTable,
  /** Live-site guard: origins a session may visit besides its start origin (`--allow-origin`). */
  allowOrigins: z.array(z.string()),
  /** Live-site guard: hosts besides loopback where orders are placed (`--allow-orders-on`). */
  allowOrdersOn: z.array(z.string()),
  /** Least time between two consecutive actions of one session, in milliseconds. */
  minStepIntervalMs: z.number().int().min(0).max(600_000),
});
export type Config = z.infer<typeof Config>;

export const DEFAULT_CONFIG: Config = {
  model: 'heuristic',
  baseUrl: null,
  browserPath: null,
  browserEndpoint: null,
  cdpUrl: null,
  cache: null,
  prompts: null,
  headless: true,
  maxSteps: 30,
  concurrency: 2,
  seed: 1,
  historyPages: 1,
  maxAttempts: 3,
  timeoutMs: 15_000,
  threads: null,
  contextSize: null,
  variant: null,
  out: null,
  pwTrace: 'off',
  prices: DEFAULT_PRICES,
  allowOrigins: [],
  allowOrdersOn: [],
  minStepIntervalMs: 0,
};

/** Environment variable for each key, e.g. maxSteps -> SHOPSIM_MAX_STEPS. */
export function envName(key: keyof Config): string {
  return 'SHOPSIM_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

const NUMBER_KEYS = new Set<keyof Config>([
  'maxSteps',
  'concurrency',
  'seed',
  'historyPages',
  'maxAttempts',
  'timeoutMs',
  'threads',
  'contextSize',
  'minStepIntervalMs',
]);

/** Settings holding a list; in SHOPSIM_* variables the items are separated by commas. */
const LIST_KEYS = new Set<keyof Config>(['allowOrigins', 'allowOrdersOn']);

/** Where a setting's value came from. */
export const ConfigSource = z.enum(['default', 'file', 'env', 'flag']);
export type ConfigSource = z.infer<typeof ConfigSource>;

/** The settings of one command run, resolved once, with the source of every value. */
export interface ResolvedConfig {
  values: Config;
  sources: Record<keyof Config, ConfigSource>;
  /** The config file read, or null when there was none. */
  file: string | null;
}

function coerce(key: keyof Config, raw: unknown, source: string): unknown {
  if (raw === undefined) return undefined;
  if (LIST_KEYS.has(key) && typeof raw === 'string') {
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
  if (NUMBER_KEYS.has(key) && typeof raw === 'string') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) {
      throw new UsageError(`${source}: "${raw}" is not a number for ${key}.`);
    }
    return n;
  }
  if (key === 'headless' && typeof raw === 'string') {
    if (!['true', 'false', '1', '0'].includes(raw)) {
      throw new UsageError(`${source}: "${raw}" is not true/false for headless.`);
    }
    return raw === 'true' || raw === '1';
  }
  if (key === 'prices' && typeof raw === 'string') {
    try {
      return { ...DEFAULT_PRICES, ...(JSON.parse(raw) as object) };
    } catch {
      throw new UsageError(
        `${source}: give prices as JSON, e.g. {"openai:my-model":{"input":1,"output":2}}.`,
      );
    }
  }
  return raw;
}

export interface ResolveConfigOptions {
  /** Explicit config file path (--config). */
  file?: string | null;
  /** Flags given on the command line; undefined entries are ignored. */
  flags?: Partial<Record<keyof Config, unknown>>;
  /** How each flag was spelled on the command line, for messages (default --<key>). */
  flagNames?: Partial<Record<keyof Config, string>>;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Resolves the settings once: defaults, then the config file (`--config`, SHOPSIM_CONFIG, or
 * ./shopsim.config.json), then SHOPSIM_* environment variables, then command-line flags.
 */
export function resolveConfig(options: ResolveConfigOptions = {}): ResolvedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const merged: Record<string, unknown> = { ...DEFAULT_CONFIG };
  const sources = Object.fromEntries(
    Object.keys(DEFAULT_CONFIG).map((k) => [k, 'default']),
  ) as Record<keyof Config, ConfigSource>;
  const set = (key: keyof Config, value: unknown, source: ConfigSource) => {
    merged[key] = value;
    sources[key] = source;
  };

  const explicit = options.file ?? env.SHOPSIM_CONFIG ?? null;
  const candidate = explicit ? path.resolve(cwd, explicit) : path.join(cwd, 'shopsim.config.json');
  const file = explicit || existsSync(candidate) ? candidate : null;
  if (file) {
    const parsed = readJsonFile(file, 'the config file', '.', 'config');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new InputFileError(file, null, 'the config file must hold one JSON object.');
    }
    for (const [key, value] of Object.entries(parsed)) {
      if (!(key in DEFAULT_CONFIG)) {
        throw new InputFileError(
          file,
          key,
          `unknown setting; known: ${Object.keys(DEFAULT_CONFIG).join(', ')}.`,
        );
      }
      // the file's prices add to the default table instead of replacing it
      const merged =
        key === 'prices' && typeof value === 'object' && value !== null
          ? { ...DEFAULT_PRICES, ...value }
          : value;
      set(key as keyof Config, merged, 'file');
    }
    const check = Config.safeParse(merged);
    if (!check.success) {
      const issue = check.error.issues[0]!;
      throw new InputFileError(file, issue.path.join('.'), issue.message);
    }
  }

  for (const key of Object.keys(DEFAULT_CONFIG) as (keyof Config)[]) {
    const value = coerce(key, env[envName(key)], envName(key));
    if (value !== undefined) set(key, value, 'env');
  }
  for (const [key, raw] of Object.entries(options.flags ?? {})) {
    const name = options.flagNames?.[key as keyof Config] ?? `--${key}`;
    const value = coerce(key as keyof Config, raw, name);
    if (value !== undefined) set(key as keyof Config, value, 'flag');
  }

  const whereOf = (key: keyof Config | undefined, path: string) =>
    key && sources[key] === 'flag'
      ? (options.flagNames?.[key] ?? `--${key}`)
      : key && sources[key] === 'env'
        ? envName(key)
        : key && sources[key] === 'file'
          ? `${file}: setting ${path}`
          : `setting ${path}`;
  const result = Config.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path[0] as keyof Config | undefined;
    throw new UsageError(`${whereOf(key, issue.path.join('.'))}: ${issue.message}.`);
  }
  for (const pattern of result.data.allowOrigins) {
    parseOriginPattern(pattern, whereOf('allowOrigins', 'allowOrigins'));
  }
  checkRemoteBrowser(result.data, (key) => whereOf(key as keyof Config, key));
  for (const host of result.data.allowOrdersOn) {
    parseOrderHost(host, whereOf('allowOrdersOn', 'allowOrdersOn'));
  }
  return { values: result.data, sources, file };
}

/** The config as written into run.json: nothing secret is ever part of Config. */
export function publicConfig(config: Config): Record<string, unknown> {
  return { ...config };
}

/** A model call may take longer than a page load: it gets four times the `timeoutMs` bound. */
export function modelTimeoutMs(config: Config): number {
  return config.timeoutMs * 4;
}

/** The in-process llama settings that are set, or undefined when none is. */
function llamaOptionsOf({ threads, contextSize }: Config): CreateModelOptions['llama'] {
  if (!threads && !contextSize) return undefined;
  return { ...(threads && { threads }), ...(contextSize && { contextSize }) };
}

/** The model settings of a config, as every command creates its model with them. */
export function modelOptionsOf(config: Config): CreateModelOptions {
  return {
    baseUrl: config.baseUrl,
    seed: config.seed,
    timeoutMs: modelTimeoutMs(config),
    llama: llamaOptionsOf(config),
  };
}
