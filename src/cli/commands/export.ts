import type { Command } from 'commander';
import { addConfigFlags } from '../config-flags.js';
import { DEFAULT_SPLIT } from '../../export/sft-split.js';
import { DEFAULT_TRACES_DIR } from '../../traces/default-dir.js';
import type { SftFlags } from './export-run.js';
import type { TableFlags } from './export-table-run.js';
import { withExample } from '../examples.js';

export function registerExport(program: Command): void {
  const command = program.command('export').description('Turn traces into data for other tools.');
  const sft = withExample(command.command('sft'), [
    'shopsim export sft --human traces/human-run --out traces/sft',
  ])
    .description(
      'Fine-tuning data: one example per human step, exactly as the simulator asks for it ' +
        '(system: rules and persona; user: history and page; assistant: {rationale, action}), ' +
        'split by user into train/validation/test.',
    )
    .requiredOption(
      '--human <traces>',
      'human traces: a session file, a run folder or a folder of runs',
    )
    .option(
      '--no-rationale',
      'assistant turns hold {action} only (the ablation without rationales)',
    )
    .option(
      '--format <openai|messages>',
      'openai chat fine-tuning JSONL, or plain {id, user_id, messages}',
      'openai',
    )
    .option('--out <dir>', `output folder (default ${DEFAULT_TRACES_DIR}/<id>)`)
    .option(
      '--split <fractions>',
      'train,validation,test fractions',
      Object.values(DEFAULT_SPLIT).join(','),
    )
    .option(
      '--missing-rationale <omit|skip>',
      'steps without a rationale: omit their examples, or skip the whole session',
      'omit',
    );
  addConfigFlags(sft, ['seed', 'historyPages'], {
    seed: 'seed of the user split',
    historyPages: 'earlier pages shown in full, as in simulate (older ones as URL + title)',
  })
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (flags: SftFlags) => {
      const summary = await (await import('./export-run.js')).exportSftCommand(flags);
      process.exitCode = summary.sessions === 0 ? 1 : 0;
    });
  withExample(command.command('table <traces...>'), [
    'shopsim export table traces/my-run --format parquet --out traces/tables',
  ])
    .description(
      'Flat tables for pandas, DuckDB or a spreadsheet: sessions (one row per session) and ' +
        'steps (one row per step, header fields joined in, the page as its size in bytes and ' +
        'tokens unless --with-html).',
    )
    .option('--format <csv|parquet>', 'file format of both tables', 'csv')
    .option('--out <dir>', `output folder (default ${DEFAULT_TRACES_DIR}/<id>)`)
    .option('--with-html', "add each step's simplified HTML (observation_html) to the steps table")
    .option('--json', 'print {format, out, sessions, steps, files} as JSON')
    .action(async (traces: string[], flags: TableFlags) => {
      await (await import('./export-table-run.js')).exportTableCommand(traces, flags);
    });
}
