import { describe, expect, it } from 'vitest';
import { Observation } from '../../src/observe/observation.js';
import { MAX_TEXT_RUN } from '../../src/observe/markup.js';
import { fixtureHtml, observeHtml } from './dom.js';

const htmlOf = (html: string, url = 'https://shop.test/page'): string =>
  observeHtml(html, { url }).obs.html;

describe('simplified HTML', () => {
  it('drops scripts, styles, comments, templates and svg internals', () => {
    const out = htmlOf(`<style>.a{}</style><script>var secret = 1;</script><!-- note -->
      <template><p>tpl</p></template><noscript>Enable JS</noscript>
      <p>Visible</p><svg><path d="M0 0"/><text>internal</text></svg>
      <svg aria-label="Free shipping"><path d="M1 1"/></svg><svg><title>Cart</title><path/></svg>`);
    expect(out).toBe('Visible\n<svg aria-label="Free shipping"/><svg aria-label="Cart"/>');
  });

  it('drops hidden subtrees: hidden, display:none, visibility:hidden, aria-hidden, type=hidden', () => {
    const { obs } = observeHtml(`<div hidden><a href="/a">A</a></div>
      <div style="display: none !important"><a href="/b">B</a></div>
      <div style="visibility:hidden"><button>C</button></div>
      <div aria-hidden="true"><a href="/d">D</a></div><input type="hidden" name="t" value="x">
      <p style="opacity:0">E</p><a href="/f">F</a>`);
    expect(obs.html).toBe('<a name="f"/>');
    expect(obs.elements.map((e) => e.name)).toEqual(['f']);
  });

  it('keeps a visually hidden checkbox that is used through its visible label', () => {
    const { obs } = observeHtml(`<input type="radio" name="w" id="w1" style="opacity:0">
      <label for="w1">Wide</label><input type="radio" name="w" id="w2" hidden>`);
    expect(obs.elements.map((e) => e.name)).toEqual(['w.wide']);
  });

  it('collapses chains of wrappers and keeps structure (headings, lists, tables, forms, labels)', () => {
    const out =
      htmlOf(`<div class="a"><div class="b"><div><span class="c">Deep text</span></div></div></div>
      <h2 class="title">Specs</h2><table class="t"><tbody><tr><th>Weight</th><td>250 g</td></tr></tbody></table>
      <ul class="list"><li>One</li><li></li></ul>`);
    expect(out).toBe(
      'Deep text\n<h2>Specs</h2>\n<table><tr><th>Weight<td>250 g</table>\n<ul><li>One</ul>',
    );
  });

  it('keeps only allowlisted attributes and replaces the original name with the semantic one', () => {
    // labels that only repeat the name are left out (see the next test); href only where a link
    // says nothing else and its name does not hold its target: shortened, same-site relative,
    // tracking params dropped
    const out = htmlOf(
      `<form id="f" class="x" action="/s" method="post" data-track="1">
        <input name="q" id="q" class="big" style="color:red" placeholder="Search" value="mugs" autocomplete="off" onclick="x()">
        <input type="checkbox" name="gift" checked aria-label="Gift wrap">
        <select name="size"><option value="9" selected data-x="1">US 9</option></select>
        <button type="submit" class="btn" disabled data-id="3">Go!</button>
        <a href="https://shop.test/products/mug?color=red&amp;utm_source=newsletter&amp;utm_medium=email&amp;gclid=abc" target="_blank" rel="noopener">Mug – $12</a>
        <img src="/i.png" alt="A red mug" width="10"><img src="/pixel.gif" alt="">
        <a href="https://shop.test/?utm_source=x&amp;gclid=abc"><i class="icon"></i></a>
        <a href="https://other.test/"></a><a href="javascript:void(0)"></a>
      </form>`,
    );
    expect(out).toBe(
      '<form><input name="f.search_input" value="mugs"> ' +
        '<input name="f.gift_wrap" type="checkbox" checked>\n' +
        '<select name="f.size"><option name="f.size.us_9" selected></select>\n' +
        '<button name="f.go" disabled/> <a name="f.mug">Mug – $12</a> ' +
        '<img alt="A red mug"> <a name="f.link" href="/"/> ' +
        '<a name="f.link_2" href="other.test/"/><a name="f.link_3"/></form>',
    );
  });

  it('leaves out labels that only repeat the name, keeps those that say more', () => {
    const out = htmlOf(`<nav aria-label="Main"><a href="/men">Men’s</a>
      <a href="/cart">Cart (3)</a><button aria-label="Search">Go</button>
      <a href="/sale" aria-label="Sale">Sale!</a><input placeholder="Email" aria-label="Email"></nav>
      <a href="/x" aria-label="${'long label '.repeat(5)}"></a>`);
    expect(out).toBe(
      // the nav's five names share `main.`: written once, as its scope
      '<nav aria-label="Main" scope="main"><a name=".mens"/> ' +
        // the count is news; the label is in the name, the visible text is not
        '<a name=".cart">Cart (3)</a><button name=".search">Go</button> ' +
        '<a name=".sale"/><input name=".email_input"></nav>\n' +
        // a label longer than a name part is cut in the name, so it is printed whole
        `<a name="long_label_long_label_long_label" aria-label="${'long label '.repeat(5).trim()}"/>`,
    );
  });

  it('says a gallery’s product name once, and nothing a control’s name already says', () => {
    const out = htmlOf(`<ul class="gallery"><li><img alt="Trail Runner, Bild 1"></li>
      <li><img alt="Trail Runner, Bild 2"></li><li><img alt="Trail Runner - 3"></li>
      <li><img alt="iPhone 12"></li><li><img alt="iPhone 13"></li></ul>
      <a href="/"><img alt="Acme"></a> <a href="/c/dresses">Dresses &amp; Suits</a>`);
    expect(out).toBe(
      '<ul><li><img alt="Trail Runner, Bild 1">\n<li><img alt="iPhone 12">\n' +
        // a number that is part of a product name is not a picture number
        '<li><img alt="iPhone 13"></ul>\n' +
        // a logo's alt and a link's text that are its name; "&" is text, not "amp"
        '<a name="acme" href="/"/> <a name="dresses_suits"/>',
    );
  });

  it('leaves out a picture’s alt that a heading or link on the page says', () => {
    const out = htmlOf(`<img alt="Trail Runner GTX"><h1>Trail Runner GTX</h1>
      <img alt="Blue mug"><img alt="Size chart"><a href="/p/mug">Blue Mug</a>`);
    expect(out).toBe('<h1>Trail Runner GTX</h1>\n<img alt="Size chart"><a name="blue_mug"/>');
  });

  it('keeps labelled ratings, struck-through old prices and stock notes', () => {
    const out = htmlOf(`<div class="price"><del>$110.00</del> <b>$89.00</b></div>
      <div class="stars" aria-label="4.5 out of 5 stars">★★★★½</div><p class="stock">Only 2 left</p>`);
    expect(out).toBe(
      '<del>$110.00</del> $89.00\n<span aria-label="4.5 out of 5 stars">★★★★½</span>\nOnly 2 left',
    );
  });

  it('cuts very long text runs and labels at a word, never inside a tag or an entity', () => {
    const out = htmlOf(`<p>${'word '.repeat(200)}</p><p>${'&amp; '.repeat(100)}</p>
      <a href="/x" aria-label="${'long label '.repeat(30)}"></a>`);
    const [words, amps, link] = out.split('\n');
    expect(words).toBe(`${'word '.repeat(MAX_TEXT_RUN / 5).trim()}…`);
    expect(amps).toMatch(/^(&amp; )+&amp;…$/);
    // a label is text a person reads: cut like a text run, inside its quotes
    const label = /aria-label="([^"]*)"\/>$/.exec(link!)?.[1];
    expect(label).toBe(`${'long label '.repeat(MAX_TEXT_RUN / 11).trim()}…`);
  });

  it('reads a control as one text: headings and wrappers inside it go, an old price keeps its strike', () => {
    const out =
      htmlOf(`<a href="/p/milano"><header><span>Versace</span> <h3>MILANO - Slim fit jeans</h3>
      <p><s>€292.00</s> €174.00</p></header></a><h3>Similar items</h3>`);
    expect(out).toBe(
      '<a name="versace_milano_slim_fit_jeans">Versace MILANO - Slim fit jeans <s>€292.00</s> €174.00</a>\n' +
        '<h3>Similar items</h3>',
    );
  });

  it('writes a link target only where no link to the same place says where it goes', () => {
    const card = (id: number, picture = `/item/${id}_lladro-swan`) =>
      `<li data-product-id="p${id}"><a href="${picture}"><img src="/i.png" alt=""></a>` +
      `<a href="/item/${id}_lladro-swan">Lladro swan ${id}</a></li>`;
    const out = htmlOf(`<ul>${card(1)}${card(2)}${card(3, '/outfits/look-3/sJwEB3QnT9u')}</ul>`);
    // the picture links go where their title links say; the third goes elsewhere, so it keeps
    // its target, told by the words of its path (the record id says nothing)
    expect(out).not.toMatch(/href="\/item/);
    expect(out).toContain('<a name="p3.image_link" href="/outfits/look-3"/>');
  });

  it('keeps the prices of the part it cuts: a long product title ends with its price', () => {
    const title = `Cordless vacuum cleaner ${'with extra long words '.repeat(6)}RRP $299.00 now $204.71`;
    const out = htmlOf(`<ul><li><a href="/p/vac">${title}</a><li><a href="/p/b">B</a></ul>`);
    expect(out).toMatch(
      /^<ul><a name="cordless_vacuum_cleaner_with">Cordless vacuum cleaner [a-z ]+… \$299\.00 \$204\.71<\/a>/,
    );
  });

  it('returns a valid Observation with the title and absolute hrefs', () => {
    const { obs } = observeHtml(fixtureHtml('search'), { url: 'https://acme.test/search?q=x' });
    expect(() => Observation.parse(obs)).not.toThrow();
    expect(obs.title).toBe('Search: running shoes – Acme');
    expect(obs.url).toBe('https://acme.test/search?q=x');
    const men = obs.elements.find((e) => e.name === 'main.men');
    expect(men).toMatchObject({ kind: 'link', href: 'https://acme.test/c/men', tag: 'a' });
    expect(obs.html).toContain('<a name="main.men"/>');
    expect(obs.html).not.toMatch(/class=|style=|data-product-id|<script|<style/);
  });

  it('resolves links against a <base href>', () => {
    const { obs } = observeHtml(
      `<html><head><base href="https://cdn.shop.test/en/"></head><body><a href="mugs">Mugs</a></body></html>`,
    );
    expect(obs.elements[0]!.href).toBe('https://cdn.shop.test/en/mugs');
  });
});
