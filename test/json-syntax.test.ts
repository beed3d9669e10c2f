import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { findJsonSyntaxError } from '../src/json-syntax.js';
import { ScriptedChat } from '../src/models/scripted-chat.js';
import { ScriptedModel } from '../src/models/scripted.js';
import { loadRecipe } from '../src/observe/recipe.js';
import { loadPersonaFile } from '../src/persona.js';
import { validatePath } from '../src/traces/validate.js';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{\n  "a": 1,\n  "b": }\n', 3, 8, 'unexpected "}"'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}'"],
    ['{"a": [1, 2,]}', 1, 13, 'unexpected "]"'],
    ['{"a": 1,}', 1, 9, "trailing comma before '}'"],
    ["{'a': 1}", 1, 2, 'property name in double quotes'],
    ['{"a": "line\nbreak"}', 1, 12, 'control character'],
    ['{"a": "\\x"}', 1, 8, 'bad escape'],
    ['{"a": "open', 1, 12, 'string is not closed'],
    ['[1, 2', 1, 6, 'the text ends too early'],
    ['{"a": 1} x', 1, 10, 'more text after the JSON value'],
    ['', 1, 1, 'the text ends too early'],
    ['{"a": tru}', 1, 7, 'unexpected "t"'],
  ])('%j -> line %i, column %i', (text, line, column, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    const found = findJsonSyntaxError(text);
    expect(found).toMatchObject({ line, column });
    expect(found!.problem).toContain(problem);
  });

  it.each(['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]}', ' 7 ', '"s"'])(
    'accepts %j',
    (text) => {
      expect(findJsonSyntaxError(text)).toBeNull();
    },
  );

  it('survives very deep nesting', () => {
    const text = '['.repeat(100_000);
    expect(findJsonSyntaxError(text)?.problem).toMatch(/nesting deeper than/);
  });
});

describe('every JSON input file reports line and column', () => {
  const broken = '{\n  "id": "x",\n  "intent": oops\n}\n';
  const where = /line 3, column 13/;

  it('persona, recipe, config, scripted models and trace sidecars', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-json-'));
    const file = path.join(dir, 'bad.json');
    await writeFile(file, broken);
    const messages = [
      await loadPersonaFile(file).catch((e: Error) => e.message),
      (() => {
        try {
          loadRecipe(file);
          return '';
        } catch (e) {
          return (e as Error).message;
        }
      })(),
      (() => {
        try {
          resolveConfig({ file, env: {} });
          return '';
        } catch (e) {
          return (e as Error).message;
        }
      })(),
      await ScriptedModel.fromFile(file).catch((e: Error) => e.message),
      (() => {
        try {
          ScriptedChat.fromFile(file);
          return '';
        } catch (e) {
          return (e as Error).message;
        }
      })(),
    ];
    for (const message of messages) {
      expect(message).toContain(file);
      expect(message).toMatch(where);
      expect(message).toMatch(/unexpected "o"/);
    }
    const run = path.join(dir, 'run');
    await import('node:fs/promises').then((fs) => fs.mkdir(run));
    await writeFile(path.join(run, 'run.json'), broken);
    const report = await validatePath(run);
    expect(report.issues).toEqual([
      {
        file: path.join(run, 'run.json'),
        line: 3,
        message: 'not valid JSON at line 3, column 13: unexpected "o"',
      },
    ]);
  });
});
