import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors.js';
import { parseTraceText, readTraceFile, readTraces } from '../../src/traces/reader.js';
import { createRun, readRunInfo } from '../../src/traces/run.js';
import { TRACE_SCHEMA_VERSION, type TraceHeader, type TraceStep } from '../../src/traces/schema.js';
import { TraceWriter } from '../../src/traces/writer.js';
import { SHOPSIM_VERSION } from '../../src/version.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, '../fixtures/traces/v1-session.jsonl');

function header(sessionId: string): TraceHeader {
  return {
    kind: 'header',
    schema_version: TRACE_SCHEMA_VERSION,
    session_id: sessionId,
    run_id: null,
    source: 'simulated',
    dataset: null,
    user_id: null,
    persona: null,
    site: 'http://127.0.0.1/',
    variant: 'a',
    model: 'scripted',
    seed: 1,
    started_at: new Date(0).toISOString(),
    shopsim_version: '0.1.0',
    replay_of: null,
  };
}

function step(index: number): TraceStep {
  return {
    kind: 'step',
    index,
    time: new Date(index * 1000).toISOString(),
    url: 'http://127.0.0.1/',
    observation: { url: 'http://127.0.0.1/', title: 't', html: '<p>x</p>', elements: [] },
    rationale: 'because',
    rationale_source: 'model',
    action: { type: 'click', name: `link_${index}` },
    click_type: null,
    result: { ok: true, error: null, url_after: null, execute_ms: 230, settle_ms: 150 },
    usage: null,
    raw: null,
    screenshot: null,
  };
}

describe('trace files', () => {
  it('old v1 fixtures keep parsing', async () => {
    const trace = await readTraceFile(fixture);
    expect(trace.header.session_id).toBe('fixture-v1');
    expect(trace.steps.map((s) => s.action.type)).toEqual(['type_and_submit', 'terminate']);
    expect(trace.end?.outcome).toBe('terminate');
  });

  it('writes header, steps and end that read back', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-trace-'));
    const file = path.join(dir, 's1.jsonl');
    const writer = await TraceWriter.create(file, header('s1'));
    await writer.appendStep(step(0));
    await writer.appendStep(step(1));
    await writer.end({ kind: 'end', outcome: 'terminate', steps: 2, duration_ms: 5, error: null, dropped_events: 0, order_id: null });
    const trace = await readTraceFile(file);
    expect(trace.steps).toHaveLength(2);
    expect(trace.end?.steps).toBe(2);
    await expect(writer.appendStep(step(2))).rejects.toThrow(/already ended/);
  });

  it('refuses to write an invalid step, leaving the file valid', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-trace-'));
    const file = path.join(dir, 's.jsonl');
    const writer = await TraceWriter.create(file, header('s'));
    const bad = { ...step(0), action: { type: 'click' } } as unknown as TraceStep;
    await expect(writer.appendStep(bad)).rejects.toThrow();
    await writer.abandon();
    expect((await readTraceFile(file)).steps).toHaveLength(0);
  });

  it('accepts a file cut off in the middle of its last line', () => {
    const text = [JSON.stringify(header('c')), JSON.stringify(step(0)), '{"kind":"step","ind'].join('\n');
    const { trace, issues } = parseTraceText('c.jsonl', text);
    expect(issues).toEqual([]);
    expect(trace?.steps).toHaveLength(1);
    expect(trace?.end).toBeNull();
  });

  it('reports the file, line and field of a broken step', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-trace-'));
    const file = path.join(dir, 'broken.jsonl');
    const broken = { ...step(0), index: 'zero' };
    await writeFile(file, [JSON.stringify(header('b')), JSON.stringify(broken), ''].join('\n'));
    const error = await readTraceFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as Error).message).toContain(`${file}, line 2, field "index"`);
  });

  it('flags a newer schema version and misnumbered steps', () => {
    const text = [JSON.stringify({ ...header('n'), schema_version: 99 }), JSON.stringify(step(3))].join('\n');
    const messages = parseTraceText('n.jsonl', text).issues.map((i) => i.message);
    expect(messages.some((m) => m.startsWith('schema_version'))).toBe(true);
    expect(messages).toContain('index: expected 0, got 3');
  });

  it('keeps every completed step of a run killed with SIGKILL', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-kill-'));
    const file = path.join(dir, 'killed.jsonl');
    const writerModule = path.join(here, '../../dist/src/traces/writer.js');
    // A child writes steps forever; we kill it after it reported five steps.
    const script = `
      const { TraceWriter } = await import(${JSON.stringify(writerModule)});
      const header = ${JSON.stringify(header('killed'))};
      const step = ${JSON.stringify(step(0))};
      const w = await TraceWriter.create(${JSON.stringify(file)}, header);
      for (let i = 0; ; i++) { await w.appendStep({ ...step, index: i }); process.stdout.write(i + '\\n'); }
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let reported = -1;
    await new Promise<void>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`writer child exited early with code ${code}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        reported = Number(lines[lines.length - 1]);
        if (reported >= 5) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.on('exit', r));
    const trace = await readTraceFile(file);
    expect(trace.end).toBeNull();
    expect(trace.steps.length).toBeGreaterThanOrEqual(reported + 1);
    expect(trace.steps.every((s, i) => s.index === i)).toBe(true);
  });

  it('creates run folders with run.json and finds sessions under them', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'shopsim-runs-'));
    const run = await createRun({ kind: 'simulate', site: 'x', variant: 'a', model: 'heuristic', seed: 1, personas: ['p'], config: {}, baseDir: base });
    expect(run.info.run_id).toMatch(/^\d{8}-\d{6}-simulate-[0-9a-f]{4}$/);
    expect((await readRunInfo(run.dir)).model).toBe('heuristic');
    const w = await TraceWriter.create(path.join(run.dir, 'a.jsonl'), header('a'));
    await w.abandon();
    // Eval predictions and SFT exports living in run folders are not sessions.
    for (const sidecar of ['predictions.jsonl', 'train.jsonl', 'validation.jsonl', 'test.jsonl']) {
      await writeFile(path.join(run.dir, sidecar), '{"messages":[]}\n');
    }
    const traces = await readTraces(base);
    expect(traces.map((t) => t.header.session_id)).toEqual(['a']);
    expect(JSON.parse(await readFile(path.join(run.dir, 'run.json'), 'utf8')).kind).toBe('simulate');
  });
});

describe('TraceWriter headers', () => {
  it('fills in the kind, the schema and shopsim versions, and the null defaults', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-header-'));
    const file = path.join(dir, 'minimal.jsonl');
    const writer = await TraceWriter.create(file, {
      session_id: 'minimal',
      source: 'human',
      site: 'http://127.0.0.1/',
      started_at: new Date(0).toISOString(),
    });
    await writer.abandon();
    const trace = await readTraceFile(file);
    expect(trace.header).toMatchObject({
      kind: 'header',
      schema_version: TRACE_SCHEMA_VERSION,
      shopsim_version: SHOPSIM_VERSION,
      dataset: null,
      persona: null,
      replay_of: null,
    });
  });
});
