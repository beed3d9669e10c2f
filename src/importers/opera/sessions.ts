import type { Outcome } from '../../traces/schema.js';
import type { ActionRecord } from './action-row.js';

/** One dataset session, its rows in the order they happened. */
export interface SessionPlan {
  sessionId: string;
  userId: string | null;
  records: ActionRecord[];
  outcome: Outcome;
}

/** The dataset's click_type for clicks on the purchase control. */
const PURCHASE_CLICK_TYPE = 'purchase';

/**
 * Outcome rule (the protocol scores "was the last step a purchase or a terminate?"):
 * - 'purchase' when the session's last action, ignoring trailing `terminate` rows, is a click
 *   with click_type 'purchase' (the shopper bought and left);
 * - 'terminate' otherwise: the shopper left without buying, whether or not the logger wrote a
 *   terminate row. A purchase click followed by more browsing is 'terminate' (the session did
 *   not end in the purchase). No terminate step is invented where the dataset has none.
 */
export function sessionOutcome(records: readonly ActionRecord[]): Outcome {
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i]!;
    if (record.action.type === 'terminate') continue;
    return record.action.type === 'click' && record.clickType === PURCHASE_CLICK_TYPE
      ? 'purchase'
      : 'terminate';
  }
  return 'terminate';
}

/**
 * Groups records by session id (sessions in order of first appearance), orders each session's
 * rows by timestamp (ties keep the dataset's row order), and fills a missing user id from the
 * session table.
 */
export function planSessions(
  records: readonly ActionRecord[],
  sessionUsers: ReadonlyMap<string, string>,
): SessionPlan[] {
  const groups = new Map<string, ActionRecord[]>();
  for (const record of records) {
    const group = groups.get(record.sessionId);
    if (group) group.push(record);
    else groups.set(record.sessionId, [record]);
  }
  return [...groups].map(([sessionId, group]) => {
    const sorted = [...group].sort((a, b) => a.time - b.time || a.order - b.order);
    const userId =
      sessionUsers.get(sessionId) ?? sorted.find((r) => r.userId !== null)?.userId ?? null;
    return { sessionId, userId, records: sorted, outcome: sessionOutcome(sorted) };
  });
}
