import type { Command } from 'commander';
import { MAX_K } from '../../personas/fit/choose-k.js';
import type { FitFlags } from './personas-run.js';
import { withExample } from '../examples.js';

export function registerPersonas(program: Command): void {
  const personas = program.command('personas').description('Make persona files.');
  withExample(personas.command('fit'), [
    'shopsim personas fit --human traces/human-run --out personas/fitted --k 4',
  ])
    .description(
      'Group human sessions into behavioural cohorts (session length, search, product views, ' +
        'add to cart, checkout, purchase; k-means) and write one persona per cohort with its ' +
        'weight (share of sessions) and statistics, plus cohorts.json.',
    )
    .requiredOption(
      '--human <traces...>',
      'human traces: session files, run folders or folders of runs (recorded or imported)',
    )
    .requiredOption('--out <dir>', 'folder for the persona files and cohorts.json')
    .option(
      '--k <n>',
      `number of cohorts (default: the k in 2..${MAX_K} with the highest mean silhouette)`,
    )
    .option('--seed <s>', 'seed of the k-means++ initialisation', '1')
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (flags: FitFlags) => (await import('./personas-run.js')).fitCommand(flags));
}
