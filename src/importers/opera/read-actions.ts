import { readTable, type TableFile, type TableIssue } from '../tables.js';
import { LIGHT_COLUMNS, readActionRow, text, type ActionRecord } from './action-row.js';

/** A dataset row that was skipped: where it is, why, and its session when the row names one. */
export interface RowIssue extends TableIssue {
  session?: string;
}

export interface ActionRows {
  records: ActionRecord[];
  scrollRows: number;
  /** Rows skipped as unreadable, malformed or repeated (each has an issue). */
  skippedRows: number;
  /** Sessions named by action rows of which no row could be used: they get no trace. */
  droppedSessions: string[];
}

/**
 * First read pass: the light columns of every action row, checked and mapped. A row repeating
 * the session_id and action_id of an earlier row is skipped as a duplicate; action ids only need
 * to be unique within their session (datasets number actions per session).
 */
export async function readActionRows(tables: TableFile[], issues: RowIssue[]): Promise<ActionRows> {
  const records: ActionRecord[] = [];
  const firstSeen = new Map<string, { file: string; row: number }>();
  const sessionsSeen = new Set<string>();
  let scrollRows = 0;
  let skippedRows = 0;
  const skip = (issue: RowIssue): void => {
    skippedRows++;
    issues.push(issue);
  };
  for (const [tableIndex, table] of tables.entries()) {
    await readTable(
      table,
      LIGHT_COLUMNS,
      (rows) => {
        for (const { row, values } of rows) {
          const session = text(values.session_id)?.trim();
          if (session) sessionsSeen.add(session);
          const where = { file: table.file, row, ...(session ? { session } : {}) };
          const place = {
            key: `${tableIndex}:${row}`,
            file: table.file,
            row,
            order: records.length,
          };
          const verdict = readActionRow(values, place);
          if (verdict.kind === 'scroll') {
            scrollRows++;
            continue;
          }
          if (verdict.kind === 'malformed') {
            skip({ ...where, problem: `${verdict.problem}; skipped` });
            continue;
          }
          const { sessionId, actionId } = verdict.record;
          const key = actionId === null ? null : JSON.stringify([sessionId, actionId]);
          const first = key === null ? undefined : firstSeen.get(key);
          if (first) {
            skip({
              ...where,
              problem:
                `duplicate action_id ${actionId} in its session (first at ${first.file} ` +
                `row ${first.row}); skipped`,
            });
            continue;
          }
          if (key !== null) firstSeen.set(key, { file: table.file, row });
          records.push(verdict.record);
        }
      },
      skip,
    );
  }
  const kept = new Set(records.map((r) => r.sessionId));
  return {
    records,
    scrollRows,
    skippedRows,
    droppedSessions: [...sessionsSeen].filter((s) => !kept.has(s)),
  };
}
