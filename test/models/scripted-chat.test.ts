import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError, ModelBackendError } from '../../src/errors.js';
import type { ChatRequest } from '../../src/models/chat.js';
import { ScriptedChat } from '../../src/models/scripted-chat.js';
import { tempDir } from '../synthesize/synth-fixtures.js';

const ask = (key?: string): ChatRequest => ({
  messages: [{ role: 'user', content: 'hi' }],
  ...(key ? { key } : {}),
});

describe('scripted chat', () => {
  it('answers an array in call order, objects as JSON text, and records every request', async () => {
    const chat = new ScriptedChat(['one', { a: 1 }, null]);
    expect((await chat.chat(ask())).text).toBe('one');
    expect(await chat.chat(ask('k'))).toEqual({
      text: '{"a":1}',
      refusal: null,
      promptTokens: null,
      completionTokens: null,
    });
    await expect(chat.chat(ask())).rejects.toThrow(/scripted failure for call 3/);
    await expect(chat.chat(ask())).rejects.toThrow(/no answer left/);
    expect(chat.requests.map((r) => r.key ?? null)).toEqual([null, 'k', null, null]);
    expect(chat.constrained).toBe(false);
  });

  it('looks answers up by key, with "*" as the fallback', async () => {
    const chat = new ScriptedChat({ 's#0': 'first', 's#1': null, '*': 'any' });
    expect((await chat.chat(ask('s#0'))).text).toBe('first');
    await expect(chat.chat(ask('s#1'))).rejects.toBeInstanceOf(ModelBackendError);
    expect((await chat.chat(ask('s#9'))).text).toBe('any');
    expect((await chat.chat(ask('toString'))).text).toBe('any');
    const strict = new ScriptedChat({ 's#0': 'first' });
    await expect(strict.chat(ask('s#2'))).rejects.toThrow(/no entry "s#2" and no "\*"/);
  });

  it('keeps copies of the messages it got', async () => {
    const chat = new ScriptedChat(['a']);
    const request = ask();
    await chat.chat(request);
    request.messages[0]!.content = 'changed later';
    expect(chat.requests[0]!.messages[0]!.content).toBe('hi');
  });

  it('reads script files and names the file and entry of a bad one', async () => {
    const dir = await tempDir('shopsim-chat-script-');
    const write = async (name: string, text: string): Promise<string> => {
      const file = path.join(dir, name);
      await writeFile(file, text);
      return file;
    };
    const good = ScriptedChat.fromFile(await write('ok.json', '{"*": "fine"}'));
    expect(good.id).toBe(`scripted:${dir}/ok.json`);
    expect((await good.chat(ask('x'))).text).toBe('fine');
    const cases: [string, RegExp][] = [
      [await write('num.json', '5'), /num\.json, field "\(root\)": give a JSON array/],
      [await write('bad.json', '["a", 5]'), /bad\.json, field "1": each answer must be/],
      [await write('broken.json', '[ "a", '), /broken\.json: cannot read the scripted answers/],
    ];
    for (const [file, message] of cases) {
      const error = (() => {
        try {
          ScriptedChat.fromFile(file);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(InputFileError);
      expect((error as Error).message).toMatch(message);
    }
  });
});
