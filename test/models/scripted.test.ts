import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError, ModelBackendError } from '../../src/errors.js';
import { decide } from '../../src/models/decide.js';
import { ScriptedModel } from '../../src/models/scripted.js';
import { createModel } from '../../src/models/spec.js';
import { loadObservation, makeRequest, modelFixturePath } from '../support/model-fixtures.js';

const home = loadObservation('home-page');

describe('scripted model', () => {
  it('replays the file in order, records requests, and runs out with a backend error', async () => {
    const model = await createModel(`scripted:${modelFixturePath('script.json')}`);
    expect(model).toBeInstanceOf(ScriptedModel);
    const scripted = model as ScriptedModel;
    expect(scripted.remaining).toBe(3);

    const first = await decide(model, makeRequest(home), { maxAttempts: 2 });
    expect(first.action).toEqual({ type: 'click', name: 'categories.shoes' });
    expect(first.usage.attempts).toBe(2);
    const second = await decide(model, makeRequest(home, { history: [] }), { maxAttempts: 1 });
    expect(second.action).toEqual({ type: 'terminate' });

    expect(scripted.requests).toHaveLength(3);
    expect(scripted.requests[0]!.feedback).toEqual([]);
    expect(scripted.requests[1]!.feedback[0]!.problem).toMatch(/no JSON object/);
    expect(scripted.requests[2]!.observation.url).toBe(home.url);

    await expect(model.predict(makeRequest(home))).rejects.toThrow(
      /script ran out after 3 response\(s\)/,
    );
    await expect(model.predict(makeRequest(home))).rejects.toBeInstanceOf(ModelBackendError);
  });

  it('keeps copies of the requests it got', async () => {
    const model = new ScriptedModel(['a']);
    const request = makeRequest(home);
    await model.predict(request);
    request.feedback.push({ answer: 'Answer 1', problem: 'changed later' });
    expect(model.requests[0]!.feedback).toEqual([]);
  });

  it('rejects bad script files naming the file and entry', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-script-'));
    const write = async (name: string, text: string): Promise<string> => {
      const file = path.join(dir, name);
      await writeFile(file, text);
      return file;
    };
    const cases: [string, RegExp][] = [
      [await write('bad.json', '[ "a", '), /bad\.json: not valid JSON/],
      [await write('obj.json', '{"a": 1}'), /obj\.json: must hold a JSON array/],
      [await write('num.json', '["a", 5]'), /num\.json, field "\[1\]": each response must be/],
      [path.join(dir, 'missing.json'), /missing\.json: cannot read/],
    ];
    for (const [file, message] of cases) {
      const error = await ScriptedModel.fromFile(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputFileError);
      expect((error as Error).message).toMatch(message);
    }
  });
});
