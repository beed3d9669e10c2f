import { describe, expect, it } from 'vitest';
import { parseTraceText } from '../../src/traces/reader.js';

const header = {
  kind: 'header',
  schema_version: 1,
  session_id: 's',
  source: 'simulated',
  persona: null,
  site: 'http://127.0.0.1/',
  started_at: new Date(0).toISOString(),
  shopsim_version: '0.1.0',
};

function step(index: number): Record<string, unknown> {
  return {
    kind: 'step',
    index,
    time: new Date(index * 1000).toISOString(),
    url: 'http://127.0.0.1/',
    observation: { url: 'http://127.0.0.1/', title: 't', html: '<p>x</p>', elements: [] },
    action: { type: 'click', name: `link_${index}` },
  };
}

/** Issues of a trace whose steps carry these indexes (one line each, after the header). */
function issuesFor(indexes: number[]): string[] {
  const text = [header, ...indexes.map(step)].map((v) => JSON.stringify(v)).join('\n') + '\n';
  return parseTraceText('t.jsonl', text).issues.map((i) => `${i.line}: ${i.message}`);
}

describe('trace index check resynchronises after one bad index', () => {
  it('a wrong index among ten is one error', () => {
    expect(issuesFor([0, 1, 2, 30, 4, 5, 6, 7, 8, 9])).toEqual(['5: index: expected 3, got 30']);
  });

  it('a missing step is one error', () => {
    expect(issuesFor([0, 1, 2, 4, 5, 6, 7, 8, 9])).toEqual(['5: index: expected 3, got 4']);
  });

  it('a repeated step is one error', () => {
    expect(issuesFor([0, 1, 2, 2, 3, 4, 5, 6, 7])).toEqual(['5: index: expected 3, got 2']);
  });

  it('steps numbered from 1 are one error', () => {
    expect(issuesFor([1, 2, 3, 4, 5, 6, 7, 8])).toEqual(['2: index: expected 0, got 1']);
  });

  it('two separate mistakes are two errors, good files none', () => {
    expect(issuesFor([0, 1, 7, 3, 4, 5, 5, 6])).toEqual([
      '4: index: expected 2, got 7',
      '8: index: expected 6, got 5',
    ]);
    expect(issuesFor([0, 1, 2, 3])).toEqual([]);
  });
});

describe('a JSONL trace line that is not JSON', () => {
  it('names the file line and the column', () => {
    const text = `${JSON.stringify(header)}\n{"kind": "step", "index": 0,, }\n${JSON.stringify(step(1))}\n`;
    const issues = parseTraceText('t.jsonl', text).issues;
    expect(issues[0]).toEqual({
      file: 't.jsonl',
      line: 2,
      message: 'not valid JSON at column 29: expected a property name in double quotes, found ","',
    });
  });
});
