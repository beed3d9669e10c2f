import { similarNames } from '../observe/similar-names.js';
import type { Observation } from '../observe/observation.js';
import type { TraceStep } from '../traces/schema.js';

/** How one recorded step stands against the page as it is now. */
export interface StepComparison {
  /** Why the page differs from the recorded one (URL path or title), or null. */
  pageDiffers: string | null;
  /** The action's element is gone from the page (click / type_and_submit only). */
  nameMissing: boolean;
  /** The closest current names when the name is gone. */
  similar: string[];
}

function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

/**
 * A path segment that looks generated per visit: digits only, or 8+ letters/digits/-/_ with a
 * digit or without any lowercase letter (ORD-HWYRHQZA, uuids). Short product codes (p0176) and
 * readable slugs (running-shoes) are not.
 */
function isGeneratedId(segment: string): boolean {
  if (/^\d+$/.test(segment)) return true;
  return /^[\w-]{8,}$/.test(segment) && (/\d/.test(segment) || !/[a-z]/.test(segment));
}

/** A path with generated ids blanked, so /order/ORD-UZB7N2JT and /order/ORD-4K2M9QXA compare equal. */
export function comparablePath(url: string): string {
  return urlPath(url)
    .split('/')
    .map((s) => (isGeneratedId(s) ? ':id' : s))
    .join('/');
}

/** A recorded URL moved onto another site (same path, query and fragment). */
export function rebaseUrl(recorded: string, site: string): string {
  try {
    const from = new URL(recorded);
    const to = new URL(site);
    if (from.protocol === 'file:' || to.protocol === 'file:') return recorded;
    return new URL(from.pathname + from.search + from.hash, to.origin).href;
  } catch {
    return site;
  }
}

/**
 * Compares the recorded step's page with the current one: a different URL path (generated ids
 * aside) or title means the page differs (the query string is ignored: it carries ids and
 * tracking that change between visits); the action's name must be among the current names.
 */
export function compareStep(recorded: TraceStep, current: Observation): StepComparison {
  const before = recorded.observation;
  const reasons: string[] = [];
  if (comparablePath(before.url) !== comparablePath(current.url)) {
    reasons.push(`URL path ${urlPath(before.url)} is now ${urlPath(current.url)}`);
  }
  if (before.title !== current.title) {
    reasons.push(`title ${JSON.stringify(before.title)} is now ${JSON.stringify(current.title)}`);
  }
  const name = recorded.action.type === 'terminate' ? null : recorded.action.name;
  const names = current.elements.map((e) => e.name);
  const nameMissing = name !== null && !names.includes(name);
  return {
    pageDiffers: reasons.length ? reasons.join('; ') : null,
    nameMissing,
    similar: nameMissing ? similarNames(name, names, { limit: 3 }) : [],
  };
}
