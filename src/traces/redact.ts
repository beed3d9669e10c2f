import type { Observation, ObservedElement } from '../observe/observation.js';
import { soundsSensitive } from './sensitive-words.js';

/** Marker written instead of a secret value. */
export const REDACTED = '[redacted]';

/** Password, card number, CVC and similar fields: their values are never written to traces. */
function isSensitiveElement(element: Pick<ObservedElement, 'name' | 'inputType' | 'text'>): boolean {
  return element.inputType === 'password' || soundsSensitive(element.name) || soundsSensitive(element.text);
}

/**
 * A copy of the observation with the values of sensitive fields removed from the element list
 * and from the simplified HTML (value attributes and text of the named tags).
 */
export function redactObservation(observation: Observation): Observation {
  const sensitive = observation.elements.filter((e) => isSensitiveElement(e));
  if (sensitive.length === 0) return observation;
  let html = observation.html;
  for (const element of sensitive) {
    // Short values ("on", "1") are not secrets and would corrupt unrelated text.
    if (element.value && element.value.length >= 4) html = html.split(element.value).join(REDACTED);
    const tag = new RegExp(`(<[^>]*\\bname="${escapeRegExp(element.name)}"[^>]*?)\\svalue="[^"]*"`, 'g');
    html = html.replace(tag, `$1 value="${REDACTED}"`);
  }
  return {
    ...observation,
    html,
    elements: observation.elements.map((e) =>
      isSensitiveElement(e) && e.value ? { ...e, value: REDACTED } : e,
    ),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
