import type { Command } from 'commander';
import type { Config } from '../config.js';

/** A config setting a command accepts as a flag. */
export type ConfigFlag =
  | 'model'
  | 'baseUrl'
  | 'concurrency'
  | 'maxSteps'
  | 'maxAttempts'
  | 'historyPages'
  | 'seed'
  | 'out'
  | 'variant'
  | 'browserPath'
  | 'browserEndpoint'
  | 'cdp'
  | 'cache'
  | 'prompts'
  | 'threads'
  | 'contextSize'
  | 'timeoutMs'
  | 'headed'
  | 'headless'
  | 'pwTrace'
  | 'allowOrigin'
  | 'allowOrdersOn'
  | 'minStepInterval';

/** The live-site guard's settings, for every command that opens a site. */
export const GUARD_FLAGS = [
  'allowOrigin',
  'allowOrdersOn',
  'minStepInterval',
] as const satisfies readonly ConfigFlag[];

/** The settings every command that runs shopper sessions takes (simulate, ab, config). */
export const SESSION_FLAGS = [
  'model',
  'baseUrl',
  'concurrency',
  'maxSteps',
  'maxAttempts',
  'historyPages',
  'seed',
  'out',
  'browserPath',
  'browserEndpoint',
  'cdp',
  'threads',
  'contextSize',
  'pwTrace',
  'prompts',
  ...GUARD_FLAGS,
] as const satisfies readonly ConfigFlag[];

/** Each setting's flag: its spelling, the config key it sets, and its default help text. */
export const FLAGS: Record<
  ConfigFlag,
  { spec: string; key: keyof Config; help: string; repeatable?: true }
> = {
  model: {
    spec: '--model <spec>',
    key: 'model',
    help: 'openai:<model> | llama:<file.gguf> | heuristic | random[:seed] | scripted:<file>',
  },
  baseUrl: {
    spec: '--base-url <url>',
    key: 'baseUrl',
    help: 'OpenAI-compatible endpoint (default OPENAI_BASE_URL)',
  },
  concurrency: { spec: '--concurrency <k>', key: 'concurrency', help: 'parallel sessions' },
  maxSteps: {
    spec: '--max-steps <n>',
    key: 'maxSteps',
    help: 'steps per session before it is stopped',
  },
  maxAttempts: {
    spec: '--max-attempts <n>',
    key: 'maxAttempts',
    help: 'model calls per step before an invalid answer ends the session',
  },
  historyPages: {
    spec: '--history-pages <k>',
    key: 'historyPages',
    help: 'earlier pages given to the model as full HTML',
  },
  seed: { spec: '--seed <s>', key: 'seed', help: 'run seed (sessions derive their own)' },
  out: { spec: '--out <dir>', key: 'out', help: 'run folder (default traces/<run-id>)' },
  variant: {
    spec: '--variant <name>',
    key: 'variant',
    help: 'arm: a, b or a known-effect variant (builtin: server variant; other sites: ?variant= on the start URL)',
  },
  browserPath: {
    spec: '--browser-path <path>',
    key: 'browserPath',
    help: "Chromium executable (default: SHOPSIM_BROWSER, Playwright's Chromium, an installed Chrome/Chromium)",
  },
  browserEndpoint: {
    spec: '--browser-endpoint <ws-url>',
    key: 'browserEndpoint',
    help: 'connect to a Playwright browser server (launchServer / run-server) instead of launching',
  },
  cdp: {
    spec: '--cdp <url>',
    key: 'cdpUrl',
    help: 'connect to a Chromium over CDP (http://host:port of --remote-debugging-port)',
  },
  cache: {
    spec: '--cache <dir>',
    key: 'cache',
    help: 'answer model calls seen before from this folder, and store new answers there',
  },
  prompts: {
    spec: '--prompts <dir>',
    key: 'prompts',
    help: 'edited prompt templates (system.md, step.md, history-step.md, feedback.md); missing files: the bundled ones',
  },
  threads: {
    spec: '--threads <n>',
    key: 'threads',
    help: 'CPU threads for llama:<file.gguf> models',
  },
  contextSize: {
    spec: '--context-size <tokens>',
    key: 'contextSize',
    help: 'context of llama:<file.gguf> models in tokens, prompt and answer (default: up to 8192)',
  },
  timeoutMs: {
    spec: '--timeout <ms>',
    key: 'timeoutMs',
    help: 'page load and action timeout in milliseconds',
  },
  pwTrace: {
    spec: '--pw-trace <mode>',
    key: 'pwTrace',
    help:
      'Playwright trace.zip per session, one group per step with its rationale: on | ' +
      'retain-on-failure (kept unless the session bought without a refused action) | off',
  },
  headed: { spec: '--headed', key: 'headless', help: 'show the browser windows' },
  allowOrigin: {
    spec: '--allow-origin <origin>',
    key: 'allowOrigins',
    help: 'live-site guard: also allow this origin, e.g. https://*.example.com (repeatable)',
    repeatable: true,
  },
  allowOrdersOn: {
    spec: '--allow-orders-on <host>',
    key: 'allowOrdersOn',
    help: 'live-site guard: place orders on this host too, not only on loopback (repeatable)',
    repeatable: true,
  },
  minStepInterval: {
    spec: '--min-step-interval <ms>',
    key: 'minStepIntervalMs',
    help: 'least time between two actions of one session, in milliseconds (default 0)',
  },
  headless: {
    spec: '--headless',
    key: 'headless',
    help: 'run the browser without a window (the default from config)',
  },
};

/** Collects a repeatable flag's values (undefined when the flag is not given). */
const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

/** commander's property for a flag spec: --max-steps <n> -> maxSteps. */
export function property(spec: string): string {
  const long = spec.split(/\s/)[0]!.replace(/^--/, '');
  return long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Adds the flags for these settings to a command, plus `--config <file>`. `help` overrides a
 * flag's help text where the command uses the setting in its own way.
 */
export function addConfigFlags(
  command: Command,
  flags: readonly ConfigFlag[],
  help: Partial<Record<ConfigFlag, string>> = {},
): Command {
  for (const flag of flags) {
    const { spec, repeatable } = FLAGS[flag];
    const text = help[flag] ?? FLAGS[flag].help;
    if (repeatable) command.option(spec, text, collect);
    else command.option(spec, text);
  }
  return command.option('--config <file>', 'config file (default ./shopsim.config.json)');
}
