import type { Command } from 'commander';
import { addConfigFlags, SESSION_FLAGS, type ConfigFlag } from '../config-flags.js';
import { withExample } from '../examples.js';

/** Every setting that has a flag (headless as --headless; --headed is its opposite). */
const ALL_FLAGS: ConfigFlag[] = [...SESSION_FLAGS, 'cache', 'variant', 'timeoutMs', 'headless'];

export function registerConfig(program: Command): void {
  const command = withExample(program.command('config'), [
    'shopsim config --model openai:gpt-4o-mini   # the settings in effect and where each comes from',
  ]).description(
    'Print the resolved settings and where each value came from: default, config file, ' +
      'SHOPSIM_* environment variable, or flag.',
  );
  addConfigFlags(command, ALL_FLAGS)
    .option('--json', 'print {values, sources, file} as JSON')
    .action(async (flags: Record<string, unknown>) => {
      (await import('./config-run.js')).printConfig(flags);
    });
}
