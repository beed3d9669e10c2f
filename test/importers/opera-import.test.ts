import { appendFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOpera, type OperaImportSummary } from '../../src/importers/opera/import-opera.js';
import { personaIdFor } from '../../src/importers/opera/survey-persona.js';
import { loadPersonas } from '../../src/persona.js';
import { readRunInfo, sessionFileName } from '../../src/traces/run.js';
import { readTraceFile } from '../../src/traces/reader.js';
import type { Trace } from '../../src/traces/schema.js';
import {
  MALFORMED_ROWS,
  SESSION_A,
  SESSION_B,
  SESSION_C,
  SESSION_D,
  USERS,
  writeOperaDataset,
} from './opera-fixture.js';
import { runCli } from '../support/cli.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'shopsim-opera-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const load = (dir: string, session: string): Promise<Trace> =>
  readTraceFile(path.join(dir, sessionFileName(session)));

const actionsOf = (trace: Trace): string[] =>
  trace.steps.map((s) =>
    s.action.type === 'terminate'
      ? 'terminate'
      : s.action.type === 'click'
        ? `click ${s.action.name}`
        : `type_and_submit ${s.action.name} ${s.action.text}`,
  );

function checkImported(summary: OperaImportSummary, dataFile: RegExp): void {
  expect(summary.sessions).toBe(4);
  expect(summary.steps).toBe(9);
  expect(summary.scrollRows).toBe(1);
  expect(summary.outcomes).toEqual({ purchase: 2, terminate: 2 });
  expect(summary.personas).toBe(2);
  expect(summary.sessionsWithoutPersona).toBe(1);
  for (const { row, problem } of MALFORMED_ROWS) {
    const issue = summary.issues.find((i) => i.row === row);
    expect(issue, `row ${row}`).toBeDefined();
    expect(issue!.problem).toMatch(problem);
    expect(issue!.file).toMatch(dataFile);
  }
}

async function checkTraces(dir: string): Promise<void> {
  const a = await load(dir, SESSION_A);
  expect(a.header).toMatchObject({
    session_id: SESSION_A,
    source: 'human',
    dataset: 'opera',
    user_id: USERS.U1,
    site: 'https://www.amazon.com',
  });
  expect(actionsOf(a)).toEqual([
    'type_and_submit nav_bar.search_input rice cooker',
    'click search_results.item_1.title_link',
    'click product.buy_now',
    'terminate',
  ]);
  expect(a.steps.map((s) => s.click_type)).toEqual(['search', 'product_link', 'purchase', null]);
  const product = a.steps[1]!;
  expect(product.rationale).toBe('It has the best reviews and fits my budget.');
  expect(product.rationale_source).toBe('self_reported');
  expect(a.steps[0]!.rationale_source).toBeNull();
  expect(product.screenshot).toBe('12.png');
  expect(product.url).toBe('https://www.amazon.com/s?k=rice+cooker');
  expect(product.observation.title).toBe('Amazon.com : rice cooker');
  expect(product.observation.html).toContain('Zojirushi Rice Cooker');
  const link = product.observation.elements.find(
    (e) => e.name === 'search_results.item_1.title_link',
  );
  expect(link).toMatchObject({ kind: 'link', text: 'Tiger 10-Cup Rice Cooker', href: '/dp/B01' });
  expect(product.observation.elements.map((e) => e.name)).toContain('nav_bar.search_input');
  expect(a.steps[0]!.time).toBe('2025-04-14T21:52:57.792Z');
  expect(a.end).toMatchObject({ outcome: 'purchase', steps: 4, duration_ms: 172_208 });

  const persona = a.header.persona!;
  expect(persona.id).toBe(personaIdFor(USERS.U1));
  expect(persona.demographics).toEqual({
    age: 30,
    gender: 'female',
    income_band: 'middle',
    location: 'Boston, MA',
  });
  expect(persona.shopping_style).toMatchObject({ price_sensitivity: 'high', thoroughness: 'high' });
  expect(persona.preferred_brands).toEqual(['Zojirushi', 'Tiger']);
  expect(persona.background).toContain('"shopping_frequency":"Weekly"');

  const b = await load(dir, SESSION_B);
  expect(actionsOf(b)).toEqual([
    'click home.deals_link',
    'click product.add_to_cart',
    'type_and_submit nav_bar.search_input Rice Paddle',
  ]);
  expect(b.end?.outcome).toBe('terminate'); // purchase click, then more browsing
  expect(b.header.persona?.id).toBe(persona.id);

  const c = await load(dir, SESSION_C);
  expect(c.end?.outcome).toBe('purchase'); // ends in a purchase click, no terminate row
  expect(c.header.persona?.demographics).toEqual({
    age: 58,
    gender: 'male',
    income_band: 'high',
    location: 'Texas',
  });
  expect(c.header.persona?.shopping_style).toMatchObject({
    patience: 'low',
    price_sensitivity: 'low',
  });

  const d = await load(dir, SESSION_D);
  expect(actionsOf(d)).toEqual(['terminate']);
  expect(d.header.persona).toBeNull();
  expect(d.end?.outcome).toBe('terminate');

  const personas = await loadPersonas([path.join(dir, 'personas')]);
  expect(personas.map((p) => p.id).sort()).toEqual(
    [personaIdFor(USERS.U1), personaIdFor(USERS.U2)].sort(),
  );
  const info = await readRunInfo(dir);
  expect(info.kind).toBe('import');
  expect(info.personas).toHaveLength(2);
}

describe('import opera', () => {
  it('imports the Parquet tables in the published layout', async () => {
    const data = path.join(work, 'parquet');
    await writeOperaDataset(data, 'parquet');
    const out = path.join(work, 'runs', 'from-parquet');
    const summary = await importOpera({ source: data, out });
    checkImported(summary, /OPeRA_filtered\/action\/train\/train-00000-of-00001\.parquet$/);
    await checkTraces(out);
    const files = (await readdir(out)).filter((f) => f.endsWith('.jsonl'));
    expect(files).toHaveLength(4);
    const validated = await runCli(['traces', 'validate', out]);
    expect(validated.stdout).toContain('files valid');
    expect(validated.code).toBe(0);
  });

  it('imports the JSONL form through the CLI, reporting a bad JSON line by number', async () => {
    const data = path.join(work, 'jsonl');
    await writeOperaDataset(data, 'jsonl');
    await appendFile(path.join(data, 'action.jsonl'), '{"session_id": "x", broken\n');
    const out = path.join(work, 'runs', 'from-jsonl');
    const result = await runCli(['import', 'opera', data, '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as OperaImportSummary;
    checkImported(summary, /action\.jsonl$/);
    expect(summary.skippedRows).toBe(5);
    expect(summary.issues).toContainEqual({
      file: path.join(data, 'action.jsonl'),
      row: 15,
      problem: 'not valid JSON at column 21; skipped',
    });
    await checkTraces(out);
    expect((await runCli(['traces', 'validate', out])).code).toBe(0);
  });

  it('prints a readable summary, and refuses a folder without an action table', async () => {
    const data = path.join(work, 'jsonl-text');
    await writeOperaDataset(data, 'jsonl');
    const result = await runCli([
      'import',
      'opera',
      data,
      '--out',
      path.join(work, 'runs', 'text'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Imported 4 sessions \(9 steps\)/);
    expect(result.stdout).toMatch(/2 purchase, 2 terminate/);
    expect(result.stdout).toMatch(/4 malformed rows, 1 scroll row/);
    expect(result.stdout).toMatch(/action\.jsonl row 8: click without semantic_id; skipped/);

    const empty = path.join(work, 'no-actions');
    await writeOperaDataset(empty, 'jsonl');
    await rm(path.join(empty, 'action.jsonl'));
    const refused = await runCli(['import', 'opera', empty]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds no action table/);
    expect(refused.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('keeps the survey text and the first session when the same rows come twice', async () => {
    const data = path.join(work, 'dupes');
    await writeOperaDataset(data, 'jsonl');
    const text = await readFile(path.join(data, 'action.jsonl'), 'utf8');
    await appendFile(path.join(data, 'action.jsonl'), text.split('\n')[0]! + '\n');
    const summary = await importOpera({ source: data, out: path.join(work, 'runs', 'dupes') });
    expect(summary.steps).toBe(9);
    expect(summary.issues.at(-1)?.problem).toMatch(/duplicate action_id act-1/);
  });
});
