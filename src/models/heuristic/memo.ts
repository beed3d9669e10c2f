import type { Observation } from '../../observe/observation.js';

/**
 * `compute`, remembered per observation: history pages are read again at every step, so what is
 * read from one (is it a product page, its text) is worked out once.
 */
export function perObservation<T>(compute: (observation: Observation) => T) {
  const known = new WeakMap<Observation, T>();
  return (observation: Observation): T => {
    if (known.has(observation)) return known.get(observation) as T;
    const value = compute(observation);
    known.set(observation, value);
    return value;
  };
}
