import type { Action } from '../action.js';
import type { Observation, ObservedElement } from '../observe/observation.js';

const TYPEABLE_KINDS = new Set<ObservedElement['kind']>(['text_input', 'textarea']);

/** Elements a shopper can type into and submit (search boxes, text fields). */
function isTypeable(element: ObservedElement): boolean {
  return TYPEABLE_KINDS.has(element.kind);
}

/** Names of enabled elements a `click` may target: everything except text fields. */
export function clickableNames(observation: Observation): string[] {
  return observation.elements.filter((e) => !e.disabled && !isTypeable(e)).map((e) => e.name);
}

/** Names of enabled elements a `type_and_submit` may target. */
export function typeableNames(observation: Observation): string[] {
  return observation.elements.filter((e) => !e.disabled && isTypeable(e)).map((e) => e.name);
}

/** Up to `limit` names that look like `name`: same last segment, shared prefix, or substring. */
export function similarNames(name: string, names: string[], limit = 5): string[] {
  const last = name.split('.').pop() ?? name;
  const scored = names
    .map((candidate) => {
      let score = 0;
      if ((candidate.split('.').pop() ?? candidate) === last) score += 3;
      if (candidate.includes(name) || name.includes(candidate)) score += 2;
      let prefix = 0;
      while (prefix < name.length && name[prefix] === candidate[prefix]) prefix++;
      score += Math.min(prefix, 20) / 10;
      return { candidate, score };
    })
    .filter((s) => s.score >= 1)
    .sort((a, b) => b.score - a.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}

export interface CheckOptions {
  /**
   * 'strict' (simulation, the default): the action must also make sense on the page (enabled
   * element, typing only into text fields, no clicks on text fields).
   * 'protocol' (evaluation): only the name must exist, as the published scoring defines illegal
   * outputs; humans do click search boxes, and such a prediction must be able to match.
   */
  legality?: 'strict' | 'protocol';
}

/**
 * Checks that an action can be carried out on this page. Returns null when it can, else one
 * sentence addressed to the model saying what is wrong and what to do instead.
 */
export function checkActionOnPage(
  action: Action,
  observation: Observation,
  options: CheckOptions = {},
): string | null {
  if (action.type === 'terminate') return null;
  const element = observation.elements.find((e) => e.name === action.name);
  if (!element) {
    const similar = similarNames(
      action.name,
      observation.elements.map((e) => e.name),
    );
    return (
      `there is no element named "${action.name}" on this page` +
      (similar.length ? `; similar names: ${similar.join(', ')}` : '') +
      '. Use a name exactly as listed under "Named elements".'
    );
  }
  // Evaluation follows the protocol: an answer is illegal only when it names no element.
  if (options.legality === 'protocol') return null;
  if (element.disabled) {
    return `"${action.name}" is disabled on this page; choose another element.`;
  }
  if (action.type === 'type_and_submit') {
    if (!isTypeable(element)) {
      const fields = typeableNames(observation);
      return (
        `"${action.name}" is a ${element.kind}, not a text field, so you cannot type into it` +
        (fields.length
          ? `; choose from the text fields: ${fields.join(', ')}.`
          : '; this page has no text field, so click or terminate instead.')
      );
    }
    if (action.text.trim() === '') {
      return `type_and_submit needs a non-empty "text" to type into "${action.name}".`;
    }
    return null;
  }
  if (isTypeable(element)) {
    return (
      `"${action.name}" is a text field; clicking it does nothing. ` +
      `To search or fill it, use {"type": "type_and_submit", "name": "${action.name}", "text": "..."}.`
    );
  }
  return null;
}
