import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { DESIGN_PARAMS as P } from '../../../src/models/heuristic/design-params.js';
import { quotedShipping } from '../../../src/models/heuristic/design.js';
import { designDraw, sessionDraw } from '../../../src/models/heuristic/rng.js';
import type { Observation, Prominence } from '../../../src/observe/observation.js';
import { simplifyDocument } from '../../../src/observe/simplify.js';
import type { Persona } from '../../../src/persona.js';
import { decide, persona, request, step } from './helpers.js';

const SEEDS = Array.from({ length: 150 }, (_, i) => i + 1);

function observe(body: string, url: string): Observation {
  const { document } = parseHTML(
    `<html><head><title>Shop</title></head><body>${body}</body></html>`,
  );
  return simplifyDocument(document as unknown as Document, { url });
}

/** The same page with every element drawn at `screen` when its name matches. */
function at(page: Observation, test: RegExp, screen: number): Observation {
  return {
    ...page,
    elements: page.elements.map((e) => (test.test(e.name) ? { ...e, screen } : e)),
  };
}

const SEARCH = `<form role="search" action="/search"><input type="search" name="q" aria-label="Search"><button>Search</button></form>`;
const productPage = (extra = '', search = SEARCH) =>
  observe(
    `<header>${search}<a href="/cart">Cart</a></header><main><h1>Trail Running Shoes</h1>
     <p class="price">$79.00</p><p>4.6 out of 5</p>${extra}
     <form action="/cart/add" method="post"><button type="submit">Add to cart</button></form></main>`,
    'http://shop.test/product/trail-shoes',
  );

/** Seeds whose first answer on `page` is to leave. */
function leaving(who: Persona, page: Observation, history = [] as ReturnType<typeof step>[]) {
  return SEEDS.filter(
    (seed) => decide(request(who, page, history), seed).action.type === 'terminate',
  );
}
/** Seeds whose design draw for this persona and step falls under `chance`. */
const under = (who: Persona, stepIndex: number, chance: number) =>
  SEEDS.filter((seed) => designDraw(seed, who.id, stepIndex) < chance);

describe('design-aware heuristic', () => {
  const dana = persona();

  it('leaves a product page whose buy button is below the first screen, at the published rate', () => {
    const above = at(productPage(), /add_to_cart/, 0.4);
    const below = at(productPage(), /add_to_cart/, 1.6);
    expect(leaving(dana, above)).toEqual([]);
    const chance = P.fold.unseenLeave * (1 - P.fold.reach[1]);
    expect(leaving(dana, below)).toEqual(under(dana, 0, chance));
    expect(leaving(dana, below).length).toBeGreaterThan(SEEDS.length * 0.15);
    const seed = under(dana, 0, chance)[0]!;
    expect(decide(request(dana, below), seed).rationale).toMatch(/digging down the page/);
    // impatient shoppers give up more often, always including the patient ones' seeds
    const impatient = persona({ shopping_style: { patience: 'low' } });
    expect(leaving(impatient, below)).toEqual(under(impatient, 0, chance * 1.4));
  });

  it('may miss a faintly drawn buy button, and finds a large strong one further down the page', () => {
    const drawn = (page: Observation, prominence: Prominence, screen = 0.4): Observation => ({
      ...page,
      elements: page.elements.map((e) =>
        /add_to_cart/.test(e.name) ? { ...e, prominence, screen } : e,
      ),
    });
    const faint = { width: 70, height: 22, contrast: 2.2, filled: false };
    const plain = { width: 260, height: 40, contrast: 15, filled: true };
    const strong = { width: 260, height: 52, contrast: 10, filled: true };
    expect(leaving(dana, drawn(productPage(), plain))).toEqual([]);
    expect(leaving(dana, drawn(productPage(), { ...faint, height: 30 }))).toEqual(
      under(dana, 0, P.fold.unseenLeave * P.prominence.weakMiss),
    );
    // a filled button is weak only when it is tiny
    expect(leaving(dana, drawn(productPage(), { ...plain, height: 20 }))).toEqual(
      under(dana, 0, P.fold.unseenLeave * P.prominence.weakMiss),
    );
    const leavers = leaving(dana, drawn(productPage(), faint));
    expect(leavers.length).toBeGreaterThan(SEEDS.length * 0.08);
    expect(decide(request(dana, drawn(productPage(), faint)), leavers[0]!).rationale).toMatch(
      /Nothing on this page stands out as a way to buy it/,
    );
    // below the fold, a strong button is missed half as often as a plain one
    const missed = P.fold.unseenLeave * (1 - P.fold.reach[1]);
    expect(leaving(dana, drawn(productPage(), plain, 1.6))).toEqual(under(dana, 0, missed));
    expect(leaving(dana, drawn(productPage(), strong, 1.6))).toEqual(
      under(dana, 0, missed * P.prominence.strongFoldMiss),
    );
  });

  it('may leave before each checkout field it must type beyond the ones a checkout needs', () => {
    const FILLED = [
      ['Full name', 'Dana Reyes'], ['Email', 'dana@example.com'], ['Street address', '1 Main St'],
      ['City', 'Denver'], ['State', 'CO'], ['ZIP code', '80202'], ['Country', 'US'],
      ['Card number', '4242 4242 4242 4242'], ['Security code (CVC)', '123'],
    ]; // prettier-ignore
    const checkout = (prefilled: number, extra = '') =>
      observe(
        `<main><h1>Checkout</h1><form action="/checkout" method="post">
         ${FILLED.slice(0, prefilled)
           .map(
             ([label, value], i) =>
               `<label for="f${i}">${label}</label><input id="f${i}" value="${value}">`,
           )
           .join('')}
         ${extra}<label for="m">Mobile phone</label><input id="m" name="mobile" type="tel" required>
         <button type="submit">Place order</button></form><p>Shipping $4.99 Total $83.99</p></main>`,
        'http://shop.test/checkout',
      );
    const cart = observe(
      `<main><h1>Cart</h1><p>Shipping $4.99</p><a href="/checkout">Checkout</a></main>`,
      'http://shop.test/cart',
    );
    const history = [step(cart, { type: 'click', name: 'main.checkout' })];
    const long = checkout(P.checkoutFields.comfortable);
    const leavers = leaving(dana, long, history);
    expect(leavers).toEqual(under(dana, 1, P.checkoutFields.leavePerField));
    expect(leavers.length).toBeGreaterThan(0);
    expect(decide(request(dana, long, history), leavers[0]!).rationale).toMatch(/another field/);
    const typing = SEEDS.find((s) => !leavers.includes(s))!;
    expect(decide(request(dana, long, history), typing).action.type).toBe('type_and_submit');
    // a form that holds fewer fields than a checkout needs costs nothing to complete; a filled
    // list (country) is a form element, not a field typed into
    expect(leaving(dana, checkout(P.checkoutFields.comfortable - 1), history)).toEqual([]);
    const country = `<label for="c">Country</label><select id="c"><option selected>United States</option></select>`;
    const listed = checkout(P.checkoutFields.comfortable - 1, country);
    // as a browser reads it: the list holds its chosen value
    const withList = {
      ...listed,
      elements: listed.elements.map((e) => (e.kind === 'select' ? { ...e, value: 'US' } : e)),
    };
    expect(withList.elements.filter((e) => e.kind === 'select')).toHaveLength(1);
    expect(leaving(dana, withList, history)).toEqual([]);
  });

  it('may leave when shipping first shows up on the place-order page', () => {
    const place = (shipping: string) =>
      observe(
        `<main><h1>Review order</h1><p>Subtotal $79.00</p><p>Shipping ${shipping}</p>
         <form action="/checkout" method="post"><button type="submit">Place order</button></form></main>`,
        'http://shop.test/checkout',
      );
    const cart = (line: string) =>
      observe(`<main><h1>Cart</h1><p>${line}</p><a href="/checkout">Checkout</a></main>`, 'http://shop.test/cart'); // prettier-ignore
    const click = { type: 'click', name: 'main.checkout' } as const;
    const late = [step(cart('Subtotal $79.00 Shipping: calculated at checkout'), click)];
    const early = [step(cart('Shipping $6.50'), click)];
    const chance = P.lateCosts.leave * P.scale.price_sensitivity.medium;
    expect(leaving(dana, place('$6.50'), late)).toEqual(under(dana, 1, chance));
    expect(leaving(dana, place('$6.50'), early)).toEqual([]);
    expect(leaving(dana, place('FREE'), late)).toEqual([]);
    expect(leaving(dana, place('$6.50'))).toEqual([]); // no earlier summary to be surprised by
  });

  it('reads shipping quotes: amounts, free, or none', () => {
    expect(quotedShipping('Items $20.00 Shipping $5.99 Total $25.99')).toBe(5.99);
    expect(quotedShipping('Free delivery: FREE')).toBe(0);
    expect(quotedShipping('Shipping: Calculated at checkout Estimated total $20.00')).toBeNull();
    expect(quotedShipping('Shipping address Full name Free delivery on orders over $35.')).toBeNull(); // prettier-ignore
  });

  it('makes research-minded shoppers hesitate when reviews are folded behind a button', () => {
    const folded = productPage(`<form action="/reviews"><button>Show reviews</button></form>`);
    const careful = persona({ shopping_style: { thoroughness: 'high' } });
    const chance = P.hiddenReviews.leave * P.scale.thoroughness.high;
    expect(leaving(careful, folded)).toEqual(under(careful, 0, chance));
    expect(leaving(dana, folded)).toEqual([]); // thoroughness low: never reads reviews
    expect(leaving(careful, productPage('<p>Great shoes, 5 out of 5.</p>'))).toEqual([]);
  });

  it('may give up when it wants to search again and the page has no search box', () => {
    const over = (search: string) =>
      observe(
        `<header>${search}<a href="/cart">Cart</a></header>
         <nav aria-label="Categories"><a href="/category/running">Running shoes</a></nav>
         <main><h1>Trail Running Shoes</h1><p class="price">$179.00</p>
         <form action="/cart/add" method="post"><button>Add to cart</button></form></main>`,
        'http://shop.test/product/trail-shoes',
      );
    const home = observe(`<header>${SEARCH}</header><main><h1>Welcome</h1></main>`, 'http://shop.test/'); // prettier-ignore
    const box = home.elements.find((e) => e.kind === 'text_input')!.name;
    const history = [step(home, { type: 'type_and_submit', name: box, text: 'trail running shoes' })]; // prettier-ignore
    expect(leaving(dana, over(SEARCH), history)).toEqual([]);
    const chance = P.lostSearch.leave * P.scale.patience.medium;
    const lost = leaving(dana, over(''), history);
    expect(lost).toEqual(under(dana, 1, chance));
    expect(decide(request(dana, over(''), history), lost[0]!).rationale).toMatch(/no search box/);
  });

  it('may leave a long result list that offers no filter, more often the longer it is', () => {
    const NAMES = ['Ridge', 'Canyon', 'Summit', 'Alpine', 'Mesa', 'Cedar', 'Granite', 'Falcon'];
    const card = (i: number) =>
      `<li class="card"><h2><a href="/product/trail-${i}">${NAMES[i % 8]} Trail Running Shoes ${String.fromCharCode(65 + i)}</a></h2>
       <p><span class="price">$${60 + i}.00</span></p><p>4.${i % 10} out of 5</p></li>`;
    const results = (count: number, filters = '') =>
      observe(
        `<header>${SEARCH}</header><main><h1>${count} results</h1>${filters}
         <ul class="results">${Array.from({ length: count }, (_, i) => card(i)).join('')}</ul></main>`,
        'http://shop.test/search?q=trail+running+shoes',
      );
    const home = observe(`<header>${SEARCH}</header><main><h1>Welcome</h1></main>`, 'http://shop.test/'); // prettier-ignore
    const box = home.elements.find((e) => e.kind === 'text_input')!.name;
    const searched = [step(home, { type: 'type_and_submit', name: box, text: 'trail running shoes' })]; // prettier-ignore
    const leaves = (page: Observation) => leaving(dana, page, searched);
    const chance = (count: number) =>
      Math.min(P.choice.maxLeave, P.choice.leavePerExtra * (count - P.choice.comfortable));
    expect(leaves(results(P.choice.comfortable))).toEqual([]);
    const long = leaves(results(20));
    expect(long).toEqual(under(dana, 1, chance(20)));
    expect(long.length).toBeGreaterThan(0);
    expect(decide(request(dana, results(20), searched), long[0]!).rationale).toMatch(
      /20 results and no way/,
    );
    // a longer list loses at least the same shoppers; the chance is capped
    expect(leaves(results(26))).toEqual(under(dana, 1, chance(26)));
    expect(under(dana, 1, chance(20)).every((s) => leaves(results(26)).includes(s))).toBe(true);
    expect(chance(60)).toBe(P.choice.maxLeave);
    // a price filter next to the list: nothing to give up over
    const filter = `<form action="/search"><label>Max price <select name="max_price"><option>$50</option></select></label><button>Apply</button></form>`;
    expect(leaves(results(20, filter))).toEqual([]);
  });

  it('sends search-dominant shoppers back to the search before a related product', () => {
    const over = (search: string) =>
      observe(
        `<header>${search}<a href="/cart">Cart</a></header>
         <main><h1>Trail Running Shoes Pro</h1><p class="price">$179.00</p>
         <form action="/cart/add" method="post"><button>Add to cart</button></form>
         <section><h2>You may also like</h2><ul>
           <li><a href="/product/ridge-trail">Ridge Trail Running Shoes</a><p class="price">$89.00</p></li>
           <li><a href="/product/mesa-trail">Mesa Trail Running Shoes</a><p class="price">$94.00</p></li>
         </ul></section></main>`,
        'http://shop.test/product/trail-pro',
      );
    const home = observe(`<header>${SEARCH}</header><main><h1>Welcome</h1></main>`, 'http://shop.test/'); // prettier-ignore
    const box = home.elements.find((e) => e.kind === 'text_input')!.name;
    const history = [step(home, { type: 'type_and_submit', name: box, text: 'trail running shoes' })]; // prettier-ignore
    const searchFirst = SEEDS.filter(
      (seed) => sessionDraw(seed, dana.id, 'search-dominant') < P.lostSearch.searchDominant,
    );
    expect(searchFirst.length).toBeGreaterThan(SEEDS.length * 0.35);
    expect(searchFirst.length).toBeLessThan(SEEDS.length * 0.65);
    const act = (page: Observation, seed: number) => decide(request(dana, page, history), seed).action; // prettier-ignore
    const related = { type: 'click', name: expect.stringMatching(/ridge_trail|mesa_trail/) };
    for (const seed of SEEDS) {
      const withBox = act(over(SEARCH), seed);
      if (searchFirst.includes(seed)) expect(withBox).toMatchObject({ type: 'type_and_submit' });
      else expect(withBox).toMatchObject(related);
    }
    // without a search box: only search-dominant shoppers may give up, at the documented chance
    const lost = leaving(dana, over(''), history);
    const chance = P.lostSearch.leave * P.scale.patience.medium;
    expect(lost).toEqual(under(dana, 1, chance).filter((seed) => searchFirst.includes(seed)));
    for (const seed of SEEDS.filter((s) => !lost.includes(s)))
      expect(act(over(''), seed)).toMatchObject(related);
  });

  it('draws the same number for the same persona, seed and step whatever the page', () => {
    expect(designDraw(3, 'dana', 4)).toBe(designDraw(3, 'dana', 4));
    expect(designDraw(3, 'dana', 4)).not.toBe(designDraw(3, 'dana', 5));
  });
});
