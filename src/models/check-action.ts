import type { Action } from '../action.js';
import type { Observation, ObservedElement } from '../observe/observation.js';
import { similarNames } from '../observe/similar-names.js';

/** Farthest nameDistance worth suggesting: `categories.shoes` for `categories.sandals`, not `a.b.price` for `a.b.title`. */
const SUGGESTION_DISTANCE = 0.45;

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

/** Elements whose full name ends with `written`, a name as the HTML writes it in a scope (`.shoes`). */
function endingWith(written: string, observation: Observation): ObservedElement[] {
  return written.startsWith('.')
    ? observation.elements.filter((e) => e.name.endsWith(written))
    : [];
}

/**
 * The action with the full name the model meant when it copied a name as the HTML writes it
 * inside a scope (`.shoes` for `nav_bar.shoes`) and exactly one element's name ends so; otherwise
 * the action unchanged (checkActionOnPage then says what to do).
 */
export function withFullName(action: Action, observation: Observation): Action {
  if (action.type === 'terminate' || observation.elements.some((e) => e.name === action.name)) {
    return action;
  }
  const matches = endingWith(action.name, observation);
  return matches.length === 1 ? { ...action, name: matches[0]!.name } : action;
}

/** Names close enough to `name` to suggest in feedback: at most 5, clearly similar ones only. */
export function suggestedNames(name: string, names: string[]): string[] {
  return similarNames(name, names, { limit: 5, maxDistance: SUGGESTION_DISTANCE });
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

/** Why an action cannot be carried out on a page. */
export interface ActionProblem {
  /** One sentence addressed to the model: what is wrong and what to do instead. */
  message: string;
  /** The element name the action used (every problem here is about that element). */
  rejectedName: string;
}

/** Checks that an action can be carried out on this page: null when it can, else the problem. */
export function checkActionOnPage(
  action: Action,
  observation: Observation,
  options: CheckOptions = {},
): ActionProblem | null {
  if (action.type === 'terminate') return null;
  const message = problemMessage(action, observation, options);
  return message === null ? null : { message, rejectedName: action.name };
}

function problemMessage(
  action: Exclude<Action, { type: 'terminate' }>,
  observation: Observation,
  options: CheckOptions,
): string | null {
  const element = observation.elements.find((e) => e.name === action.name);
  if (!element) {
    const scoped = endingWith(action.name, observation).map((e) => e.name);
    if (scoped.length) {
      return (
        `"${action.name}" is how the HTML writes a name inside its scope, and it ends ` +
        `${scoped.length} names: ${scoped.slice(0, 5).join(', ')}. Answer with the full name ` +
        'as listed under "Named elements".'
      );
    }
    const similar = suggestedNames(
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
