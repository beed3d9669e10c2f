import { expect, it } from 'vitest';
import { decodeEntities } from '../src/html-entities.js';
import { parseHtml, textOf } from '../src/models/heuristic/html.js';

it('decodes numeric and common named references, leaves invalid ones as written', () => {
  expect(decodeEntities('Tom &amp; Jerry &euro;5 &#8364;5 &#x20AC;5 &hellip;')).toBe(
    'Tom & Jerry €5 €5 €5 …',
  );
  expect(decodeEntities('&#x110000; &#0; &bogus;')).toBe('&#x110000; &#0; &bogus;');
  // the heuristic's page reader used to throw on an out-of-range code point
  expect(textOf(parseHtml('<p>bad &#x110000; ref</p>'))).toBe('bad &#x110000; ref');
});
