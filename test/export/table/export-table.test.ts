import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { SESSION_COLUMNS, STEP_COLUMNS } from '../../../src/export/table/columns.js';
import { csvField } from '../../../src/export/table/csv.js';
import { runCli } from '../../support/cli.js';
import { csvObjects } from './csv-parse.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const QUOTING = path.join(ROOT, 'test/fixtures/table/quoting.jsonl');
const V1 = path.join(ROOT, 'test/fixtures/traces/v1-session.jsonl');

async function exportTable(...args: string[]) {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'shopsim-table-')), 'tables');
  const result = await runCli(['export', 'table', QUOTING, V1, '--out', out, '--json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const summary = JSON.parse(result.stdout) as {
    sessions: number;
    steps: number;
    files: { sessions: string; steps: string };
  };
  return summary;
}

describe('export table', () => {
  it('quotes CSV fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
  });

  it('writes sessions and steps as CSV that reads back field for field', async () => {
    const summary = await exportTable('--format', 'csv');
    expect(summary).toMatchObject({ sessions: 2, steps: 5 });
    const sessions = csvObjects(await readFile(summary.files.sessions, 'utf8'));
    expect(Object.keys(sessions[0]!)).toEqual(SESSION_COLUMNS.map((c) => c.name));
    const quoting = sessions.find((s) => s.session_id === 'quoting-1')!;
    expect(quoting).toMatchObject({
      outcome: 'terminate',
      purchased: 'false',
      steps: '3',
      failed_steps: '1',
      steps_with_rationale: '2',
      prompt_tokens: '200',
      completion_tokens: '30',
      model_calls: '3',
      seed: '4294967296',
      persona_id: '',
    });
    const steps = csvObjects(await readFile(summary.files.steps, 'utf8'));
    expect(Object.keys(steps[0]!)).toEqual(STEP_COLUMNS.map((c) => c.name));
    const first = steps.find((s) => s.session_id === 'quoting-1' && s.step_index === '0')!;
    expect(first).toMatchObject({
      variant: 'b',
      outcome: 'terminate',
      page_title: 'Home, "best" shop',
      action_type: 'type_and_submit',
      action_text: 'trail, shoes',
      rationale: 'I want shoes, "trail" ones,\nand cheap.',
      result_ok: 'true',
      execute_ms: '412',
      settle_ms: '150',
      observation_elements: '1',
    });
    const html = '<h1>Café – ünïcode</h1><input name="nav_bar.search_input">';
    expect(first.observation_bytes).toBe(String(Buffer.byteLength(html)));
    expect(Number(first.observation_tokens)).toBeGreaterThan(5);
    expect(Number(first.observation_tokens)).toBeLessThan(html.length);
    expect(first).not.toHaveProperty('observation_html');
    const refused = steps.find((s) => s.session_id === 'quoting-1' && s.step_index === '1')!;
    expect(refused).toMatchObject({
      result_ok: 'false',
      rationale: '',
      model_calls: '2',
      execute_ms: '',
    });
  });

  it('round-trips Parquet through hyparquet, with the HTML on request', async () => {
    const summary = await exportTable('--format', 'parquet', '--with-html');
    const read = async (file: string) =>
      (await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Record<
        string,
        unknown
      >[];
    const sessions = await read(summary.files.sessions);
    expect(sessions).toHaveLength(2);
    const v1 = sessions.find((s) => s.session_id === 'fixture-v1')!;
    expect(v1).toMatchObject({
      outcome: 'terminate',
      steps: 2,
      duration_ms: 2000,
      model: 'heuristic',
    });
    expect(v1.prompt_tokens).toBeNull();
    const steps = await read(summary.files.steps);
    expect(steps).toHaveLength(5);
    const first = steps.find((s) => s.session_id === 'quoting-1' && s.step_index === 0)!;
    expect(first).toMatchObject({
      rationale: 'I want shoes, "trail" ones,\nand cheap.',
      result_ok: true,
      prompt_tokens: 120,
      model_latency_ms: 250.5,
      seed: 4294967296,
      observation_html: '<h1>Café – ünïcode</h1><input name="nav_bar.search_input">',
    });
    const refused = steps.find((s) => s.session_id === 'quoting-1' && s.step_index === 1)!;
    expect(refused).toMatchObject({ result_ok: false, completion_tokens: null, rationale: null });
  });

  it('refuses an unknown format', async () => {
    const result = await runCli(['export', 'table', V1, '--format', 'xlsx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format xlsx: use csv or parquet/);
  });
});
