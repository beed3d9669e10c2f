import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeZodError } from '../action.js';
import { jsonProblem } from '../json-file.js';
import { Persona } from '../persona.js';
import { listTraceFiles, parseTraceText, type TraceIssue } from './reader.js';
import { RunInfo } from './schema.js';

export interface ValidationReport {
  /** Every file checked: session traces, run.json files, persona files of runs. */
  files: string[];
  issues: TraceIssue[];
  /** Not errors: a cut-off last line of a killed run. */
  warnings: TraceIssue[];
}

/** Line number of the first line whose JSON has this `kind` (1-based), or null. */
function lineOfKind(lines: string[], kind: string): number | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!lines[i]!.includes(`"${kind}"`)) continue;
    try {
      if ((JSON.parse(lines[i]!) as { kind?: unknown }).kind === kind) return i + 1;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Checks one session file: the schema of every line, plus the end line's step count. */
function validateTraceText(file: string, text: string): Omit<ValidationReport, 'files'> {
  const { trace, issues } = parseTraceText(file, text);
  const warnings: TraceIssue[] = [];
  const lines = text.split('\n');
  const tail = lines[lines.length - 1]!;
  if (tail.trim() !== '') {
    try {
      JSON.parse(tail);
    } catch {
      warnings.push({
        file,
        line: lines.length,
        message: 'incomplete last line (the run was stopped while writing it); ignored',
      });
    }
  }
  if (trace?.end && issues.length === 0 && trace.end.steps !== trace.steps.length) {
    issues.push({
      file,
      line: lineOfKind(lines, 'end') ?? lines.length,
      message: `steps: the end line says ${trace.end.steps} steps, the file has ${trace.steps.length}`,
    });
  }
  return { issues, warnings };
}

async function validateJson(
  file: string,
  check: (value: unknown) => string | null,
): Promise<TraceIssue[]> {
  const text = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { line, message } = jsonProblem(text, error);
    return [{ file, line: line ?? 1, message }];
  }
  const problem = check(value);
  return problem ? [{ file, line: 1, message: problem }] : [];
}

/** run.json and personas/*.json files in the run folders under a folder. */
async function runSidecars(target: string): Promise<{ runs: string[]; personas: string[] }> {
  const runs: string[] = [];
  const personas: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name === 'run.json') runs.push(full);
      else if (path.basename(dir) === 'personas' && entry.name.endsWith('.json')) personas.push(full);
    }
  };
  await walk(target);
  return { runs, personas };
}

/** Validates every trace file (and run.json / persona file) under a path. */
export async function validatePath(target: string): Promise<ValidationReport> {
  const traceFiles = await listTraceFiles(target);
  const report: ValidationReport = { files: [], issues: [], warnings: [] };
  for (const file of traceFiles) {
    report.files.push(file);
    const { issues, warnings } = validateTraceText(file, await readFile(file, 'utf8'));
    report.issues.push(...issues);
    report.warnings.push(...warnings);
  }
  if ((await stat(target)).isDirectory()) {
    const { runs, personas } = await runSidecars(target);
    for (const file of runs) {
      report.files.push(file);
      report.issues.push(
        ...(await validateJson(file, (v) => {
          const r = RunInfo.safeParse(v);
          return r.success ? null : describeZodError(r.error);
        })),
      );
    }
    for (const file of personas) {
      report.files.push(file);
      report.issues.push(
        ...(await validateJson(file, (v) => {
          const r = Persona.safeParse(v);
          return r.success ? null : describeZodError(r.error);
        })),
      );
    }
  }
  return report;
}
