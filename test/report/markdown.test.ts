import { describe, expect, it } from 'vitest';
import {
  bulletList,
  code,
  document,
  escapeCell,
  heading,
  table,
} from '../../src/report/markdown.js';
import { countOf, fixed, percent, percentInterval } from '../../src/report/format.js';

describe('markdown table', () => {
  it('right-aligns numeric columns and prints null as a dash', () => {
    expect(
      table(
        ['name', 'n'],
        [
          ['a', 1],
          ['b', null],
        ],
      ),
    ).toBe(['| name | n |', '| --- | ---: |', '| a | 1 |', '| b | – |'].join('\n'));
  });

  it('escapes pipes and line breaks inside cells', () => {
    expect(escapeCell('a|b\nc')).toBe('a\\|b c');
    expect(table(['x'], [['1|2']])).toContain('| 1\\|2 |');
  });

  it('honours explicit alignment and rejects ragged rows', () => {
    expect(table(['a', 'b'], [[1, 2]], ['center', 'left'])).toContain('| :---: | --- |');
    expect(() => table(['a', 'b'], [[1]])).toThrow(/row 0 has 1 cells, expected 2/);
  });

  it('builds headings, lists, code and documents', () => {
    expect(heading(2, 'Title')).toBe('## Title');
    expect(bulletList(['a', 'b'])).toBe('- a\n- b');
    expect(code('x.y')).toBe('`x.y`');
    expect(code('a`b')).toBe('``a`b``');
    expect(document(['# A', '', null, 'text'])).toBe('# A\n\ntext\n');
  });
});

describe('number formatting', () => {
  it('formats percentages, intervals and n/a', () => {
    expect(percent(0.1234)).toBe('12.34%');
    expect(percent(null)).toBe('n/a');
    expect(percent(Number.NaN)).toBe('n/a');
    expect(percentInterval([0.1, 0.2])).toBe('[10.00%, 20.00%]');
    expect(percentInterval(null)).toBe('n/a');
    expect(fixed(0.123456)).toBe('0.123');
    expect(countOf(3, 10)).toBe('3 of 10 (30.00%)');
    expect(countOf(0, 0)).toBe('0 of 0 (n/a)');
  });
});
