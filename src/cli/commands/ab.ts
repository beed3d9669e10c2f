import type { Command } from 'commander';
import { BINARY_METRICS, NUMERIC_METRICS } from '../../ab/metrics.js';
import { addConfigFlags, SESSION_FLAGS } from '../config-flags.js';
import type { AbFlags } from './ab-run.js';
import { withExample } from '../examples.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerAb(program: Command): void {
  const command = withExample(program.command('ab'), [
    'shopsim ab --variants a,b --sessions 5 --model openai:gpt-4o-mini',
    'shopsim ab --suite known-effects --until-decided --max-pairs 200 --model heuristic',
    'shopsim ab --sessions 20 --seed 7 --shard 1/2 --out runs/ab1   # then 2/2 elsewhere; shopsim merge',
  ])
    .description(
      'A/B preview: run every persona and seed on both arms (paired), compare conversion and ' +
        'the funnel with paired statistics, and show why pairs differ.',
    )
    .option(
      '--site <url|builtin>',
      'site serving both variants; "builtin" starts the bundled shop',
      'builtin',
    )
    .option('--variants <a,b>', 'the two variant values, control first', 'a,b')
    .option('--variant-by <how>', 'query:NAME | cookie:NAME | header:NAME', 'query:variant')
    .option(
      '--arm <name=url>',
      'an arm on its own URL, instead of --variants (give two)',
      collect,
      [],
    )
    .option('--persona <file|dir>', 'persona file or folder (repeatable)', collect, [])
    .option('--sessions <n>', 'sessions (pairs) per persona', '1')
    .option('--recipe <file>', 'site recipe pinning element names')
    .option(
      '--primary <metric>',
      `primary metric: conversion or one of ${[...BINARY_METRICS, ...NUMERIC_METRICS].join(', ')}`,
      'conversion',
    )
    .option('--plan', 'print the detectable difference (or pairs needed) and run nothing')
    .option('--pairs <n>', '--plan: number of pairs')
    .option('--delta <d>', '--plan: conversion difference to detect, e.g. 0.05')
    .option('--discordance <p>', '--plan: share of pairs whose arms disagree', '0.2')
    .option('--until-decided', 'stop once the sequential test has decided the primary metric')
    .option('--max-pairs <n>', 'run at most this many pairs (round-robin over personas)')
    .option('--from-human <traces>', 'continue these human sessions on each arm instead of pairs')
    .option('--prefix <k|auto>', '--from-human: recorded steps replayed first', 'auto')
    .option('--screenshots', 'save one PNG per step of every paired session (shown in index.html)')
    .option(
      '--suite <name>',
      'known-effects: run each known-effect variant of the bundled shop and an A/A pair against a, and say whether each expected direction was found',
    )
    .option(
      '--shard <i/n>',
      'run only shard i of n: every n-th pair of the planned list (both arms together); join shards with `shopsim merge`',
    )
    .option(
      '--resume',
      'continue the interrupted run in --out: pairs finished in both arms are kept, the others run again (same settings required)',
    );
  addConfigFlags(command, [...SESSION_FLAGS, 'cache', 'timeoutMs', 'headed'])
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print each prompt sent to the model and its raw answer on stderr')
    .option('--quiet', 'print only the result: the metric table and the run folder')
    .action(async (flags: AbFlags) => {
      const { abCommand } = await import('./ab-run.js');
      await abCommand(flags);
    });
}
