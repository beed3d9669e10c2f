import type { Command } from 'commander';
import type { CompareFlags } from './compare-run.js';
import { withExample } from '../examples.js';

export function registerCompare(program: Command): void {
  withExample(program.command('compare'), [
    'shopsim compare traces/sim-run traces/human-run --out traces/cmp',
  ])
    .description(
      'Compare free-running simulated sessions with human sessions as populations: action and click-type shares, lengths, purchase rate, funnel, queries.',
    )
    .argument('<simulated>', 'simulated run folder (or trace file / folder of runs)')
    .argument('<human>', 'human trace file, run folder or folder of runs')
    .option('--out <dir>', 'output folder (default traces/<run-id>)')
    .option('--json', 'print the result as JSON on stdout instead of the summary')
    .action(async (simulated: string, human: string, flags: CompareFlags) => {
      await (await import('./compare-run.js')).compareCommand(simulated, human, flags);
    });
}
