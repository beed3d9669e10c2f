import { describe, expect, it } from 'vitest';
import { NAME_ATTRIBUTE } from '../../src/observe/observation.js';
import { fixtureHtml, namesOf, observeHtml, parseDoc } from './dom.js';
import { simplifyDocument } from '../../src/observe/simplify.js';

describe('landmarks, forms and labels', () => {
  it('names a header search form by form kind and the label of each control', () => {
    expect(
      namesOf(`<header><form action="/search"><label for="q">Search products</label>
        <input id="q" name="q"><button>Search</button></form></header>`),
    ).toEqual(['search_form.search_products_input', 'search_form.search']);
  });

  it('uses aria-label of a nav, a meaningful id, and a section heading', () => {
    expect(
      namesOf(`<nav aria-label="Breadcrumb"><a href="/">Home</a></nav>
        <div id="product-details"><button>Add to cart</button></div>
        <section><h2>Customer reviews</h2><button>Write a review</button></section>`),
    ).toEqual([
      'breadcrumb.home',
      'product_details.add_to_cart',
      'customer_reviews.write_a_review',
    ]);
  });

  it('ignores generated and layout ids', () => {
    expect(
      namesOf(`<div id=":r1:"><button>Save</button></div>
        <div id="a8f3e9c2d1b7"><button>Share</button></div>
        <div id="item-123456"><button>Print</button></div>
        <div id="root"><div id="app"><a href="/sale">Sale</a></div></div>`),
    ).toEqual(['save', 'share', 'print', 'sale']);
  });

  it('uses the innermost container, under the outermost named landmark when there is one', () => {
    expect(
      namesOf(`<footer><div id="footer-top"><section><h3>Help</h3>
        <ul><li><a href="/returns">Returns</a></li></ul></section></div></footer>
        <div id="page"><div id="dp-container"><div id="buybox"><button>Buy</button></div></div></div>
        <aside id="filters"><div><section><h3>Brand</h3><label><input type="checkbox"> Acme</label></section></div></aside>
        <form id="checkout"><fieldset><legend>Payment</legend><input aria-label="Card number"></fieldset></form>`),
    ).toEqual([
      'help.returns',
      'buybox.buy',
      'filters.brand.acme',
      'checkout.payment.card_number_input',
    ]);
  });

  it('takes a control label from label[for], a wrapping label, aria-label, placeholder, title, alt', () => {
    expect(
      namesOf(`<form id="checkout">
        <label for="e">E-mail address</label><input id="e" type="email">
        <label>Postcode <input name="zip"></label>
        <input aria-label="Phone number">
        <input placeholder="Coupon code">
        <textarea name="notes"></textarea>
        <a href="/help" title="Help center"><img src="/q.png" alt=""></a>
        <a href="/home"><img src="/logo.png" alt="Acme home"></a>
      </form>`),
    ).toEqual([
      'checkout.e_mail_address_input',
      'checkout.postcode_input',
      'checkout.phone_number_input',
      'checkout.coupon_code_input',
      'checkout.notes_input',
      'checkout.help_center',
      'checkout.acme_home',
    ]);
  });

  it('names controls without any label by their kind or link target', () => {
    expect(namesOf(`<button></button><a href="/deals/summer-sale"></a><input>`)).toEqual([
      'button',
      'summer_sale',
      'input',
    ]);
  });

  it('drops prices and badge counts from labels so they stay stable', () => {
    expect(
      namesOf(`<button>Add to cart – $89.00</button><a href="/cart">Cart (3)</a>
        <a href="#reviews">(128 reviews)</a><button>Size 10</button>`),
    ).toEqual(['add_to_cart', 'cart', 'reviews', 'size_10']);
  });
});

describe('repeated items', () => {
  const card = (id: string, slug: string, title: string): string =>
    `<div class="card" data-product-id="${id}"><a href="/products/${slug}"><img alt="${title}"></a>
     <h2><a href="/products/${slug}">${title}</a></h2><span>$10</span><button>Add to cart</button></div>`;

  it('keys product cards by data-product-id, with title_link / image_link', () => {
    expect(
      namesOf(`<div id="search-results">${card('0042', 'trail-runner', 'Trail Runner')}</div>`),
    ).toEqual([
      'search_results.p0042.image_link',
      'search_results.p0042.title_link',
      'search_results.p0042.add_to_cart',
    ]);
  });

  it('keys items by link target when there is no identity attribute', () => {
    expect(
      namesOf(`<ul id="results"><li><a href="/dp/B07FW264WL/ref=sr_1_1">Oats</a><button>Buy</button></li>
        <li><a href="/products/view?id=77">Tea</a><button>Buy</button></li></ul>`),
    ).toEqual([
      'results.b07fw264wl.title_link',
      'results.b07fw264wl.buy',
      'results.p77.title_link',
      'results.p77.buy',
    ]);
  });

  it('keys items by a data-*-id, then by title or first control text, and only then by position', () => {
    expect(
      namesOf(`<ul id="reviews"><li data-review-id="r-881"><button>Helpful</button><button>Report</button></li></ul>
        <ul id="faq"><li><h4>Shipping times</h4><button>Yes</button><button>No</button></li></ul>
        <ul id="menu"><li><a href="#">Collection</a><ul><li><a href="/c/coats">Coats</a></li></ul></li></ul>
        <ul id="misc"><li><button></button><button></button></li></ul>`),
    ).toEqual([
      'reviews.r_881.helpful',
      'reviews.r_881.report',
      'faq.shipping_times.yes',
      'faq.shipping_times.no',
      'menu.collection',
      'menu.collection.coats',
      'misc.item_1.button',
      'misc.item_1.button_2',
    ]);
  });

  it('does not key an item that holds one control (a menu entry is named by its label)', () => {
    expect(namesOf(`<nav><ul><li><a href="/men">Men</a></li><li><a href="/women">Women</a></li></ul></nav>`)).toEqual(['nav.men', 'nav.women']); // prettier-ignore
  });

  it('does not key controls by a layout table row or by a carousel around one-link items', () => {
    expect(
      namesOf(`<table><tr><td><form action="/search"><input name="q"><button>Go</button></form></td></tr></table>
        <div data-pid="2047675"><h2>Also viewed</h2><ul>
          <li data-id="29358"><a href="/itm/293582396958">Battery 5x</a></li>
          <li data-id="29359"><a href="/itm/293582396959">Battery 2x</a></li></ul></div>`),
    ).toEqual(['search_form.q_input', 'search_form.go', 'also_viewed.battery_5x', 'also_viewed.battery_2x']); // prettier-ignore
  });

  it('keys cart lines by their line key, so two sizes of one product differ', () => {
    const line = (size: string) =>
      `<li data-product-id="p0042" data-line-key="p0042|size=${size}"><a href="/product/p0042">Mug</a><button>Remove</button></li>`;
    expect(namesOf(`<ul id="cart-items">${line('s')}${line('m')}</ul>`)).toEqual([
      'cart_items.p0042_size_s.title_link',
      'cart_items.p0042_size_s.remove',
      'cart_items.p0042_size_m.title_link',
      'cart_items.p0042_size_m.remove',
    ]);
  });

  it('detects repeated cards by same-class siblings', () => {
    expect(
      namesOf(`<div id="grid"><div class="tile"><a href="/p/red-mug">Red mug</a><button>Add</button></div>
        <div class="tile"><a href="/p/blue-mug">Blue mug</a><button>Add</button></div></div>`),
    ).toEqual(['grid.red_mug.title_link', 'grid.red_mug.add', 'grid.blue_mug.title_link', 'grid.blue_mug.add']); // prettier-ignore
  });

  it('keeps every other item name when an item is inserted at the top (stability)', () => {
    for (const name of ['search', 'product', 'cart']) {
      const html = fixtureHtml(name);
      const before = namesOf(html);
      const doc = parseDoc(html);
      const first =
        doc.querySelector('[data-product-id]') ?? doc.querySelector('.review-list li, tr.line');
      expect(first, name).not.toBeNull();
      const clone = first!.cloneNode(true) as Element;
      for (const el of [clone, ...Array.from(clone.querySelectorAll('*'))]) {
        for (const attr of ['data-product-id', 'data-review-id']) {
          if (el.hasAttribute(attr)) el.setAttribute(attr, 'new-1');
        }
        if (el.hasAttribute('href')) el.setAttribute('href', '/products/brand-new');
      }
      first!.parentElement!.insertBefore(clone, first);
      const after = simplifyDocument(doc, { url: 'https://shop.test/page' }).elements.map(
        (e) => e.name,
      );
      expect(after.length, name).toBeGreaterThan(before.length);
      for (const n of before) expect(after, `${name}: ${n}`).toContain(n);
    }
  });
});

describe('duplicates, slugs and caps', () => {
  it('suffixes duplicates _2, _3 in document order', () => {
    expect(namesOf(`<button>Add to cart</button><button>Add to cart</button><button>Add to cart</button>`)).toEqual(['add_to_cart', 'add_to_cart_2', 'add_to_cart_3']); // prettier-ignore
  });

  it('makes lowercase [a-z0-9_] parts capped at 32 characters, transliterating Cyrillic', () => {
    const names =
      namesOf(`<a href="/x">Ünïcödé Crème brûlée — Men's "Best" Shoes for Running on Trails</a>
      <a href="/y">Кроссовки</a><a href="/products/zh-shoe">运动鞋</a>`);
    expect(names).toEqual(['unicode_creme_brulee_mens_best', 'krossovki', 'zh_shoe']);
    for (const name of names) {
      for (const part of name.split('.')) {
        expect(part).toMatch(/^[a-z0-9_]{1,32}$/);
      }
    }
  });
});

describe('form controls', () => {
  it('names a select and its options under it', () => {
    expect(
      namesOf(`<form id="product-form"><label for="s">Size</label>
        <select id="s"><option value="">Choose</option><option>US 9</option><option>US 9</option></select></form>`),
    ).toEqual([
      'product_form.size',
      'product_form.size.choose',
      'product_form.size.us_9',
      'product_form.size.us_9_2',
    ]);
  });

  it('groups radios by fieldset legend, or by their name attribute', () => {
    expect(
      namesOf(`<form id="f"><fieldset><legend>Color</legend>
        <input type="radio" name="c" id="b"><label for="b">Blue</label></fieldset>
        <input type="radio" name="width" value="wide" id="w"><label for="w">Wide</label>
        <label><input type="checkbox" name="gift"> Gift wrap</label></form>`),
    ).toEqual(['f.color.blue', 'f.width.wide', 'f.gift_wrap']);
  });

  it('reports kind, value, checked and disabled', () => {
    const { obs } = observeHtml(`<input type="checkbox" checked aria-label="Terms">
      <button disabled>Pay</button><input type="search" value="mugs" aria-label="Search">`);
    expect(obs.elements.map((e) => [e.name, e.kind, e.checked, e.disabled, e.value])).toEqual([
      ['terms', 'checkbox', true, false, null],
      ['pay', 'button', null, true, null],
      ['search_input', 'text_input', null, false, 'mugs'],
    ]);
  });
});

describe('elements that behave as buttons', () => {
  it('names role=button/tab, onclick elements and pointer-cursor regions (root only)', () => {
    const { obs } = observeHtml(`<div role="button">Show filters</div><div role="tab">Details</div>
      <div onclick="pick()"><span><span>Red</span></span></div>
      <span style="cursor: pointer"><b style="cursor: pointer">Load more</b></span>`);
    expect(obs.elements.map((e) => [e.name, e.kind])).toEqual([
      ['show_filters', 'button'],
      ['details', 'button'],
      ['red', 'clickable'],
      ['load_more', 'clickable'],
    ]);
  });

  it('does not name a pointer region that only wraps a real control or has no text', () => {
    expect(namesOf(`<div style="cursor:pointer"><button>Real</button></div>
      <a href="/d" style="cursor:pointer"><span style="cursor:pointer">Deals</span></a>
      <div style="cursor:pointer"></div>`)).toEqual(['real', 'deals']); // prettier-ignore
  });
});

describe('names on live elements', () => {
  it('writes each name onto exactly one element and clears stale names on re-observe', () => {
    const { doc, obs } = observeHtml(fixtureHtml('product'));
    for (const { name } of obs.elements) {
      expect(doc.querySelectorAll(`[${NAME_ATTRIBUTE}="${name}"]`).length, name).toBe(1);
    }
    const stale = doc.querySelector('h1')!;
    stale.setAttribute(NAME_ATTRIBUTE, 'stale.name');
    doc.querySelector('footer')!.remove();
    const again = simplifyDocument(doc, { url: 'https://shop.test/page' });
    expect(stale.hasAttribute(NAME_ATTRIBUTE)).toBe(false);
    expect(doc.querySelectorAll(`[${NAME_ATTRIBUTE}]`).length).toBe(again.elements.length);
    expect(again.elements.map((e) => e.name)).toEqual(
      obs.elements.map((e) => e.name).filter((n) => !n.startsWith('footer.')),
    );
  });
});
