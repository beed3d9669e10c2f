import type { Command } from 'commander';
import { addConfigFlags } from '../config-flags.js';
import { withExample } from '../examples.js';
import type { MergeFlags } from './merge-run.js';

export function registerMerge(program: Command): void {
  const command = program
    .command('merge')
    .description(
      'Join the run folders of `simulate --shard 1/n ... n/n` into one run (traces, screenshots, ' +
        'run.json, summary.json, index.html), as if it had run on one machine; for the shards of ' +
        '`ab --shard`, the pairs are analysed again (ab.json, ab.md, index.html).',
    )
    .argument('<shard-dirs...>', 'the run folders of all n shards of one run')
    .requiredOption('--out <dir>', 'the merged run folder (must not hold a run yet)');
  withExample(addConfigFlags(command, []), [
    'shopsim simulate --shard 1/2 --seed 7 --out runs/s1   # machine 1',
    'shopsim simulate --shard 2/2 --seed 7 --out runs/s2   # machine 2',
    'shopsim merge runs/s1 runs/s2 --out runs/all',
    'shopsim ab --shard 1/2 --seed 7 --out runs/ab1 && shopsim ab --shard 2/2 --seed 7 --out runs/ab2',
    'shopsim merge runs/ab1 runs/ab2 --out runs/ab   # the A/B report of all pairs',
  ])
    .option('--json', 'print the merged run summary (or ab result) as JSON on stdout')
    .action(async (dirs: string[], flags: MergeFlags) => {
      await (await import('./merge-run.js')).mergeCommand(dirs, flags);
    });
}
