import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors.js';
import { RecipeSelectorError } from '../../src/observe/overrides.js';
import { ruleMatchesUrl, rulesForUrl } from '../../src/observe/recipe-match.js';
import { combineRecipes, loadRecipe, parseRecipe, type Recipe } from '../../src/observe/recipe.js';
import { fixtureHtml, namedInHtml, namesOf, observeHtml } from './dom.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shopsim-recipe-'));
function writeRecipe(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

function errorOf(fn: () => unknown): InputFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputFileError) return error;
    throw error;
  }
  throw new Error('expected an InputFileError');
}

describe('recipe files', () => {
  it('loads a valid recipe and fills defaults; a bare array of rules is accepted', () => {
    const file = writeRecipe(
      'ok.json',
      JSON.stringify({
        site: 'acme',
        rules: [{ url: '/product/*', selector: 'button', name: 'x.y' }],
      }),
    );
    expect(loadRecipe(file)).toEqual({
      site: 'acme',
      description: null,
      rules: [
        { url: '/product/*', urlRegex: null, selector: 'button', name: 'x.y', description: null },
      ],
    });
    expect(parseRecipe([{ selector: 'a', name: 'nav_bar.{label}' }]).rules).toHaveLength(1);
  });

  it('names file and field for invalid recipes', () => {
    const cases: [string, string, RegExp][] = [
      ['{ not json', '', /not valid JSON/],
      [JSON.stringify({ rules: [{ selector: 'a', name: 'bad name!' }] }), 'rules.0.name', /dot-separated/],
      [JSON.stringify({ rules: [{ selector: 'a', name: 'x.{id}' }] }), 'rules.0.name', /placeholders/],
      [JSON.stringify({ rules: [{ selector: 'a[href', name: 'x' }] }), 'rules.0.selector', /CSS selector/],
      [JSON.stringify({ rules: [{ selector: 'a', name: 'x', urlRegex: '(' }] }), 'rules.0.urlRegex', /regular expression/],
      [JSON.stringify({ rules: [{ selector: 'a', name: 'x', url: '/a', urlRegex: 'b' }] }), 'rules.0.urlRegex', /not both/],
      [JSON.stringify({ rules: [{ selector: 'a', name: 'x', colour: 1 }] }), 'rules.0', /colour/],
      [JSON.stringify({ rule: [] }), '', /rules/],
    ]; // prettier-ignore
    cases.forEach(([content, field, problem], i) => {
      const file = writeRecipe(`bad-${i}.json`, content);
      const error = errorOf(() => loadRecipe(file));
      expect(error.file).toBe(file);
      if (field) expect(error.field).toBe(field);
      expect(error.message).toContain(file);
      expect(error.message).toMatch(problem);
    });
    expect(errorOf(() => loadRecipe(path.join(dir, 'missing.json'))).message).toMatch(/ENOENT/);
  });

  it('matches rules by path glob, full-URL glob or regex', () => {
    const url = 'https://shop.test/product/trail-runner?variant=b#top';
    expect(ruleMatchesUrl({ url: '/product/*', selector: 'a', name: 'x' }, url)).toBe(true);
    expect(ruleMatchesUrl({ url: '/product', selector: 'a', name: 'x' }, url)).toBe(false);
    expect(ruleMatchesUrl({ url: '/**', selector: 'a', name: 'x' }, url)).toBe(true);
    expect(ruleMatchesUrl({ url: '/*', selector: 'a', name: 'x' }, url)).toBe(false);
    expect(ruleMatchesUrl({ url: 'https://shop.test/product/*?variant=?', selector: 'a', name: 'x' }, url)).toBe(true); // prettier-ignore
    expect(ruleMatchesUrl({ urlRegex: 'variant=b', selector: 'a', name: 'x' }, url)).toBe(true);
    expect(ruleMatchesUrl({ selector: 'a', name: 'x' }, url)).toBe(true);
    const recipe = parseRecipe({ rules: [{ url: '/cart', selector: 'a', name: 'c' }, { selector: 'b', name: 'd' }] }); // prettier-ignore
    expect(rulesForUrl(recipe, url).map((r) => r.name)).toEqual(['d']);
    expect(rulesForUrl(null, url)).toEqual([]);
  });
});

describe('recipe overrides', () => {
  const recipe: Recipe = parseRecipe({
    rules: [
      { url: '/product/*', selector: 'form#product-form button[type=submit]', name: 'product_form.add_to_cart' },
      { url: '/product/*', selector: 'header form input[name=q]', name: 'nav_bar.search_input' },
      { url: '/product/*', selector: '#size option', name: 'product_options.size.{label}' },
      { url: '/product/*', selector: '#reviews li h4', name: 'reviews.{key}.title' },
      { url: '/product/*', selector: '.tile', name: 'related.product_{index}' },
      { url: '/cart', selector: 'button', name: 'never' },
    ],
  }); // prettier-ignore
  const url = 'https://acme.test/product/trail-runner';

  it('pins names on matching elements and keeps generic names elsewhere', () => {
    const generic = namesOf(fixtureHtml('product'), { url });
    const { obs } = observeHtml(fixtureHtml('product'), { url, recipe });
    const names = obs.elements.map((e) => e.name);
    expect(names).toContain('product_form.add_to_cart');
    expect(names).toContain('nav_bar.search_input');
    expect(names).not.toContain('header.search_form.search_input');
    expect(names.filter((n) => n.startsWith('product_options.size.'))).toEqual([
      'product_options.size.Choose_a_size',
      'product_options.size.US_9',
      'product_options.size.US_10_sold_out',
    ]);
    // non-interactable matches become clickable; {key} is the item's stable key
    expect(obs.elements.filter((e) => e.name.startsWith('reviews.r_')).map((e) => [e.name, e.kind])).toEqual([
      ['reviews.r_881.title', 'clickable'],
      ['reviews.r_882.title', 'clickable'],
    ]); // prettier-ignore
    expect(names).toContain('related.product_1');
    expect(names).toContain('related.product_2');
    expect(names).toContain('breadcrumb.home');
    expect(names).not.toContain('never');
    expect(names.length).toBe(generic.length + 4); // 2 review titles + 2 tiles added
    expect(namedInHtml(obs.html)).toContainEqual({
      tag: 'button',
      name: 'product_form.add_to_cart',
    });
  });

  it('fills {slug} and {group} (fieldset legend, select label, name attribute)', () => {
    const pin = parseRecipe([
      { selector: 'input[type=radio]', name: 'product_options.{group}.{slug}' },
      { selector: 'option', name: 'sort.{group}.{label}' },
    ]);
    expect(
      namesOf(
        `<fieldset><legend>Colour</legend><label><input type="radio" name="c"> Forest Green</label></fieldset>
         <label><input type="radio" name="width"> Wide (2)</label>
         <label for="s">Sort by</label><select id="s"><option>Price: Low</option></select>`,
        { recipe: pin },
      ),
    ).toEqual([
      'product_options.colour.forest_green',
      'product_options.width.wide',
      'sort_by',
      'sort.sort_by.Price_Low',
    ]);
  });

  it('suffixes a generic name that collides with a pinned one', () => {
    const pin = parseRecipe([{ selector: '#b', name: 'add_to_cart' }]);
    expect(namesOf(`<button>Add to cart</button><button id="b">Buy</button>`, { recipe: pin })).toEqual(['add_to_cart_2', 'add_to_cart']); // prettier-ignore
  });

  it('reports an invalid selector with the rule that holds it', () => {
    const bad = { rules: [{ selector: 'a:nth-child(', name: 'x' }] };
    expect(() => observeHtml('<a href="/">A</a>', { recipe: bad })).toThrow(RecipeSelectorError);
    expect(() => observeHtml('<a href="/">A</a>', { recipe: bad })).toThrow(/rule 1 \(name x\)/);
  });
});

describe('recipe signatures', () => {
  const recipe = parseRecipe({
    signature: 'meta[name="shopsim-site"][content="shop"]',
    rules: [{ selector: 'button', name: 'pinned.buy' }],
  });
  const page = (meta: string) =>
    `<html><head>${meta}</head><body><button>Buy</button></body></html>`;

  it('applies a signed recipe only on pages with the signature, whatever the host', () => {
    const signed = page('<meta name="shopsim-site" content="shop">');
    for (const url of ['http://127.0.0.1:4173/x', 'https://shop.example/x']) {
      expect(namesOf(signed, { url, recipe })).toEqual(['pinned.buy']);
    }
    expect(namesOf(page('<meta name="shopsim-site" content="other">'), { recipe })).toEqual([
      'buy',
    ]);
  });

  it('combines recipes keeping each one signature per rule', () => {
    const other = parseRecipe({
      signature: 'meta[name="shopsim-site"][content="other"]',
      rules: [{ selector: 'button', name: 'other.buy' }],
    });
    const both = combineRecipes([recipe, other])!;
    expect(namesOf(page('<meta name="shopsim-site" content="other">'), { recipe: both })).toEqual([
      'other.buy',
    ]);
    expect(combineRecipes([])).toBeNull();
  });
});
