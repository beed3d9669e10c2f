import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTraces } from '../../src/traces/reader.js';
import type { Trace } from '../../src/traces/schema.js';

/** The checked-in human sessions (5 sessions, 4 users + 1 persona without user id). */
export const SYNTH_HUMAN = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/synth/human',
);

/** A fresh temp folder. */
export function tempDir(prefix = 'shopsim-synth-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** A copy of the human fixtures in a temp folder, so a test can check they are left untouched. */
export async function copyHumanFixtures(): Promise<string> {
  const dir = path.join(await tempDir(), 'human');
  await cp(SYNTH_HUMAN, dir, { recursive: true });
  return dir;
}

/** Every file's bytes under the fixture copy, to compare before and after. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const traces = await readTraces(dir);
  const out: Record<string, string> = {};
  for (const t of traces) out[path.basename(t.file)] = await readFile(t.file, 'utf8');
  return out;
}

export function bySession(traces: Trace[]): Map<string, Trace> {
  return new Map(traces.map((t) => [t.header.session_id, t]));
}
