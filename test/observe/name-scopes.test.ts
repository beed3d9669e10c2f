import { describe, expect, it } from 'vitest';
import { relativeName, resolveScopedName, writtenForms } from '../../src/observe/name-scopes.js';
import { attributesOfNamed, namedInHtml, observeHtml } from './dom.js';

const MENU = ['Women', 'Men', 'Kids', 'Home', 'Sale', 'Brands'];
const menu = (label: string, items = MENU): string =>
  `<nav aria-label="${label}"><ul>${items.map((t) => `<li><a href="/${t}">${t}</a></li>`).join('')}</ul></nav>`;

describe('name scopes: a shared prefix is written once', () => {
  it('resolves and writes names relative to a scope', () => {
    expect(resolveScopedName('.shoes', 'nav_bar')).toBe('nav_bar.shoes');
    expect(resolveScopedName('.b.c', 'a')).toBe('a.b.c');
    expect(resolveScopedName('footer.shoes', 'nav_bar')).toBe('footer.shoes');
    expect(resolveScopedName('.shoes', null)).toBe('.shoes');
    expect(relativeName('nav_bar.shoes', 'nav_bar')).toBe('.shoes');
    expect(relativeName('nav_bar_2.shoes', 'nav_bar')).toBe('nav_bar_2.shoes');
    expect(relativeName('nav_bar', 'nav_bar')).toBe('nav_bar');
    expect(writtenForms('a.b.c')).toEqual(['a.b.c', '.b.c', '.c']);
  });

  it('opens a scope where a menu’s names meet and writes them relative to it', () => {
    const { obs } = observeHtml(`<header><a href="/">Logo</a>${menu('Main menu')}</header>`);
    expect(obs.html).toContain('<ul scope="main_menu"><a name=".women"/>');
    expect(obs.html).not.toContain('name="main_menu.');
    // every element the observation lists is in the HTML under its full name, once
    expect(namedInHtml(obs.html).map((n) => n.name)).toEqual(obs.elements.map((e) => e.name));
  });

  it('nests scopes, an inner one written relative to the outer one', () => {
    // long item keys: a scope per card pays for itself (with keys like `p2` it would not)
    const cards = [1, 2, 3]
      .map(
        (
          i,
        ) => `<li class="card" data-product-id="trail-runner-${i}"><a href="/p/${i}">Product number ${i}</a>
          <button>Add to cart</button><button>Save for later</button></li>`,
      )
      .join('');
    const { obs } = observeHtml(`<section id="search-results"><ul>${cards}</ul></section>`);
    const names = obs.elements.map((e) => e.name);
    expect(names).toContain('search_results.trail_runner_1.add_to_cart');
    expect(obs.html).toMatch(/scope="search_results"/);
    expect(obs.html).toMatch(/<li scope="\.trail_runner_2">/);
    expect(obs.html).toContain('<button name=".add_to_cart"/>');
    expect(namedInHtml(obs.html).map((n) => n.name)).toEqual(names);
  });

  it('keeps names full where a scope would not pay for itself', () => {
    const { obs } = observeHtml(menu('Help', ['Returns', 'FAQ']));
    expect(obs.html).not.toContain('scope=');
    expect(obs.html).toContain('<a name="help.returns"/>');
  });

  it('a select is the scope of its many options; its own name is read in the scope around it', () => {
    const sizes = ['XS', 'Small', 'Medium', 'Large', 'XL']
      .map((s) => `<option>${s}</option>`)
      .join('');
    const { obs } = observeHtml(`<form id="product-form"><select name="size">${sizes}</select>
      <button>Add to cart</button></form>`);
    expect(obs.elements.map((e) => e.name)).toContain('product_form.size.medium');
    expect(attributesOfNamed(obs.html, 'product_form.size')).toMatchObject({
      scope: expect.stringMatching(/^(product_form\.size|\.size)$/),
    });
    expect(obs.html).toContain('<option name=".medium">');
    expect(namedInHtml(obs.html).map((n) => n.name)).toEqual(obs.elements.map((e) => e.name));
  });

  // Each of these read back differently before: the HTML reader closes what HTML leaves open.
  const roundTrips = (html: string): void => {
    const { obs } = observeHtml(html);
    expect(obs.elements.length).toBeGreaterThan(3);
    expect(namedInHtml(obs.html).map((n) => n.name)).toEqual(obs.elements.map((e) => e.name));
  };
  const offers = (n: number): string =>
    [...Array(n).keys()]
      .map((i) => `<tr><td><a href="/go/${i}">Seller number ${i}</a><td><button>Shop now</button>`)
      .join('');

  it('reads back the same names: a scope between table rows is not written', () => {
    roundTrips(`<h1>Fan</h1><table><tr><th>Seller<th>Price</tr>
      <tbody><tr><td>New</td></tr><div id="long-offer-list-container">${offers(4)}</div></tbody></table>`);
  });

  it('reads back the same names: a list item holding a scope writes its end tag', () => {
    const links = (p: string) => MENU.map((t) => `<a href="/${p}/${t}">${t}</a>`).join('');
    roundTrips(`<nav id="top-categories"><ul>
      <li class="group">${links('outlet')}</li>
      <li><a href="/natal">Natal</a></li><li><a href="/gifts">Gifts</a></li></ul></nav>`);
  });

  it('reads back the same names: a clickable picture carries its name', () => {
    const { obs } = observeHtml(`<div id="gallery-thumbnails">
      <img src="/a.jpg" alt="Front view" onclick="show(1)"><img src="/b.jpg" alt="Back view" onclick="show(2)">
      <img src="/c.jpg" alt="Side view" onclick="show(3)"><img src="/d.jpg" alt="Top view" onclick="show(4)"></div>`);
    expect(obs.elements.map((e) => e.tag)).toEqual(['img', 'img', 'img', 'img']);
    expect(namedInHtml(obs.html)).toEqual(obs.elements.map((e) => ({ tag: 'img', name: e.name })));
  });
});
