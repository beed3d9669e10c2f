import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBED_LIMIT_BYTES, ScreenshotSources } from '../../../src/report/html/screenshots.js';
import type { Trace, TraceStep } from '../../../src/traces/schema.js';

const step = (screenshot: string | null) => ({ screenshot }) as TraceStep;

function trace(file: string, shots: (string | null)[]): Trace {
  return { file, header: {} as Trace['header'], steps: shots.map(step), end: null };
}

describe('screenshots in the report', () => {
  it('embeds small ones as data: URIs, resolving paths relative to the trace', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-shots-'));
    await mkdir(path.join(dir, 'screenshots'));
    await writeFile(path.join(dir, 'screenshots', 'step-000.png'), Buffer.from([1, 2, 3]));
    const t = trace(path.join(dir, 's.jsonl'), ['screenshots/step-000.png', null, 'gone.png']);
    const shots = new ScreenshotSources([t], path.join(dir, 'index.html'));
    expect(shots.embedded).toBe(true);
    expect(shots.count).toBe(1);
    expect(shots.src(t, 'screenshots/step-000.png')).toBe('data:image/png;base64,AQID');
    expect(shots.src(t, null)).toBeNull();
    expect(shots.src(t, 'gone.png')).toBeNull();
  });

  it('links them relatively from the report when together they pass the embed limit', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-shots-'));
    const big = path.join(dir, 'run', 'shots', 'a b.png');
    await mkdir(path.dirname(big), { recursive: true });
    await writeFile(big, Buffer.alloc(EMBED_LIMIT_BYTES + 1));
    const t = trace(path.join(dir, 'run', 's.jsonl'), [big]);
    const shots = new ScreenshotSources([t], path.join(dir, 'run', 'index.html'));
    expect(shots.embedded).toBe(false);
    expect(shots.src(t, big)).toBe('shots/a%20b.png');
  });
});
