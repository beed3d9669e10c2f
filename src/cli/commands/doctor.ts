import type { Command } from 'commander';
import { addConfigFlags } from '../config-flags.js';
import { withExample } from '../examples.js';

export function registerDoctor(program: Command): void {
  const command = withExample(program.command('doctor'), [
    'shopsim doctor --model openai:gpt-4o-mini',
  ]).description(
    'Check that shopsim can run here: a browser is found and starts, the model endpoint answers ' +
      'and OPENAI_API_KEY is set when an openai: model or base URL is configured, the output ' +
      'folder is writable. Exits 1 when a check finds a problem.',
  );
  addConfigFlags(command, ['model', 'baseUrl', 'browserPath', 'out'])
    .option('--json', 'print {ok, problems, checks: [{name, ok, detail, fix}]} as JSON')
    .action(async (flags: Record<string, unknown>) => {
      const { runDoctor } = await import('../doctor/run.js');
      process.exitCode = await runDoctor(flags);
    });
}
