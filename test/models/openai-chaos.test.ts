import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simulate } from '../../src/api/simulate.js';
import { readTraceFile } from '../../src/traces/reader.js';
import { Outcome } from '../../src/traces/schema.js';
import { startChaosServer, type ChaosServer } from '../support/chaos-openai-server.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PERSONAS = ['trail-runner-maya', 'coffee-maker-aisha', 'teen-hoodie-zoe'].map((p) =>
  path.join(ROOT, 'personas', `${p}.json`),
);

/** A plain shopper behind the valid answers: search, open the first result, add it, leave. */
function shopper(messages: { role: string; content: string }[]): string {
  const prompt = messages.map((m) => m.content).join('\n');
  const step = Number(/page you see now \(step (\d+)\)/i.exec(prompt)?.[1] ?? '1');
  const named = (pattern: RegExp): string | undefined =>
    [...prompt.matchAll(/^- (\S+) \(/gm)].map((m) => m[1]!).find((n) => pattern.test(n));
  const search = named(/search\S*input/);
  const result = named(/search_results\.\S+\.title/);
  const add = named(/add_to_cart/);
  let action: Record<string, unknown> = { type: 'terminate' };
  if (step === 1 && search) action = { type: 'type_and_submit', name: search, text: 'gift' };
  else if (step === 2 && result) action = { type: 'click', name: result };
  else if (step === 3 && add) action = { type: 'click', name: add };
  return JSON.stringify({ rationale: `I take step ${step} of my errand.`, action });
}

let server: ChaosServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('openai client against a chaos model server', () => {
  it(
    'finishes every session with an outcome: no crash, no hang',
    { timeout: 120_000 },
    async () => {
      server = await startChaosServer({ seed: 15, answer: shopper });
      const out = path.join(await mkdtemp(path.join(tmpdir(), 'shopsim-chaos-')), 'run');
      const summary = await simulate({
        site: 'builtin',
        personas: PERSONAS,
        model: 'openai:chaos-model',
        baseUrl: server.baseUrl,
        // page loads 3 s; a model call 4x that, so a held request is given up after 12 s
        timeoutMs: 3000,
        maxSteps: 6,
        maxAttempts: 3,
        concurrency: 3,
        seed: 15,
        out,
      });
      expect(summary.records).toHaveLength(PERSONAS.length);
      for (const record of summary.records) {
        expect(Outcome.options).toContain(record.outcome);
        const trace = await readTraceFile(record.file);
        expect(trace.end, record.file).not.toBeNull();
        expect(Outcome.options).toContain(trace.end!.outcome);
        expect(trace.end!.outcome).toBe(record.outcome);
        // a fault is reported in words, never as a JavaScript TypeError
        expect(record.error ?? '').not.toMatch(
          /Cannot read properties|is not a function|undefined/,
        );
      }
      // the chaos really happened, and a hanging request was given up by the client's timeout
      const kinds = new Set(server.served);
      expect([...kinds].sort()).toEqual(['error500', 'garbage', 'hang', 'valid']);
      expect(server.abandonedHangs).toBeGreaterThan(0);
    },
  );
});
