import type { Command } from 'commander';
import { addConfigFlags } from '../config-flags.js';
import type { ObserveFlags } from './observe-run.js';
import { withExample } from '../examples.js';

export function registerObserve(program: Command): void {
  const command = withExample(program.command('observe'), [
    'shopsim observe https://example.com/shop --json',
  ])
    .description(
      'Print what the simulated shopper sees of a page: simplified HTML and named elements.',
    )
    .argument('<target>', 'http(s)/file URL, or a local .html (or .html.gz) file')
    .option('--json', 'print the whole observation as JSON')
    .option(
      '--recipe <file>',
      "site recipe pinning element names (default: the bundled shops' recipes, on their pages)",
    )
    .option('--no-recipe', 'generic names only: apply no recipe, not even a bundled one');
  addConfigFlags(command, ['browserPath', 'timeoutMs'], {
    timeoutMs: 'page load timeout in milliseconds',
  }).action(async (target: string, flags: ObserveFlags) => {
    const { formatObservation, observeTarget } = await import('./observe-run.js');
    const observation = await observeTarget(target, flags);
    process.stdout.write(
      flags.json ? JSON.stringify(observation, null, 2) + '\n' : formatObservation(observation),
    );
  });
}
