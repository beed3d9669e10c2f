import { resolveConfig, type Config, type ResolvedConfig } from '../config.js';
import { FLAGS, property } from './config-flags.js';

/**
 * Resolves the command's config once from its parsed options: every config flag it was given
 * overrides the file and the environment; messages name the flag as it was typed.
 */
export function resolveCommandConfig(options: Record<string, unknown>): ResolvedConfig {
  const flags: Partial<Record<keyof Config, unknown>> = {};
  const flagNames: Partial<Record<keyof Config, string>> = {};
  for (const [flag, { spec, key }] of Object.entries(FLAGS)) {
    const value = options[property(spec)];
    if (value === undefined) continue;
    flags[key] = flag === 'headed' ? !value : value;
    flagNames[key] = spec.split(/\s/)[0]!;
  }
  const file = typeof options.config === 'string' ? options.config : null;
  return resolveConfig({ file, flags, flagNames });
}
