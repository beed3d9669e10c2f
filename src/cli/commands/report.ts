import type { Command } from 'commander';
import { addConfigFlags } from '../config-flags.js';
import type { ReportFlags } from './report-run.js';
import { withExample } from '../examples.js';

export function registerReport(program: Command): void {
  const command = withExample(program.command('report'), ['shopsim report traces/my-run'])
    .description(
      'Write one self-contained HTML page (charts, tables, a step-by-step session viewer with ' +
        'screenshots) for a run folder or a result: simulate/replay runs, ab.json, eval.json, compare.json.',
    )
    .argument(
      '<run-or-result>',
      'a run folder, a result folder, or a result file (ab/eval/compare .json)',
    )
    .option('--out <file.html>', 'where to write the page (default index.html in the folder)');
  addConfigFlags(command, [])
    .option('--json', 'print {"report": <file>} on stdout')
    .action(async (target: string, flags: ReportFlags) => {
      await (await import('./report-run.js')).reportCommand(target, flags);
    });
}
