import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeZodError } from '../action.js';
import { InputFileError } from '../errors.js';
import { jsonProblem } from '../json-file.js';
import { TRACE_SCHEMA_VERSION, TraceLine, type Trace, type TraceHeader } from './schema.js';

/** One problem found in a trace file. */
export interface TraceIssue {
  file: string;
  line: number;
  message: string;
}

/** Parses a session JSONL file; returns the trace (possibly without end line) and all issues found. */
export function parseTraceText(file: string, text: string): { trace: Trace | null; issues: TraceIssue[] } {
  const issues: TraceIssue[] = [];
  let header: TraceHeader | null = null;
  const trace: Trace = { file, header: null as unknown as TraceHeader, steps: [], end: null };
  const lines = text.split('\n');
  // A killed writer may leave a cut-off last line: tolerate it only at the very end.
  const last = lines.length - 1;
  let previousIndex = -1;
  let afterBadIndex = false;
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      if (i === last) return; // partial line in flight when the run was killed
      const { message } = jsonProblem(raw, error);
      // Within a JSONL line the line is always 1: name the file's line and the column.
      issues.push({ file, line: lineNo, message: message.replace(/ at line 1, column/, ' at column') });
      return;
    }
    const result = TraceLine.safeParse(value);
    if (!result.success) {
      issues.push({ file, line: lineNo, message: describeZodError(result.error) });
      return;
    }
    const line = result.data;
    if (line.kind === 'header') {
      if (header) issues.push({ file, line: lineNo, message: 'kind: a second header line' });
      else if (lineNo !== 1 && trace.steps.length > 0) issues.push({ file, line: lineNo, message: 'kind: header after steps' });
      if (line.schema_version > TRACE_SCHEMA_VERSION) {
        issues.push({
          file,
          line: lineNo,
          message: `schema_version: ${line.schema_version} is newer than this shopsim understands (${TRACE_SCHEMA_VERSION}); upgrade shopsim`,
        });
      }
      header = line;
    } else if (line.kind === 'step') {
      if (trace.end) issues.push({ file, line: lineNo, message: 'kind: step after the end line' });
      const expected = previousIndex + 1;
      // After a bad index, the next line is in step again when it follows the bad line's index
      // or its own position: one wrong, missing or repeated index is one error, not a cascade.
      const resynced = afterBadIndex && line.index === trace.steps.length;
      afterBadIndex = line.index !== expected && !resynced;
      if (afterBadIndex) {
        issues.push({ file, line: lineNo, message: `index: expected ${expected}, got ${line.index}` });
      }
      previousIndex = line.index;
      trace.steps.push(line);
    } else {
      if (trace.end) issues.push({ file, line: lineNo, message: 'kind: a second end line' });
      trace.end = line;
    }
  });
  if (!header) {
    issues.push({ file, line: 1, message: 'kind: the first line must be the trace header' });
    return { trace: null, issues };
  }
  trace.header = header;
  return { trace, issues };
}

/** The text of a session file; InputFileError when it cannot be read. */
export async function readTraceText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new InputFileError(file, null, 'cannot read the trace file; check the path.');
  }
}

/** Reads one session file; throws InputFileError naming file, line and field on the first issue. */
export async function readTraceFile(file: string): Promise<Trace> {
  const { trace, issues } = parseTraceText(file, await readTraceText(file));
  if (issues.length > 0 || !trace) {
    const first = issues[0]!;
    const [field, ...rest] = first.message.split(': ');
    throw new InputFileError(
      file,
      rest.length ? field! : null,
      `${rest.length ? rest.join(': ') : first.message}. Run \`shopsim traces validate ${file}\` for all problems.`,
      first.line,
    );
  }
  return trace;
}

/** All session files (*.jsonl) under a path: a file, a run folder, or a folder of runs. Sorted. */
export async function listTraceFiles(target: string): Promise<string[]> {
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new InputFileError(target, null, 'no such trace file or folder.');
  }
  if (info.isFile()) return [target];
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.jsonl') && !isSidecar(entry.name)) found.push(full);
    }
  };
  await walk(target);
  return found;
}

/** JSONL files in run folders that are not session traces: eval predictions, SFT exports. */
const SIDECARS = new Set(['predictions.jsonl', 'train.jsonl', 'validation.jsonl', 'test.jsonl']);

function isSidecar(name: string): boolean {
  return name.startsWith('_') || SIDECARS.has(name);
}

/** Reads every session under a path. */
export async function readTraces(target: string): Promise<Trace[]> {
  const files = await listTraceFiles(target);
  if (files.length === 0) throw new InputFileError(target, null, 'holds no trace files (*.jsonl).');
  return Promise.all(files.map((f) => readTraceFile(f)));
}
