import type { Observation, ObservedElement } from '../../src/observe/observation.js';

/** The name of the one observed element matching `test`; fails loudly with the element list. */
export function nameOf(observation: Observation, test: (e: ObservedElement) => boolean): string {
  const found = observation.elements.filter(test);
  if (found.length !== 1) {
    const list = observation.elements.map((e) => `${e.name} [${e.kind}] ${e.text}`).join('\n');
    throw new Error(`expected one matching element, found ${found.length} among:\n${list}`);
  }
  return found[0]!.name;
}

export const byText =
  (text: string, kind?: ObservedElement['kind']) =>
  (e: ObservedElement): boolean =>
    e.text.includes(text) && (!kind || e.kind === kind);
