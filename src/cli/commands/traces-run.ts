import { InputFileError, ShopsimError } from '../../errors.js';
import { formatRuns, listRuns } from '../../traces/ls.js';
import { parseTraceText, readTraceText } from '../../traces/reader.js';
import { formatTrace } from '../../traces/show.js';
import { validatePath } from '../../traces/validate.js';

export interface TracesFlags {
  json?: boolean;
}

const printJson = (value: unknown): void =>
  void process.stdout.write(JSON.stringify(value, null, 2) + '\n');

export async function ls(target: string, flags: TracesFlags): Promise<void> {
  const runs = await listRuns(target);
  if (flags.json) printJson(runs);
  else process.stdout.write(formatRuns(runs));
}

export async function show(file: string, flags: TracesFlags = {}): Promise<void> {
  const { trace, issues } = parseTraceText(file, await readTraceText(file));
  for (const issue of issues) {
    process.stderr.write(`warning: ${issue.file}:${issue.line}: ${issue.message}\n`);
  }
  if (!trace) {
    throw new InputFileError(file, 'kind', 'has no trace header line; is this a shopsim trace?', 1);
  }
  if (flags.json) printJson(trace);
  else process.stdout.write(formatTrace(trace));
}

export async function validate(target: string, flags: TracesFlags = {}): Promise<void> {
  const report = await validatePath(target);
  const bad = new Set(report.issues.map((i) => i.file)).size;
  if (flags.json) {
    printJson({ valid: report.issues.length === 0, ...report });
    if (report.issues.length > 0) process.exitCode = 1;
    return;
  }
  for (const w of report.warnings)
    process.stdout.write(`warning: ${w.file}:${w.line}: ${w.message}\n`);
  for (const i of report.issues) process.stdout.write(`${i.file}:${i.line}: ${i.message}\n`);
  if (report.issues.length > 0) {
    throw new ShopsimError(
      `${report.issues.length} problem${report.issues.length === 1 ? '' : 's'} in ${bad} of ` +
        `${report.files.length} files (listed above as file:line: field: problem); fix or re-create those files.`,
    );
  }
  process.stdout.write(`${report.files.length} files valid.\n`);
}
