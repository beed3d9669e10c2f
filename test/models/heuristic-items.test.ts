import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { largeResultsPage } from '../../bench/heuristic-page.mjs';
import type { HtmlNode } from '../../src/html/node.js';
import { PageView } from '../../src/models/heuristic/page.js';
import type { Observation } from '../../src/observe/observation.js';
import { observeFixture } from './heuristic/helpers.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/heuristic');

/** What grouping found, in a form a fixture can hold. */
function summary(observation: Observation): unknown[] {
  return new PageView(observation, new Set()).items().map((i) => ({
    key: i.key,
    link: i.link.name,
    members: i.members.map((m) => m.name),
    buy: i.buy?.name ?? null,
    title: i.title,
    price: i.price,
  }));
}

/**
 * Groups the page's items and counts the reads of tree links (parent, children) and element
 * names that took: the work done, independent of the machine's speed.
 */
function groupingWork(observation: Observation): number {
  let reads = 0;
  const page = new PageView(observation, new Set());
  const counted = <T extends object>(target: T, key: keyof T): void => {
    let value = target[key];
    Object.defineProperty(target, key, {
      get: () => (reads++, value),
      set: (v: T[keyof T]) => void (value = v),
    });
  };
  const todo: HtmlNode[] = [page.root];
  while (todo.length) {
    const n = todo.pop()!;
    todo.push(...n.children);
    counted(n, 'parent');
    counted(n, 'children');
  }
  for (const el of observation.elements) counted(el, 'name');
  reads = 0;
  expect(page.items().length).toBeGreaterThan(0);
  return reads;
}

describe('heuristic: grouping listing items', () => {
  it('groups the fixture pages and a generated listing as the quadratic version did', () => {
    // items-before.json was written by the grouping before it was made near-linear.
    const before = JSON.parse(
      readFileSync(path.join(FIXTURES, 'items-before.json'), 'utf8'),
    ) as Record<string, unknown[]>;
    const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
    expect(Object.keys(before)).toEqual([...pages.sort(), 'generated-40']);
    for (const file of pages)
      expect(summary(observeFixture(file, 'http://shop.test/x')), file).toEqual(before[file]);
    expect(summary(largeResultsPage(40))).toEqual(before['generated-40']);
  });

  it('groups every card of a large listing, both name-prefixed and flat ones', () => {
    const items = new PageView(largeResultsPage(4000), new Set()).items();
    expect(items).toHaveLength(999);
    expect(items[0]!.members.map((m) => m.name)).toEqual([
      'p_0.image_link',
      'p_0.title_link',
      'p_0.add_to_cart',
      'p_0.wishlist',
    ]);
    expect(items[1]!.members.map((m) => m.name)).toEqual([
      'flat.compare_1',
      'flat.product_1',
      'flat.add_1',
      'flat.save_1',
    ]);
    expect(items.every((i) => i.members.length === 4 && i.buy && i.price !== null)).toBe(true);
  });

  it('does work proportional to the page: four times the cards, about four times the reads', () => {
    const small = groupingWork(largeResultsPage(1000));
    const large = groupingWork(largeResultsPage(4000));
    // Linear gives 4; the pairwise comparison of items it replaced gave 16 here.
    expect(large / small).toBeLessThan(5);
  });
});
