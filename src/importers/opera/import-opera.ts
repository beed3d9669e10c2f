import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError, UsageError } from '../../errors.js';
import type { Persona } from '../../persona.js';
import { createRun, sessionFileName } from '../../traces/run.js';
import { readTable, type TableFile } from '../tables.js';
import { HEAVY_COLUMNS, text } from './action-row.js';
import { findOperaTables } from './layout.js';
import { readActionRows, type RowIssue } from './read-actions.js';
import { planSessions } from './sessions.js';
import { surveyToPersona } from './survey-persona.js';
import { siteOf, TraceAssembler } from './trace-assembler.js';

export interface OperaImportOptions {
  /** A folder with the action/session/user tables, or one action table file. */
  source: string;
  /** Run folder to write (default: a new folder under baseDir). */
  out?: string | null;
  baseDir?: string;
}

export type { RowIssue } from './read-actions.js';

export interface OperaImportSummary {
  runDir: string;
  runId: string;
  files: string[];
  sessions: number;
  steps: number;
  outcomes: { purchase: number; terminate: number };
  personas: number;
  /** Sessions whose user has no survey row: their header has no persona. */
  sessionsWithoutPersona: number;
  scrollRows: number;
  /** Rows skipped as unreadable, malformed or repeated; `issues` says which and why. */
  skippedRows: number;
  /** Sessions in the action table of which no row was usable: no trace was written for them. */
  droppedSessions: string[];
  /** Every skipped row (and unreadable session/user row): file, row, reason, and session. */
  issues: RowIssue[];
}

async function readKeyed(
  tables: TableFile[],
  keyColumn: string,
  valueColumn: string,
  issues: RowIssue[],
): Promise<Map<string, unknown>> {
  const map = new Map<string, unknown>();
  for (const table of tables) {
    await readTable(
      table,
      [keyColumn, valueColumn],
      (rows) => {
        for (const { row, values } of rows) {
          const key = text(values[keyColumn])?.trim();
          if (!key)
            issues.push({ file: table.file, row, problem: `missing ${keyColumn}; skipped` });
          else if (!map.has(key)) map.set(key, values[valueColumn] ?? null);
        }
      },
      (issue) => issues.push(issue),
    );
  }
  return map;
}

/** Imports an OPeRA dataset: one trace per session into a new run folder, personas alongside. */
export async function importOpera(options: OperaImportOptions): Promise<OperaImportSummary> {
  const layout = await findOperaTables(options.source);
  const issues: RowIssue[] = [];
  const surveys = await readKeyed(layout.user, 'user_id', 'survey', issues);
  const sessionUsers = new Map<string, string>();
  for (const [session, user] of await readKeyed(layout.session, 'session_id', 'user_id', issues)) {
    const id = text(user)?.trim();
    if (id) sessionUsers.set(session, id);
  }

  const { records, scrollRows, skippedRows, droppedSessions } = await readActionRows(
    layout.action,
    issues,
  );
  const plans = planSessions(records, sessionUsers);
  if (plans.length === 0) {
    const first = issues.slice(0, 3).map((i) => `${i.file} row ${i.row}: ${i.problem}`);
    throw new InputFileError(
      options.source,
      null,
      `no usable action rows (${scrollRows} scroll rows, ${skippedRows} skipped)` +
        (first.length ? `: ${first.join('; ')}` : '') +
        '. Check that this is an OPeRA action table.',
    );
  }
  const personas = new Map<string, Persona>();
  for (const plan of plans) {
    if (plan.userId && surveys.has(plan.userId) && !personas.has(plan.userId)) {
      personas.set(plan.userId, surveyToPersona(plan.userId, surveys.get(plan.userId)));
    }
  }

  const personaFiles = [...personas.values()].map((p) => `personas/${p.id}.json`);
  const { dir, info } = await createRun({
    kind: 'import',
    site: siteOf(plans[0]!.records),
    variant: null,
    model: null,
    seed: null,
    personas: personaFiles,
    config: { dataset: 'opera', source: path.resolve(options.source) },
    out: options.out ?? null,
    baseDir: options.baseDir,
  });
  for (const plan of plans) {
    const file = path.join(dir, sessionFileName(plan.sessionId));
    if (existsSync(file)) {
      throw new UsageError(`${file} already exists; import into a new --out folder.`);
    }
  }
  if (personas.size > 0) await mkdir(path.join(dir, 'personas'), { recursive: true });
  for (const persona of personas.values()) {
    await writeFile(
      path.join(dir, 'personas', `${persona.id}.json`),
      JSON.stringify(persona, null, 2) + '\n',
    );
  }

  // pass 2: the page HTML, streamed into the traces in each session's order
  const assembler = new TraceAssembler(dir, info.run_id, plans, (plan) =>
    plan.userId ? (personas.get(plan.userId) ?? null) : null,
  );
  try {
    for (const [tableIndex, table] of layout.action.entries()) {
      await readTable(
        table,
        ['session_id', ...HEAVY_COLUMNS],
        async (rows) => {
          for (const { row, values } of rows) {
            const html = values.simplified_html;
            await assembler.accept(`${tableIndex}:${row}`, typeof html === 'string' ? html : '');
          }
        },
        () => undefined, // already reported in pass 1
      );
    }
    assembler.finish();
  } catch (error) {
    await assembler.abandon();
    throw error;
  }

  return {
    runDir: dir,
    runId: info.run_id,
    files: [...layout.action, ...layout.session, ...layout.user].map((t) => t.file),
    sessions: plans.length,
    steps: records.length,
    outcomes: {
      purchase: plans.filter((p) => p.outcome === 'purchase').length,
      terminate: plans.filter((p) => p.outcome === 'terminate').length,
    },
    personas: personas.size,
    sessionsWithoutPersona: plans.filter((p) => !p.userId || !personas.has(p.userId)).length,
    scrollRows,
    skippedRows,
    droppedSessions,
    issues,
  };
}
