import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Observation } from '../../src/observe/observation.js';
import { SessionRecorder } from '../../src/record/session-recorder.js';
import { REDACTED } from '../../src/record/sensitive.js';
import { readTraceFile } from '../../src/traces/reader.js';
import { TraceWriter } from '../../src/traces/writer.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'shopsim-recorder-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const page = (url: string, title: string, value = ''): Observation => ({
  url,
  title,
  html: `<h1>${title}</h1><input name="login.password" type="password" value="${value}">`,
  elements: [
    {
      name: 'login.password',
      kind: 'text_input',
      text: 'Password',
      tag: 'input',
      href: null,
      value,
      checked: null,
      disabled: false,
      inputType: 'password',
      screen: null,
      prominence: null,
    },
  ],
});

it('writes steps in arrival order, counts dropped clicks, ignores bad messages, ends with terminate', async () => {
  const file = path.join(dir, 's.jsonl');
  const writer = await TraceWriter.create(file, {
    kind: 'header', schema_version: 1, session_id: 's', run_id: null, source: 'human',
    dataset: 'shopsim-record', user_id: null, persona: null, site: 'http://shop.test/',
    variant: null, model: null, seed: null, started_at: new Date().toISOString(),
    shopsim_version: '0.1.0', replay_of: null,
  }); // prettier-ignore
  const recorder = new SessionRecorder(writer, Date.now());
  const login = page('http://shop.test/login', 'Sign in');
  const secret = [{ name: 'login.password', field: 'pw', value: 'opensesame' }];
  void recorder.accept({
    kind: 'observed',
    time: new Date().toISOString(),
    observation: login,
    sensitive: [],
  });
  void recorder.accept({
    kind: 'dropped',
    time: new Date().toISOString(),
    url: login.url,
    reason: 'x',
  });
  void recorder.accept({ kind: 'action', action: { type: 'click' } }); // invalid: ignored
  void recorder.accept({
    kind: 'action', time: new Date().toISOString(), url: login.url,
    action: { type: 'type_and_submit', name: 'login.password', text: 'opensesame' },
    secretTarget: true, observation: login, sensitive: secret,
  }); // prettier-ignore
  const after = page('http://shop.test/order/ORD-12345678', 'Order placed', 'opensesame');
  void recorder.accept({
    kind: 'observed',
    time: new Date().toISOString(),
    observation: after,
    sensitive: [],
  });
  const summary = await recorder.finish();
  await recorder.accept({ kind: 'dropped', time: '', url: '', reason: 'late' }); // after the end: ignored
  expect(summary).toMatchObject({ steps: 2, droppedEvents: 1, invalidMessages: 1, outcome: 'purchase', orderId: 'ORD-12345678' }); // prettier-ignore
  const trace = await readTraceFile(file);
  expect(trace.steps.map((s) => s.action)).toEqual([
    { type: 'type_and_submit', name: 'login.password', text: REDACTED },
    { type: 'terminate' },
  ]);
  expect(trace.steps[1]!.url).toBe('http://shop.test/order/ORD-12345678');
  expect(trace.end).toMatchObject({ outcome: 'purchase', steps: 2, dropped_events: 1, order_id: 'ORD-12345678' }); // prettier-ignore
  // the password echoed on a later page is still scrubbed (remembered from the earlier step)
  expect(await readFile(file, 'utf8')).not.toContain('opensesame');
});
