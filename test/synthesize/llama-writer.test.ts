import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizeRationales } from '../../src/synthesize/synthesize.js';
import { loadThinkAloudExamples } from '../../src/synthesize/examples.js';
import { rationaleRequest } from '../../src/synthesize/step.js';
import { createRationaleWriter, type RationaleWriter } from '../../src/synthesize/writer.js';
import { readTraceFile, readTraces } from '../../src/traces/reader.js';
import { writeTinyGguf } from '../support/tiny-gguf.js';
import { SYNTH_HUMAN, tempDir } from './synth-fixtures.js';

/**
 * The llama writer end to end on a tiny random-weight GGUF: its words are noise, but the grammar
 * must make every answer a {"rationale": "..."} object, and the loop must handle the result.
 */
describe('llama:<file.gguf> rationale writer', () => {
  let writer: RationaleWriter;
  beforeAll(async () => {
    writer = await createRationaleWriter(`llama:${await writeTinyGguf({ seed: 5 })}`, {
      examples: (await loadThinkAloudExamples()).slice(0, 1),
      htmlBudget: 300,
      // 40 characters of noise can take 4 byte tokens each: room for the whole JSON object
      llama: { threads: 1, contextSize: 4096, maxTokens: 200, maxRationaleLength: 40 },
    });
  });
  afterAll(async () => {
    await writer?.close();
  });

  it('answers {"rationale": string} under the grammar', async () => {
    const trace = await readTraceFile(path.join(SYNTH_HUMAN, 'carol-2026-03-02T21-40.jsonl'));
    const raw = await writer.explain(rationaleRequest(trace, 1));
    const value = JSON.parse(raw) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['rationale']);
    expect(typeof value.rationale).toBe('string');
  });

  it('runs inside synthesize: every step ends up synthesized or counted as failed', async () => {
    const summary = await synthesizeRationales({
      human: path.join(SYNTH_HUMAN, 'dan-2026-03-03T12-05.jsonl'),
      writer,
      concurrency: 2,
      maxAttempts: 2,
      out: path.join(await tempDir(), 'run'),
    });
    expect(summary.synthesized + summary.failed).toBe(3);
    const [trace] = await readTraces(summary.run_dir);
    for (const step of trace!.steps) {
      expect(step.rationale_source === 'synthesized').toBe(step.rationale !== null);
    }
  });

  it('names a missing model file', async () => {
    await expect(
      createRationaleWriter('llama:/nonexistent/model.gguf', { examples: [], htmlBudget: 600 }),
    ).rejects.toThrow(/no model file at \/nonexistent\/model.gguf/);
  });
});
