import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/action.js';
import { modelSource } from '../../src/agent/model-source.js';
import { ScriptedModel } from '../../src/models/scripted.js';
import { runSessionLoop } from '../../src/session/loop.js';
import { readTraceFile } from '../../src/traces/reader.js';
import { TraceStep, type TargetBox } from '../../src/traces/schema.js';
import { TraceWriter } from '../../src/traces/writer.js';
import { FakeSession, TINY_SHOP } from '../support/fake-session.js';

const VIEWPORT = { width: 1280, height: 800 };

/** A fake session that knows where each element is drawn (the browser layer's job). */
class BoxedSession extends FakeSession {
  readonly asked: Action[] = [];
  targetBox(action: Action): Promise<TargetBox | null> {
    this.asked.push(action);
    if (action.type === 'terminate') return Promise.resolve(null);
    return Promise.resolve({
      x: 10,
      y: 20,
      width: action.name.length,
      height: 30,
      viewport: VIEWPORT,
    });
  }
}

async function run(screenshotDir: string | null) {
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-box-'));
  const writer = await TraceWriter.create(path.join(dir, 's.jsonl'), {
    session_id: 'box',
    source: 'simulated',
    site: 'http://shop.test',
    started_at: new Date().toISOString(),
  });
  const session = new BoxedSession(TINY_SHOP);
  const model = new ScriptedModel([
    { rationale: 'a', action: { type: 'click', name: 'results.item_1.title_link' } },
    { rationale: 'b', action: { type: 'terminate' } },
  ]);
  await runSessionLoop({
    open: () => Promise.resolve(session),
    source: modelSource({ model, persona: null, maxAttempts: 1, historyPages: 1 }),
    writer,
    maxSteps: 5,
    screenshotDir,
  });
  return { session, trace: await readTraceFile(writer.file) };
}

describe('the target box of a step', () => {
  it('is recorded with each screenshot, null for terminate', async () => {
    const { trace } = await run('/tmp/shots');
    expect(trace.steps[0]!.screenshot).toBe('/tmp/shots/step-000.png');
    expect(trace.steps[0]!.target_box).toEqual({
      x: 10,
      y: 20,
      width: 'results.item_1.title_link'.length,
      height: 30,
      viewport: VIEWPORT,
    });
    expect(trace.steps[1]!.target_box).toBeNull();
  });

  it('is neither asked for nor written without screenshots; old steps without it still parse', async () => {
    const { session, trace } = await run(null);
    expect(session.asked).toEqual([]);
    expect('target_box' in trace.steps[0]!).toBe(false);
    const old = { ...trace.steps[0]! } as Record<string, unknown>;
    delete old.target_box;
    expect(TraceStep.safeParse(old).success).toBe(true);
    expect(TraceStep.safeParse({ ...old, target_box: { x: 1 } }).success).toBe(false);
  });
});
