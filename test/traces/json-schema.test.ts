import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// ajv 6 (draft-07) is in node_modules through eslint; the tests alone use it
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  TRACE_LINE_SCHEMA_FILE,
  traceLineJsonSchema,
  traceLineJsonSchemaText,
} from '../../src/traces/json-schema.js';
import { TraceLine } from '../../src/traces/schema.js';
import { runCli } from '../support/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE_DIRS = ['test/fixtures/traces', 'test/fixtures/table'];

async function fixtureLines(): Promise<{ where: string; value: unknown }[]> {
  const lines: { where: string; value: unknown }[] = [];
  for (const dir of FIXTURE_DIRS) {
    for (const name of (await readdir(path.join(ROOT, dir))).filter((n) => n.endsWith('.jsonl'))) {
      const text = await readFile(path.join(ROOT, dir, name), 'utf8');
      text.split('\n').forEach((line, i) => {
        if (line.trim()) lines.push({ where: `${dir}/${name}:${i + 1}`, value: JSON.parse(line) });
      });
    }
  }
  return lines;
}

describe('the published JSON Schema of trace lines', () => {
  it('is checked in exactly as the zod schemas generate it (run `npm run schema`)', async () => {
    const checkedIn = await readFile(path.join(ROOT, TRACE_LINE_SCHEMA_FILE), 'utf8');
    expect(checkedIn).toBe(traceLineJsonSchemaText());
  });

  it('is what `shopsim schema trace` prints', async () => {
    const result = await runCli(['schema', 'trace']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(traceLineJsonSchema());
  });

  it('accepts every fixture line zod accepts, and rejects what zod rejects', async () => {
    const validate = new Ajv({ allErrors: true }).compile(traceLineJsonSchema());
    const lines = await fixtureLines();
    expect(lines.length).toBeGreaterThanOrEqual(9);
    const kinds = new Set<string>();
    for (const { where, value } of lines) {
      expect(TraceLine.safeParse(value).success, where).toBe(true);
      expect(validate(value), `${where}: ${JSON.stringify(validate.errors)}`).toBe(true);
      kinds.add((value as { kind: string }).kind);
    }
    expect([...kinds].sort()).toEqual(['end', 'header', 'step']);
    const step = lines.find((l) => (l.value as { kind: string }).kind === 'step')!.value as object;
    const broken = [
      { ...step, action: { type: 'scroll', name: 'x' } },
      { ...step, index: -1 },
      { kind: 'end', outcome: 'bought', steps: 1, duration_ms: 5 },
      { kind: 'summary' },
    ];
    for (const value of broken) {
      expect(TraceLine.safeParse(value).success).toBe(false);
      expect(validate(value), JSON.stringify(value).slice(0, 80)).toBe(false);
    }
  });
});
