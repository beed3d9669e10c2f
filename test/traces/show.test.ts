import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTraceFile } from '../../src/traces/reader.js';
import { formatTrace, wrapText } from '../../src/traces/show.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const QUOTING = path.join(ROOT, 'test/fixtures/table/quoting.jsonl');

describe('traces show', () => {
  it('prints each step with its result and its rationale beneath', async () => {
    const trace = await readTraceFile(QUOTING);
    const lines = formatTrace(trace).split('\n');
    const at = lines.findIndex((l) => l.startsWith('  0  type_and_submit'));
    expect(lines.slice(at, at + 5)).toEqual([
      '  0  type_and_submit  nav_bar.search_input  "trail, shoes"  -> ok, now http://shop.test/search?q=trail',
      '     why (model): I want shoes, "trail" ones, and cheap.',
      '  1  click            promo.banner  FAILED: promo.banner is covered by another element.',
      '  2  terminate        -> ok',
      '     why (model): Done.',
    ]);
  });

  it('wraps a long rationale under its label', async () => {
    const trace = await readTraceFile(QUOTING);
    trace.steps[2]!.rationale = 'word '.repeat(60).trim();
    const lines = formatTrace(trace).split('\n');
    const at = lines.findIndex((l) => l.startsWith('     why (model): word'));
    const why = lines.slice(at, at + 4);
    expect(why.every((l) => l.length <= 100)).toBe(true);
    expect(why[1]).toMatch(/^ {18}word word/);
    expect(why.join(' ').match(/word/g)).toHaveLength(60);
  });

  it('breaks text at spaces, keeping over-long words whole', () => {
    expect(wrapText('aa bb  cc\ndd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText('abcdefgh ij', 4)).toEqual(['abcdefgh', 'ij']);
    expect(wrapText('', 10)).toEqual([]);
  });
});
