import type { Command } from 'commander';
import { withExample } from '../examples.js';

export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .description('Bring recorded human sessions from public datasets into shopsim traces.');
  withExample(command.command('opera <path>'), [
    'shopsim import opera data/opera --out traces/opera',
  ])
    .description(
      'Import the OPeRA dataset (Parquet, JSON or JSONL action/session/user tables under <path>): ' +
        'one trace per session, personas from the user surveys.',
    )
    .option('--out <dir>', 'run folder to write (default: traces/<run-id>)')
    .option('--json', 'print the summary as JSON')
    .action(async (source: string, options: { out?: string; json?: boolean }) => {
      const { importOpera } = await import('../../importers/opera/import-opera.js');
      const { formatImportSummary } = await import('./import-run.js');
      const summary = await importOpera({ source, out: options.out ?? null });
      process.stdout.write(
        options.json ? JSON.stringify(summary, null, 2) + '\n' : formatImportSummary(summary),
      );
    });
}
