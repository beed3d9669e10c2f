import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearUnfinished, finishedSessions } from '../../src/agent/resume.js';
import { firstDifference } from '../../src/agent/run-settings.js';
import { RunInfo, type Outcome } from '../../src/traces/schema.js';
import { TraceWriter } from '../../src/traces/writer.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'shopsim-resume-unit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function trace(sessionId: string, outcome: Outcome | null): Promise<void> {
  const writer = await TraceWriter.create(path.join(dir, `${sessionId}.jsonl`), {
    session_id: sessionId,
    source: 'simulated',
    site: 'builtin',
    started_at: new Date().toISOString(),
  });
  await writer.finish({ outcome: outcome ?? 'purchase' });
  if (outcome) return;
  // a killed run: the header was written, the end line never was
  const file = path.join(dir, `${sessionId}.jsonl`);
  await writeFile(file, (await readFile(file, 'utf8')).split('\n')[0] + '\n');
}

describe('finishedSessions', () => {
  it('counts every ended session but an interrupted one; a cut-off trace is unfinished', async () => {
    await trace('done-1', 'purchase');
    await trace('failed-1', 'error');
    await trace('stopped-1', 'interrupted');
    await trace('killed-1', null);
    await writeFile(path.join(dir, 'empty-1.jsonl'), '');
    await writeFile(path.join(dir, '_unfinished-1.old-1.jsonl'), '{"kind":"end"}\n');
    const finished = await finishedSessions(dir);
    expect([...finished.keys()].sort()).toEqual(['done-1', 'failed-1']);
  });

  it('moves an unfinished trace aside without overwriting an earlier one, and drops its screenshots', async () => {
    await mkdir(path.join(dir, 'screenshots', 'killed-1'), { recursive: true });
    await writeFile(path.join(dir, '_unfinished-1.killed-1.jsonl'), 'older');
    await clearUnfinished(dir, 'killed-1.jsonl', 'killed-1');
    const names = await readdir(dir);
    expect(names).not.toContain('killed-1.jsonl');
    expect(names).toContain('_unfinished-2.killed-1.jsonl');
    expect(await readdir(path.join(dir, 'screenshots'))).toEqual([]);
  });
});

describe('firstDifference', () => {
  const info = (over: Partial<RunInfo> = {}, config: Record<string, unknown> = {}) =>
    RunInfo.parse({
      schema_version: 2,
      run_id: 'r',
      kind: 'simulate',
      created_at: 'now',
      shopsim_version: '0',
      model: 'heuristic',
      seed: 1,
      personas: ['a', 'b'],
      ...over,
      config: { maxSteps: 5, concurrency: 2, shard: null, ...config },
    });

  it('names the first setting that changes what the run does', () => {
    expect(firstDifference(info(), info({ personas: ['b', 'a'] }))).toBeNull();
    expect(firstDifference(info(), info({}, { concurrency: 8, out: 'x' }))).toBeNull();
    expect(firstDifference(info(), info({ seed: 2 }))).toEqual({
      field: 'seed',
      before: 1,
      after: 2,
    });
    expect(firstDifference(info(), info({ personas: ['a'] }))?.field).toBe('personas');
    expect(firstDifference(info(), info({}, { maxSteps: 6 }))?.field).toBe('config.maxSteps');
    expect(firstDifference(info(), info({}, { shard: '1/2' }))?.field).toBe('config.shard');
    expect(firstDifference(info(), info({}, { shard: '1/2' }), ['shard'])).toBeNull();
  });
});
