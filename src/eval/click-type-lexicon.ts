import type { Action } from '../action.js';
import { inferClickType, type ElementHint } from './click-type.js';

/** The part of a human step the lexicon learns from. */
export interface LabelledStep {
  action: Action;
  click_type: string | null;
}

/**
 * Known click types of element names, learnt from human steps that carry a `click_type`.
 * Semantic names are stable across sessions, so a name a human clicked elsewhere has the same class.
 */
export interface ClickTypeLexicon {
  bySession: Map<string, Map<string, string>>;
  byName: Map<string, string>;
}

export type ClickTypeSource = 'session' | 'dataset' | 'name';

/** Most frequent click type per name; ties go to the alphabetically first type. */
function majority(counts: Map<string, Map<string, number>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, types] of counts) {
    const best = [...types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    out.set(name, best[0]);
  }
  return out;
}

function count(map: Map<string, Map<string, number>>, name: string, type: string): void {
  const types = map.get(name) ?? new Map<string, number>();
  types.set(type, (types.get(type) ?? 0) + 1);
  map.set(name, types);
}

export function buildClickTypeLexicon(
  sessions: { sessionId: string; steps: LabelledStep[] }[],
): ClickTypeLexicon {
  const all = new Map<string, Map<string, number>>();
  const bySession = new Map<string, Map<string, string>>();
  for (const session of sessions) {
    const local = new Map<string, Map<string, number>>();
    for (const step of session.steps) {
      if (step.action.type !== 'click' || !step.click_type) continue;
      count(local, step.action.name, step.click_type);
      count(all, step.action.name, step.click_type);
    }
    bySession.set(session.sessionId, majority(local));
  }
  return { bySession, byName: majority(all) };
}

/**
 * The click type of a clicked name: what humans' clicks on that name were labelled in the same
 * session, else anywhere in the dataset, else what the name (and the element's href/kind) suggest.
 */
export function resolveClickType(
  lexicon: ClickTypeLexicon,
  sessionId: string,
  name: string,
  element?: ElementHint,
): { clickType: string; source: ClickTypeSource } {
  const local = lexicon.bySession.get(sessionId)?.get(name);
  if (local) return { clickType: local, source: 'session' };
  const global = lexicon.byName.get(name);
  if (global) return { clickType: global, source: 'dataset' };
  return { clickType: inferClickType(name, element), source: 'name' };
}
