import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HistoryStep, PredictRequest } from '../../src/models/model.js';
import { Observation } from '../../src/observe/observation.js';
import { Persona } from '../../src/persona.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/models');

/** Path of a file in test/fixtures/models. */
export function modelFixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

/** A checked-in observation: 'home-page' (search box, links, a disabled button, a textarea) or 'product-page'. */
export function loadObservation(name: 'home-page' | 'product-page'): Observation {
  return Observation.parse(JSON.parse(readFileSync(modelFixturePath(`${name}.json`), 'utf8')));
}

/** A valid persona (Maya, trail running shoes under $100). */
export function loadTestPersona(): Persona {
  return Persona.parse(JSON.parse(readFileSync(modelFixturePath('persona.json'), 'utf8')));
}

/** A predict request on `observation` with sensible defaults. */
export function makeRequest(
  observation: Observation,
  overrides: Partial<PredictRequest> = {},
): PredictRequest {
  return {
    persona: loadTestPersona(),
    history: [] as HistoryStep[],
    observation,
    feedback: [],
    historyPages: 1,
    ...overrides,
  };
}
