import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// the package's own name: resolved through package.json `exports` to the built dist/src/index.js
import { Action, readTraces, simulate, TraceLine, UsageError } from 'shopsim';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PERSONA = path.join(ROOT, 'personas/trail-runner-maya.json');

describe('the library entry (package exports)', () => {
  it('runs a tiny simulation on the builtin shop with the scripted model', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-api-'));
    const script = path.join(dir, 'script.json');
    await writeFile(
      script,
      JSON.stringify([{ rationale: 'Done for today.', action: { type: 'terminate' } }]),
    );
    const summary = await simulate({
      personas: [PERSONA],
      model: `scripted:${script}`,
      maxSteps: 3,
      out: path.join(dir, 'run'),
    });
    expect(summary.sessions).toBe(1);
    expect(summary.runDir).toBe(path.join(dir, 'run'));
    const [trace, ...rest] = await readTraces(summary.runDir);
    expect(rest).toHaveLength(0);
    expect(trace!.header.persona?.id).toBe('trail-runner-maya');
    expect(trace!.steps.map((s) => s.action.type)).toEqual(['terminate']);
    expect(trace!.end?.outcome).toBe('terminate');
    for (const step of trace!.steps) expect(TraceLine.parse(step).kind).toBe('step');
  });

  it('exports the Action schema and rejects bad settings with a UsageError', async () => {
    expect(Action.parse({ type: 'terminate' })).toEqual({ type: 'terminate' });
    expect(() => Action.parse({ type: 'scroll' })).toThrow();
    await expect(simulate({ maxSteps: -1 })).rejects.toBeInstanceOf(UsageError);
  });
});
