import type { Command } from 'commander';
import { envName, type Config } from '../../config.js';
import { addConfigFlags, type ConfigFlag } from '../config-flags.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';

/** Every setting that has a flag (headless as --headless; --headed is its opposite). */
const ALL_FLAGS: ConfigFlag[] = [
  'model',
  'baseUrl',
  'concurrency',
  'maxSteps',
  'maxAttempts',
  'historyPages',
  'seed',
  'out',
  'variant',
  'browserPath',
  'threads',
  'timeoutMs',
  'headless',
];

export function registerConfig(program: Command): void {
  const command = program
    .command('config')
    .description(
      'Print the resolved settings and where each value came from: default, config file, ' +
        'SHOPSIM_* environment variable, or flag.',
    );
  addConfigFlags(command, ALL_FLAGS)
    .option('--json', 'print {values, sources, file} as JSON')
    .action((flags: Record<string, unknown>) => {
      const resolved = resolveCommandConfig(flags);
      if (flags.json) {
        process.stdout.write(JSON.stringify(resolved, null, 2) + '\n');
        return;
      }
      const rows = (Object.keys(resolved.values) as (keyof Config)[]).map((key) => {
        const source = resolved.sources[key];
        const where = source === 'env' ? envName(key) : source === 'file' ? resolved.file! : source;
        return [key, JSON.stringify(resolved.values[key]), where];
      });
      const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
      process.stdout.write(
        `Config file: ${resolved.file ?? '(none)'}\n` +
          rows
            .map((r) => `${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}`)
            .join('\n') +
          '\n',
      );
    });
}
