import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/observe/observation.js';
import { comparablePath, compareStep, rebaseUrl } from '../../src/replay/compare.js';
import type { TraceStep } from '../../src/traces/schema.js';

const page = (url: string, title: string, names: string[]): Observation => ({
  url,
  title,
  html: '',
  elements: names.map((name) => ({
    name, kind: 'link', text: name, tag: 'a', href: null, value: null, checked: null, disabled: false, inputType: null, screen: null, prominence: null,
  })), // prettier-ignore
});

const step = (observation: Observation, name: string): TraceStep => ({
  kind: 'step', index: 0, time: '', url: observation.url, observation, rationale: null,
  rationale_source: null, action: { type: 'click', name }, click_type: null, result: null,
  usage: null, raw: null, screenshot: null,
}); // prettier-ignore

describe('compareStep', () => {
  it('accepts the same page with the name present, whatever the query string', () => {
    const before = page('http://a.test/search?q=shoes&sid=1', 'Results', [
      'filters.price.under_25',
    ]);
    const now = page('http://b.test/search?q=shoes&sid=2', 'Results', ['filters.price.under_25']);
    expect(compareStep(step(before, 'filters.price.under_25'), now)).toEqual({
      pageDiffers: null,
      nameMissing: false,
      similar: [],
    });
  });

  it('reports a changed path or title, and a missing name with the closest names', () => {
    const before = page('http://a.test/search', 'Results', ['filters.price.under_25']);
    const now = page('http://a.test/find', 'Find', [
      'filters.price.min_input',
      'filters.price.max_input',
      'site_header.cart',
    ]);
    const result = compareStep(step(before, 'filters.price.under_25'), now);
    expect(result.pageDiffers).toBe('URL path /search is now /find; title "Results" is now "Find"');
    expect(result.nameMissing).toBe(true);
    expect(result.similar.slice(0, 2).sort()).toEqual([
      'filters.price.max_input',
      'filters.price.min_input',
    ]);
  });

  it('treats generated ids in paths as equal, readable segments not', () => {
    expect(comparablePath('http://x/order/ORD-HWYRHQZA')).toBe(
      comparablePath('http://x/order/ORD-4K2M9QXA'),
    );
    expect(comparablePath('http://x/u/123')).toBe('/u/:id');
    expect(comparablePath('http://x/product/p0176')).not.toBe(
      comparablePath('http://x/product/p0222'),
    );
    expect(comparablePath('http://x/category/running-shoes')).toBe('/category/running-shoes');
  });

  it('moves a recorded URL onto another site', () => {
    expect(
      rebaseUrl('http://127.0.0.1:4000/search?q=a#r', 'http://127.0.0.1:5000/?variant=b'),
    ).toBe('http://127.0.0.1:5000/search?q=a#r');
    expect(rebaseUrl('file:///tmp/page.html', 'http://x.test/')).toBe('file:///tmp/page.html');
  });
});
