import type { Command } from 'commander';
import { addConfigFlags, SESSION_FLAGS } from '../config-flags.js';
import type { SimulateFlags } from './simulate-run.js';
import { withExample } from '../examples.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerSimulate(program: Command): void {
  const command = withExample(program.command('simulate'), [
    'shopsim simulate --site builtin --sessions 2 --model openai:gpt-4o-mini',
  ])
    .description(
      'Run simulated shoppers (personas x sessions) on a site in the real browser, recording traces.',
    )
    .option(
      '--site <url|builtin>',
      'shop to visit; "builtin" starts the bundled mock shop',
      'builtin',
    )
    .option(
      '--persona <file|dir>',
      'persona file or folder (repeatable; default: the bundled personas)',
      collect,
      [],
    )
    .option('--sessions <n>', 'sessions per persona', '1')
    .option('--recipe <file>', 'site recipe pinning element names')
    .option('--screenshots', 'save one PNG per step')
    .option(
      '--shard <i/n>',
      'run only shard i of n: every n-th session of the (persona, session) list sorted by persona id; join shards with `shopsim merge`',
    )
    .option(
      '--resume',
      'continue the interrupted run in --out: finished sessions are kept, unfinished ones run again (same settings required)',
    );
  addConfigFlags(command, ['variant', ...SESSION_FLAGS, 'cache', 'headed'], {
    concurrency: 'parallel browser contexts',
  })
    .option('--json', 'print the summary as JSON on stdout')
    .option('--verbose', 'print each prompt sent to the model and its raw answer on stderr')
    .option('--quiet', 'print only the result: no progress line, notes or per-run sentences')
    .action(async (flags: SimulateFlags) => {
      const interrupt = new AbortController();
      // first Ctrl-C: running sessions end after their current step, queued ones never start, and
      // every trace gets its end line; a second Ctrl-C quits at once (traces stay readable)
      const { simulateCommand } = await import('./simulate-run.js');
      const { withInterrupt } = await import('../interrupt.js');
      const summary = await withInterrupt(
        () => {
          interrupt.abort();
          process.stderr.write(
            '\nInterrupted: ending the running sessions after their current step ' +
              '(Ctrl-C again quits at once).\n',
          );
        },
        () => simulateCommand(flags, interrupt.signal),
      );
      const allFailed = summary.sessions > 0 && summary.errors === summary.sessions;
      process.exitCode = interrupt.signal.aborted ? 130 : allFailed ? 1 : 0;
    });
}
