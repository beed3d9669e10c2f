import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importOpera } from '../../src/importers/opera/import-opera.js';
import { sessionFileName } from '../../src/traces/run.js';
import { readTraceFile } from '../../src/traces/reader.js';
import { runCli } from '../support/cli.js';

const DATA = fileURLToPath(new URL('../fixtures/opera-repeated-ids', import.meta.url));
const ACTIONS = path.join(DATA, 'action.jsonl');
const session = (i: number): string =>
  `u${i}_2025-05-0${i}T10:00:00.000000Z_2025-05-0${i}T10:05:00.000000Z`;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'shopsim-opera-ids-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

it('keeps sessions whose action ids repeat those of other sessions', async () => {
  const out = path.join(work, 'run');
  const summary = await importOpera({ source: DATA, out });
  expect(summary.sessions).toBe(3);
  expect(summary.steps).toBe(7);
  expect(summary.outcomes).toEqual({ purchase: 1, terminate: 2 });
  const steps = async (i: number): Promise<number> =>
    (await readTraceFile(path.join(out, sessionFileName(session(i))))).steps.length;
  expect([await steps(1), await steps(2), await steps(3)]).toEqual([3, 2, 2]);

  // every dropped row says which session it belonged to and why
  expect(summary.skippedRows).toBe(2);
  expect(summary.issues).toEqual([
    {
      file: ACTIONS,
      row: 7,
      session: session(3),
      problem: `duplicate action_id 1 in its session (first at ${ACTIONS} row 6); skipped`,
    },
    {
      file: ACTIONS,
      row: 9,
      session: session(4),
      problem: expect.stringMatching(/^unknown action_type "hover" .*; skipped$/),
    },
  ]);
  expect(summary.droppedSessions).toEqual([session(4)]);
});

it('prints each dropped row with its session, and the sessions left with no usable row', async () => {
  const result = await runCli(['import', 'opera', DATA, '--out', path.join(work, 'cli')]);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/row 7: duplicate action_id 1 .*; skipped \(session u3_/);
  expect(result.stdout).toContain(`dropped: 1 session with no usable row: ${session(4)}`);
});
