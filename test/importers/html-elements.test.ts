import { describe, expect, it } from 'vitest';
import { extractHtmlSummary, nameAttributeOf } from '../../src/importers/html-elements.js';
import { nativeKind } from '../../src/observe/interactables.js';
import { clip } from '../../src/observe/text.js';
import { parseDoc } from '../observe/dom.js';

const OPERA_LIKE =
  '<html><head><title>Amazon.com &amp; more</title></head><body>' +
  '<div name="nav_bar" role="navigation" aria-label="Primary">' +
  '<div name="nav_bar.homepage">Homepage</div><form role="search">' +
  '<select name="nav_bar.search_dropdown"><option name="nav_bar.search_dropdown.all" value="all">All <b>Departments</b></option></select>' +
  '<input name="nav_bar.search_input" type="text" placeholder="Search Amazon" value="rice cooker"/>' +
  '<input type="submit" name="nav_bar.search_button" value="Go"></form></div>' +
  '<!-- <a name="commented_out">x</a> --><script>var a = "<a name=\'in_script\'>";</script>' +
  '<ul><li><a name="results.item_1.title" href="/dp/1">Tiger 10&#45;cup cooker<br>White</a>' +
  '<li><span name="results.item_2">Second</span>' +
  '<label><input type=checkbox name="filters.prime" checked> Prime</label></ul>' +
  '<textarea name="review.text">hello &lt;world&gt;</textarea><a name="results.item_1.title">dup</a>';

describe('extractHtmlSummary', () => {
  it('reads shopsim’s own HTML, where names shared by a scope are written relative to it', () => {
    const html =
      '<ul scope="main_menu"><a name=".women"/>\n<a name=".men"/></ul>' +
      '<div scope="results"><div scope=".trail_runner"><a name=".title_link">Trail Runner</a>' +
      '<button name=".add_to_cart"/></div></div><a name="footer.help"/>';
    expect(extractHtmlSummary(html).elements.map((e) => [e.name, e.text])).toEqual([
      ['main_menu.women', ''],
      ['main_menu.men', ''],
      ['results.trail_runner.title_link', 'Trail Runner'],
      ['results.trail_runner.add_to_cart', ''],
      ['footer.help', ''],
    ]);
  });

  it('finds every named element once, with kind, text, href and value', () => {
    const { title, elements } = extractHtmlSummary(OPERA_LIKE);
    expect(title).toBe('Amazon.com & more');
    expect(elements.map((e) => e.name)).toEqual([
      'nav_bar',
      'nav_bar.homepage',
      'nav_bar.search_dropdown',
      'nav_bar.search_dropdown.all',
      'nav_bar.search_input',
      'nav_bar.search_button',
      'results.item_1.title',
      'results.item_2',
      'filters.prime',
      'review.text',
    ]);
    const by = (name: string) => elements.find((e) => e.name === name)!;
    expect(by('nav_bar.search_input')).toMatchObject({
      kind: 'text_input',
      text: 'Search Amazon',
      value: 'rice cooker',
      inputType: 'text',
    });
    expect(by('nav_bar.search_button')).toMatchObject({ kind: 'button', text: 'Go' });
    expect(by('nav_bar.search_dropdown.all')).toMatchObject({
      kind: 'option',
      text: 'All Departments',
    });
    expect(by('results.item_1.title')).toMatchObject({
      kind: 'link',
      text: 'Tiger 10-cup cooker White',
      href: '/dp/1',
    });
    expect(by('results.item_2').text).toBe('Second');
    expect(by('filters.prime')).toMatchObject({ kind: 'checkbox', checked: true });
    expect(by('review.text')).toMatchObject({ kind: 'textarea', value: 'hello <world>' });
  });

  it('prefers shopsim/semantic-id attributes over plain name, and survives cut-off HTML', () => {
    const html =
      '<form name="f"><input data-shopsim-name="search.query" name="q"><button data-shopsim-name="search.go">Go';
    expect(nameAttributeOf(html)).toBe('data-shopsim-name');
    const { elements } = extractHtmlSummary(html);
    expect(elements.map((e) => [e.name, e.kind, e.text])).toEqual([
      ['search.query', 'text_input', ''],
      ['search.go', 'button', 'Go'],
    ]);
    expect(extractHtmlSummary('').elements).toEqual([]);
    expect(extractHtmlSummary('<div><p>no names here</div>').elements).toEqual([]);
  });
});

describe('element kinds', () => {
  // markup where the importer once disagreed with the live simplifier's classification
  const CONTROLS = [
    ['<input name="c.file" type="file">', 'button'],
    ['<input name="c.range" type=" Range ">', 'clickable'],
    ['<input name="c.hidden" type="hidden">', 'clickable'],
    ['<input name="c.empty_type" type="">', 'text_input'],
    ['<div name="c.combo" role="combobox">x</div>', 'text_input'],
    ['<div name="c.tab" role="Tab extra">x</div>', 'button'],
    ['<div name="c.switch" role="switch">x</div>', 'checkbox'],
    ['<div name="c.role_option" role="option">x</div>', 'option'],
    ['<a name="c.anchor">x</a>', 'clickable'],
    ['<a name="c.js_button" role="button">x</a>', 'button'],
    ['<a name="c.link" href="/x" role="button">x</a>', 'link'],
    ['<input name="c.typed_button" type="text" role="button">', 'text_input'],
    ['<div name="c.editable" contenteditable="true">x</div>', 'text_input'],
    ['<summary name="c.summary">More</summary>', 'button'],
    ['<datalist><option name="c.suggestion" value="a"></datalist>', 'clickable'],
    ['<select><optgroup><option name="c.grouped">a</select>', 'option'],
  ] as const;

  it('are what the live simplifier would call the same markup', () => {
    for (const [html, kind] of CONTROLS) {
      const doc = parseDoc(html);
      const live = doc.querySelector('[name]')!;
      const expected = nativeKind(live) ?? 'clickable';
      expect(expected, html).toBe(kind);
      expect(extractHtmlSummary(html).elements[0]?.kind, html).toBe(kind);
    }
  });

  it('read input types the same way', () => {
    const [input] = extractHtmlSummary('<input name="q" type=" SEARCH ">').elements;
    expect(input).toMatchObject({ kind: 'text_input', inputType: 'search' });
  });
});

describe('element text', () => {
  it('is the clipped text of the whole element, however much whitespace the markup has', () => {
    const indent = '\n' + ' '.repeat(300);
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(indent);
    const html =
      `<form name="buy">${indent}<div>${indent}<button>Add${indent}to cart</button></div></form>` +
      `<select name="qty">${indent}<option>${words}</select>`;
    const [buy, qty] = extractHtmlSummary(html).elements;
    expect(buy!.text).toBe('Add to cart');
    expect(qty!.text).toBe(clip(words, 100));
    expect(qty!.text).toHaveLength(100);
    // an outer element filling up does not stop the text of one inside it
    const nested = extractHtmlSummary(
      `<div name="outer">${'w '.repeat(60)}<span name="inner">b${' '.repeat(150)}<i>c</i></span></div>`,
    ).elements;
    expect(nested.map((e) => e.text)).toEqual([clip('w '.repeat(60) + 'b', 100), 'b c']);
  });
});
