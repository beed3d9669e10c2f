import type { Command } from 'commander';
import { importOpera, type OperaImportSummary } from '../../importers/opera/import-opera.js';

const MAX_LISTED_ISSUES = 50;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function formatImportSummary(summary: OperaImportSummary): string {
  const lines = [
    `Imported ${plural(summary.sessions, 'session')} (${plural(summary.steps, 'step')}) from OPeRA into ${summary.runDir}`,
    `  outcomes: ${summary.outcomes.purchase} purchase, ${summary.outcomes.terminate} terminate`,
    `  personas: ${summary.personas} written to ${summary.runDir}/personas` +
      (summary.sessionsWithoutPersona
        ? `; ${plural(summary.sessionsWithoutPersona, 'session')} without a survey (no persona)`
        : ''),
    `  skipped: ${plural(summary.skippedRows, 'malformed row')}, ${plural(summary.scrollRows, 'scroll row')} (scrolls are not actions)`,
  ];
  if (summary.droppedSessions.length > 0) {
    lines.push(
      `  dropped: ${plural(summary.droppedSessions.length, 'session')} with no usable row: ` +
        summary.droppedSessions.slice(0, MAX_LISTED_ISSUES).join(', '),
    );
  }
  for (const issue of summary.issues.slice(0, MAX_LISTED_ISSUES)) {
    const session = 'session' in issue && issue.session ? ` (session ${issue.session})` : '';
    lines.push(`  ${issue.file} row ${issue.row}: ${issue.problem}${session}`);
  }
  if (summary.issues.length > MAX_LISTED_ISSUES) {
    lines.push(`  ... and ${summary.issues.length - MAX_LISTED_ISSUES} more (use --json for all)`);
  }
  return lines.join('\n') + '\n';
}

export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .description('Bring recorded human sessions from public datasets into shopsim traces.');
  command
    .command('opera <path>')
    .description(
      'Import the OPeRA dataset (Parquet, JSON or JSONL action/session/user tables under <path>): ' +
        'one trace per session, personas from the user surveys.',
    )
    .option('--out <dir>', 'run folder to write (default: traces/<run-id>)')
    .option('--json', 'print the summary as JSON')
    .action(async (source: string, options: { out?: string; json?: boolean }) => {
      const summary = await importOpera({ source, out: options.out ?? null });
      process.stdout.write(
        options.json ? JSON.stringify(summary, null, 2) + '\n' : formatImportSummary(summary),
      );
    });
}
