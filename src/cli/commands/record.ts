import type { Command } from 'commander';
import { addConfigFlags } from '../config-flags.js';
import type { RecordFlags } from './record-run.js';
import { withExample } from '../examples.js';

export function registerRecord(program: Command): void {
  const command = withExample(program.command('record'), [
    'shopsim record --site builtin --persona personas/budget.json',
  ])
    .description(
      'Open a browser window on a shop and record a person shopping as a human trace ' +
        '(clicks and submitted text on named elements; passwords and card data are never kept).',
    )
    .requiredOption('--site <url|builtin>', 'shop to record on ("builtin" starts the mock shop)')
    .option('--variant <name>', 'variant of the shop: a, b or a known-effect variant')
    .option('--persona <file>', 'persona file describing the person (stored in the trace header)')
    .option('--out <dir>', 'run folder to write (default: traces/<run-id>)')
    .option('--headless', 'no visible window (for tests and scripted runs)')
    .option('--recipe <file>', 'site recipe pinning element names')
    .option('--json', 'print {file, steps, outcome, orderId, droppedEvents} as JSON at the end');
  addConfigFlags(command, ['browserPath', 'seed'], {
    seed: 'catalog seed of the builtin shop',
  }).action(async (flags: RecordFlags) => (await import('./record-run.js')).record(flags));
}
