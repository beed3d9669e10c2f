import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/write.js';

describe('writeReport', () => {
  it('writes <name>.json and <name>.md into a new folder, leaving no temp files', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'shopsim-report-'));
    const dir = path.join(base, 'nested', 'run');
    const files = await writeReport(dir, 'eval', { json: { a: 1 }, markdown: '# Eval' });
    expect(files).toEqual({
      json: path.join(dir, 'eval.json'),
      markdown: path.join(dir, 'eval.md'),
    });
    expect(JSON.parse(await readFile(files.json, 'utf8'))).toEqual({ a: 1 });
    expect(await readFile(files.markdown, 'utf8')).toBe('# Eval\n');
    expect((await readdir(dir)).sort()).toEqual(['eval.json', 'eval.md']);
  });

  it('rejects a name that is not a plain file name', async () => {
    await expect(writeReport(os.tmpdir(), '../x', { json: {}, markdown: '' })).rejects.toThrow(
      /plain file name/,
    );
  });
});
