import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPredictionLine } from '../../src/eval/prediction-line.js';
import { FIXTURES, HUMAN, runCli, tempDir } from './cli-helpers.js';

const UNUSABLE = path.join(FIXTURES, 'predictions', 'unusable.jsonl');

describe('a predictions line is checked field by field', () => {
  it.each([
    ['{"step":0,"action":{"type":"terminate"}}', 'session_id', /missing/],
    ['{"session_id":"s","action":{"type":"terminate"}}', 'step', /missing/],
    ['{"session_id":"s","step":0}', 'action', /missing; an action is/],
    ['{"session_id":"s","step":-1,"action":{"type":"terminate"}}', 'step', /0 or more, got -1/],
    [
      '{"session_id":"s","step":1.5,"action":{"type":"terminate"}}',
      'step',
      /whole number, got 1.5/,
    ],
    [
      '{"session_id":"s","step":"3","action":{"type":"terminate"}}',
      'step',
      /number, got the string "3"/,
    ],
    ['{"session_id":7,"step":0,"action":{"type":"terminate"}}', 'session_id', /string, got 7/],
    ['{"session_id":"s","step":0,"action":{"type":"click"}}', 'action.name', /expected string/],
    ['\u0000\u0001PK\u0003', null, /binary data/],
    ['caf\ufffd', null, /binary data/],
    ['{"session_id": "s",, }', null, /not valid JSON at column 20: expected a property name/],
    ['[1, 2]', null, /not a JSON object \(got a list\)/],
  ])('%s -> %s', (line, field, message) => {
    const verdict = checkPredictionLine(line);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.field).toBe(field);
    expect(verdict.message).toMatch(message);
  });

  it('keeps a good line, extra fields ignored', () => {
    const verdict = checkPredictionLine(
      '{"session_id":"s","step":2,"action":{"type":"click","name":"a.b","x":1},"note":1}',
    );
    expect(verdict).toEqual({
      ok: true,
      prediction: { session_id: 's', step: 2, action: { type: 'click', name: 'a.b' } },
    });
  });
});

describe('shopsim eval --predictions with bad files', () => {
  it('refuses a file with no usable line, naming lines and fields, and writes nothing', async () => {
    const out = path.join(await tempDir(), 'out');
    const run = await runCli(['eval', '--human', HUMAN, '--predictions', UNUSABLE, '--out', out]);
    expect(run.code).not.toBe(0);
    expect(run.stdout).not.toMatch(/accuracy/i);
    expect(run.stderr).toContain(UNUSABLE);
    expect(run.stderr).toMatch(/none of its 12 lines is a usable prediction/);
    expect(run.stderr).toMatch(/9 malformed, 2 naming no human step, 1 duplicate/);
    expect(run.stderr).toMatch(/First: line 1: field "session_id": missing/);
    expect(existsSync(out)).toBe(false);
  });

  it('keeps the usable lines and names each bad one (file, line, field)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'mixed.jsonl');
    const good = '{"session_id":"human-s4","step":0,"action":{"type":"terminate"}}';
    await writeFile(file, `${good}\n${await readFile(UNUSABLE, 'latin1')}`, 'latin1');
    const out = path.join(dir, 'out');
    const run = await runCli(['eval', '--human', HUMAN, '--predictions', file, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/over 18 steps of 5 sessions/);
    const expected = [
      'line 2: field "session_id": missing',
      'line 3: field "step": missing',
      'line 4: field "action": missing',
      'line 5: field "step": must be 0 or more, got -1',
      'line 6: field "step": session human-s1 has steps 0 to 5, not 9999',
      'line 7: field "step": must be a whole number, got 1.5',
      'line 8: field "step": must be a number, got the string "3"',
      'line 9: field "session_id": session "nobody" is not in the human traces',
      'line 10: second prediction for session nobody step 0',
      'line 11: binary data',
      'line 12: not valid JSON at column 38',
      'line 13: not a JSON object',
    ];
    for (const text of expected.slice(0, 10)) expect(run.stderr).toContain(`${file}: ${text}`);
    expect(run.stderr).toContain('… and 2 more');
    const md = await readFile(path.join(out, 'eval.md'), 'utf8');
    for (const text of expected) expect(md).toContain(text);
  });

  it('leaves no eval-settings.json behind when the predictions file is missing', async () => {
    const out = path.join(await tempDir(), 'out');
    const run = await runCli([
      'eval',
      '--human',
      HUMAN,
      '--predictions',
      '/nonexistent/preds.jsonl',
      '--out',
      out,
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(
      /\/nonexistent\/preds\.jsonl: cannot read the predictions file \(ENOENT\)/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('does not claim predictions are kept when none was written', async () => {
    const out = path.join(await tempDir(), 'out');
    const run = await runCli([
      'eval',
      '--human',
      '/nonexistent/human',
      '--model',
      'random',
      '--out',
      out,
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).not.toMatch(/kept in/);
    expect(run.stderr).toMatch(/no prediction was written, so there is nothing to resume/);
    expect(existsSync(out)).toBe(false);
  });

  it('names line and column when an output folder holds broken settings', async () => {
    const out = await tempDir();
    await writeFile(path.join(out, 'eval-settings.json'), '{\n  "mode": \n');
    const run = await runCli([
      'eval',
      '--human',
      HUMAN,
      '--predictions',
      path.join(FIXTURES, 'predictions', 'hand.jsonl'),
      '--out',
      out,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/eval-settings\.json is not valid JSON at line 3, column 1: /);
  });
});
