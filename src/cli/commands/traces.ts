import type { Command } from 'commander';
import { DEFAULT_TRACES_DIR } from '../../traces/default-dir.js';

export function registerTraces(program: Command): void {
  const traces = program.command('traces').description('List, show and validate trace files.');
  traces
    .command('ls [path]')
    .description(`List runs and their sessions (default path: ${DEFAULT_TRACES_DIR}).`)
    .action(async (target: string | undefined) => {
      const { formatRuns, listRuns } = await import('../../traces/ls.js');
      process.stdout.write(formatRuns(await listRuns(target ?? DEFAULT_TRACES_DIR)));
    });
  traces
    .command('show <file>')
    .description('Print one session compactly: header, one line per step, outcome.')
    .action(async (file: string) => (await import('./traces-run.js')).show(file));
  traces
    .command('validate <path>')
    .description(
      'Check every trace (and run.json, persona) file under <path> against the schema; ' +
        'exits non-zero when any problem is found.',
    )
    .action(async (target: string) => (await import('./traces-run.js')).validate(target));
}
