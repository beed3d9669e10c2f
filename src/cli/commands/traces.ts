import type { Command } from 'commander';
import { DEFAULT_TRACES_DIR } from '../../traces/default-dir.js';
import type { TracesFlags } from './traces-run.js';
import { withExample } from '../examples.js';

export function registerTraces(program: Command): void {
  const traces = program.command('traces').description('List, show and validate trace files.');
  withExample(traces.command('ls [path]'), ['shopsim traces ls traces'])
    .description(`List runs and their sessions (default path: ${DEFAULT_TRACES_DIR}).`)
    .option('--json', 'print the runs and their sessions as JSON')
    .action(async (target: string | undefined, flags: TracesFlags) =>
      (await import('./traces-run.js')).ls(target ?? DEFAULT_TRACES_DIR, flags),
    );
  withExample(traces.command('show <file>'), ['shopsim traces show traces/my-run/session-1.jsonl'])
    .description(
      'Print one session: header, one line per step (action and result) with its rationale ' +
        'wrapped beneath, outcome.',
    )
    .option('--json', 'print the whole parsed trace {file, header, steps, end} as JSON')
    .action(async (file: string, flags: TracesFlags) =>
      (await import('./traces-run.js')).show(file, flags),
    );
  withExample(traces.command('validate <path>'), ['shopsim traces validate traces/my-run'])
    .description(
      'Check every trace (and run.json, persona) file under <path> against the schema; ' +
        'exits non-zero when any problem is found.',
    )
    .option('--json', 'print {valid, files, issues, warnings} as JSON (exit code 1 when not valid)')
    .action(async (target: string, flags: TracesFlags) =>
      (await import('./traces-run.js')).validate(target, flags),
    );
}
