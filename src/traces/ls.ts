import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { listTraceFiles } from './reader.js';
import { readRunInfo } from './run.js';
import { TraceEnd, TraceHeader, type RunInfo } from './schema.js';

/** One session as `traces ls` shows it. */
export interface SessionListing {
  file: string;
  sessionId: string;
  source: string;
  persona: string;
  outcome: string;
  steps: number;
}

export interface RunListing {
  dir: string;
  info: RunInfo | null;
  sessions: SessionListing[];
}

/** Writers put `kind` first; hand-edited files may not, and are parsed whole. */
const KIND_PREFIX = /^\s*\{\s*"kind"\s*:\s*"(\w+)"/;

function kindOf(line: string): string | null {
  try {
    const kind = (JSON.parse(line) as { kind?: unknown }).kind;
    return typeof kind === 'string' ? kind : null;
  } catch {
    return null;
  }
}

/**
 * Reads only what a listing needs: the header, the end line and the number of step lines. Step
 * lines (which hold whole pages) are counted by their prefix, not parsed, so listing a large
 * import stays fast. Files that do not parse are listed as "invalid".
 */
async function summarizeSessionFile(file: string): Promise<SessionListing> {
  const listing: SessionListing = {
    file,
    sessionId: path.basename(file, '.jsonl'),
    source: '?',
    persona: '-',
    outcome: 'invalid',
    steps: 0,
  };
  let first = true;
  let header: TraceHeader | null = null;
  let end: TraceEnd | null = null;
  let lastStep: string | null = null;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    if (first) {
      first = false;
      try {
        const parsed = TraceHeader.safeParse(JSON.parse(line));
        header = parsed.success ? parsed.data : null;
      } catch {
        header = null;
      }
      continue;
    }
    const kind = KIND_PREFIX.exec(line.slice(0, 40))?.[1] ?? kindOf(line);
    lastStep = kind === 'step' ? line : null;
    if (kind === 'step') listing.steps++;
    else if (kind === 'end') {
      try {
        const parsed = TraceEnd.safeParse(JSON.parse(line));
        if (parsed.success) end = parsed.data;
      } catch {
        // a cut-off end line: treated as missing
      }
    }
  }
  // a killed writer may leave the last step line cut off: it is not a step
  if (lastStep !== null && kindOf(lastStep) === null) listing.steps--;
  if (!header) return listing;
  listing.sessionId = header.session_id;
  listing.source = header.dataset ? `${header.source}/${header.dataset}` : header.source;
  listing.persona = header.persona?.id ?? '-';
  listing.outcome = end ? end.outcome : '(no end)';
  return listing;
}

/** Sessions under a path grouped by run folder (the folder holding them), runs sorted by name. */
export async function listRuns(target: string): Promise<RunListing[]> {
  const files = await listTraceFiles(target);
  const runs = new Map<string, RunListing>();
  for (const file of files) {
    const dir = path.dirname(file);
    let run = runs.get(dir);
    if (!run) {
      const info = existsSync(path.join(dir, 'run.json'))
        ? await readRunInfo(dir).catch(() => null)
        : null;
      run = { dir, info, sessions: [] };
      runs.set(dir, run);
    }
    run.sessions.push(await summarizeSessionFile(file));
  }
  return [...runs.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

/** Left-aligned text table with a header row. */
function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [format(header), ...rows.map(format)].join('\n') + '\n';
}

export function formatRuns(runs: RunListing[]): string {
  if (runs.length === 0) return 'No traces found.\n';
  const parts: string[] = [];
  for (const run of runs) {
    const info = run.info;
    const about = info
      ? [info.kind, info.site, info.variant ? `variant ${info.variant}` : null, info.model, info.created_at]
          .filter(Boolean)
          .join(', ')
      : 'no run.json';
    parts.push(`${info?.run_id ?? path.basename(run.dir)}  (${about}; ${run.dir})`);
    const table = formatTable(
      ['SESSION', 'SOURCE', 'PERSONA', 'OUTCOME', 'STEPS'],
      run.sessions.map((s) => [s.sessionId, s.source, s.persona, s.outcome, String(s.steps)]),
    );
    parts.push(
      table
        .split('\n')
        .map((line) => (line ? `  ${line}` : line))
        .join('\n'),
    );
  }
  return parts.join('\n');
}
