import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/html/tree.js';
import { indexNames, textOf } from '../../../src/models/heuristic/html.js';

describe('indexNames', () => {
  it('finds controls the HTML names relative to a scope, and full names outside one', () => {
    const root = parseHtml(
      '<div scope="results"><div scope=".trail_runner"><a name=".title_link">Trail Runner</a>' +
        '<button name=".add_to_cart"/></div></div><a name="footer.help"/><a name=".orphan"/>',
    );
    const wanted = new Set([
      'results.trail_runner.title_link',
      'results.trail_runner.add_to_cart',
      'footer.help',
      'title_link',
    ]);
    const found = indexNames(root, wanted);
    expect([...found.keys()]).toEqual([
      'results.trail_runner.title_link',
      'results.trail_runner.add_to_cart',
      'footer.help',
    ]);
    expect(textOf(found.get('results.trail_runner.title_link')!)).toBe('Trail Runner');
    expect(found.get('results.trail_runner.add_to_cart')!.tag).toBe('button');
  });
});
