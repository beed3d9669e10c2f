import { describe, expect, it } from 'vitest';
import { createHeuristicModel } from '../../src/models/heuristic.js';
import { checkedAfterClick, decide, nameOf, persona, request, step } from './heuristic/helpers.js';
import { HOME, PRODUCT, RESULTS } from './heuristic/pages.js';

const searchBox = nameOf(HOME, /^search$/i, 'text_input');
const CASCADE = nameOf(RESULTS, /^Cascade Trail Running Shoes$/);
const PRO_X = nameOf(RESULTS, /^Trail Running Shoes Pro X$/);
const REVIEWS = nameOf(PRODUCT, /^240 reviews$/);
const NEXT_REVIEWS = nameOf(PRODUCT, /^Next page$/);
const SIZE_9 = nameOf(PRODUCT, /^9$/, 'radio');
const SIZE_10 = nameOf(PRODUCT, /^10$/, 'radio');
const BLACK = nameOf(PRODUCT, /^Black$/, 'option');
const GREEN = nameOf(PRODUCT, /^Green$/, 'option');
const ADD = nameOf(PRODUCT, /^Add to cart$/, 'button');
const RIDGE = nameOf(PRODUCT, /^Ridge Trail Running Shoes$/);
const searched = step(HOME, {
  type: 'type_and_submit',
  name: searchBox,
  text: 'trail running shoes',
});
const opened = step(RESULTS, { type: 'click', name: CASCADE });

describe('heuristic model: searching and choosing', () => {
  it('searches first on a home page, with the product words of the intent', () => {
    const answer = decide(request(persona(), HOME));
    expect(answer.action).toEqual({
      type: 'type_and_submit',
      name: searchBox,
      text: 'trail running shoes',
    });
    expect(answer.rationale).toMatch(/search/i);
  });

  it('opens the best-matching affordable in-stock result', () => {
    const answer = decide(request(persona(), RESULTS, [searched]));
    // Pro X is over budget, City Road is not for trails, socks are not shoes, Mesa is out of stock.
    expect(answer.action).toEqual({ type: 'click', name: CASCADE });
    expect(answer.rationale).toMatch(/\$89\.99.*\$100 budget/);
  });

  it('prefers a preferred brand when brand loyalty is high', () => {
    const loyal = persona({
      budget: 200,
      preferred_brands: ['Peakline'],
      shopping_style: { brand_loyalty: 'high', price_sensitivity: 'low' },
    });
    const answer = decide(request(loyal, RESULTS, [searched]));
    expect(answer.action).toEqual({ type: 'click', name: PRO_X });
    expect(answer.rationale).toMatch(/Peakline/);
  });

  it("skips products cut for the other audience when the intent says whom it's for", () => {
    const mens = (o: typeof RESULTS): typeof RESULTS => ({
      ...o,
      html: o.html.replace('>Cascade Trail Running Shoes<', ">Cascade Men's Trail Running Shoes<"),
      elements: o.elements.map((e) =>
        e.name === CASCADE ? { ...e, text: "Cascade Men's Trail Running Shoes" } : e,
      ),
    });
    const her = persona({ intent: "I need women's trail running shoes under $100." });
    const answer = decide(request(her, mens(RESULTS), [searched]));
    expect(answer.action.type).toBe('click');
    expect(answer.action).not.toEqual({ type: 'click', name: CASCADE });
    // Without the explicit word, a man's persona still takes the men's shoe.
    const him = persona({
      demographics: { age: 40, gender: 'male', income_band: 'middle', location: 'Bend, OR' },
    });
    expect(decide(request(him, mens(RESULTS), [searched])).action).toEqual({
      type: 'click',
      name: CASCADE,
    });
  });

  it('refines the search when nothing fits the budget, then gives up saying why', () => {
    const tight = persona({ budget: 40, intent: 'Trail running shoes, at most $40.' });
    const first = decide(request(tight, RESULTS, [searched]));
    expect(first.action).toEqual({
      type: 'type_and_submit',
      name: searchBox,
      text: 'running shoes',
    });
    expect(first.rationale).toMatch(/over my \$40 budget/);

    const impatient = persona({ ...tight, shopping_style: { patience: 'low' } });
    const refined = step(RESULTS, {
      type: 'type_and_submit',
      name: searchBox,
      text: 'running shoes',
    });
    const last = decide(request(impatient, RESULTS, [searched, refined]));
    expect(last.action).toEqual({ type: 'terminate' });
    expect(last.rationale).toMatch(/over my \$40 budget/);
  });

  it('leaves a product page that is over budget instead of buying it', () => {
    const tight = persona({ budget: 60 });
    const answer = decide(request(tight, PRODUCT, [searched, opened]));
    expect(answer.action.type).not.toBe('terminate');
    expect(answer.action).not.toEqual({ type: 'click', name: ADD });
    expect(answer.rationale).toMatch(/over my \$60 budget/);
  });
});

describe('heuristic model: on the product page', () => {
  it('a thorough shopper opens the reviews, then one more page of them', () => {
    const thorough = persona({ shopping_style: { thoroughness: 'high' } });
    const first = decide(request(thorough, PRODUCT, [searched, opened]));
    expect(first.action).toEqual({ type: 'click', name: REVIEWS });
    expect(first.rationale).toMatch(/review|buyers/i);

    const read = step(PRODUCT, first.action);
    const second = decide(request(thorough, PRODUCT, [searched, opened, read]));
    expect(second.action).toEqual({ type: 'click', name: NEXT_REVIEWS });

    // a thorough shopper compares before buying: one more product first
    const more = step(PRODUCT, second.action);
    const third = decide(request(thorough, PRODUCT, [searched, opened, read, more]));
    expect(third.rationale).toMatch(/compare it with another option/);
    expect(third.action.type).not.toBe('terminate');

    // back from another product, it chooses a size
    const elsewhere = { ...PRODUCT, url: 'http://shop.test/product/ridge-trail' };
    const compared = [
      searched,
      opened,
      read,
      more,
      step(elsewhere, { type: 'click', name: RIDGE }),
    ];
    const fourth = decide(request(thorough, PRODUCT, compared));
    expect(fourth.action).toEqual({ type: 'click', name: SIZE_9 });
  });

  it('a hasty shopper skips the reviews', () => {
    const answer = decide(request(persona(), PRODUCT, [searched, opened]));
    expect(answer.action).toEqual({ type: 'click', name: SIZE_9 });
  });

  it('picks in-stock options: own size if given, skipping disabled ones and placeholders', () => {
    const sized = persona({ background: 'Wears size 10 running shoes.' });
    const size = decide(request(sized, PRODUCT, [searched, opened]));
    expect(size.action).toEqual({ type: 'click', name: SIZE_10 });
    expect(size.rationale).toMatch(/size 10/);

    const chose = step(PRODUCT, size.action);
    const sizeChecked = checkedAfterClick(PRODUCT, SIZE_10);
    const color = decide(request(sized, sizeChecked, [searched, opened, chose]));
    // "Choose a color" is a placeholder and Blue is out of stock.
    expect(color.action).toEqual({ type: 'click', name: BLACK });

    const wantsGreen = persona({ intent: 'Green trail running shoes under $100.' });
    const green = decide(request(wantsGreen, sizeChecked, [searched, opened, chose]));
    expect(green.action).toEqual({ type: 'click', name: GREEN });

    const picked = step(sizeChecked, color.action);
    const ready = checkedAfterClick(sizeChecked, BLACK);
    const buy = decide(request(sized, ready, [searched, opened, chose, picked]));
    expect(buy.action).toEqual({ type: 'click', name: ADD });
    expect(buy.rationale).toMatch(/\$89\.99.*cart/);
  });

  it('an impatient shopper takes "Buy now" when offered, others add to cart', () => {
    const ready = checkedAfterClick(checkedAfterClick(PRODUCT, SIZE_9), BLACK);
    const hasty = persona({ shopping_style: { patience: 'low' } });
    const now = decide(request(hasty, ready, [searched, opened]));
    expect(now.action).toEqual({ type: 'click', name: nameOf(PRODUCT, /^Buy now$/, 'button') });
    expect(now.rationale).toMatch(/buy it now/);
    expect(decide(request(persona(), ready, [searched, opened])).action).toEqual({
      type: 'click',
      name: ADD,
    });
  });

  it('changes a preselected option that is not its size', () => {
    const sized = persona({ background: 'Wears size 10 running shoes.' });
    const preset = checkedAfterClick(PRODUCT, SIZE_9);
    const answer = decide(request(sized, preset, [searched, opened]));
    expect(answer.action).toEqual({ type: 'click', name: SIZE_10 });
    const fine = decide(request(persona(), preset, [searched, opened]));
    expect(fine.action).toEqual({ type: 'click', name: BLACK });
  });

  it('leaves when its size is out of stock', () => {
    const size8 = persona({ background: 'I wear size 8.' });
    const answer = decide(request(size8, PRODUCT, [searched, opened]));
    expect(answer.action).not.toEqual({ type: 'click', name: ADD });
    expect(answer.rationale).toMatch(/size 8 is out of stock/i);
  });
});

describe('heuristic model: browsing, determinism and feedback', () => {
  const browser = persona({
    goal: 'browse',
    budget: null,
    intent: 'Just browsing trail running shoes to see what is new.',
    shopping_style: { patience: 'medium', thoroughness: 'low' },
  });

  it('a browse-only persona looks at products and leaves without buying', () => {
    const onResults = decide(request(browser, RESULTS, [searched]));
    expect(onResults.action.type).toBe('click');
    const titles = RESULTS.elements.filter((e) => /\/product\//.test(e.href ?? '') && e.text);
    expect(titles.map((e) => e.name)).toContain((onResults.action as { name: string }).name);

    const onProduct = decide(request(browser, PRODUCT, [searched, opened]));
    expect(onProduct.action.type).not.toBe('terminate');
    expect([ADD, SIZE_9, SIZE_10, BLACK, GREEN]).not.toContain(
      (onProduct.action as { name: string }).name,
    );

    const secondProduct = step(PRODUCT, {
      type: 'click',
      name: RIDGE,
    });
    const ridge = { ...PRODUCT, url: 'http://shop.test/product/ridge-trail-runner' };
    const done = decide(request(browser, ridge, [searched, opened, secondProduct]));
    expect(done.action).toEqual({ type: 'terminate' });
    expect(done.rationale).toMatch(/not buying/);
  });

  it('gives the same answer for the same seed and request', async () => {
    const req = request(persona(), RESULTS, [searched]);
    const a = createHeuristicModel({ seed: 3 });
    const b = createHeuristicModel({ seed: 3 });
    const first = await a.predict(req);
    expect(await a.predict(req)).toEqual(first);
    expect(await b.predict(req)).toEqual(first);
    expect(first.promptTokens).toBeNull();
    expect(JSON.parse(first.text)).toEqual({
      rationale: expect.any(String),
      action: { type: 'click', name: CASCADE },
    });
  });

  it('chooses differently after its answer was rejected', () => {
    const req = request(persona(), RESULTS, [searched]);
    const first = decide(req);
    const feedback = [
      {
        answer: 'Answer 1',
        problem: `no element named ${CASCADE} on this page; similar: ${CASCADE.replace(/title/, 'image')}`,
        rejectedName: CASCADE,
      },
    ];
    const second = decide({ ...req, feedback });
    expect(second.action).not.toEqual(first.action);
    expect(second.action.type).toBe('click');
    // A rejection that does not quote the name still moves the answer on.
    const vague = decide({
      ...req,
      feedback: [{ answer: 'Answer 1', problem: 'that action is not allowed here' }],
    });
    expect(vague.action).not.toEqual(first.action);
    const twice = decide({
      ...req,
      feedback: [
        { answer: 'Answer 1', problem: 'rejected' },
        { answer: 'Answer 2', problem: 'rejected again' },
      ],
    });
    expect([first.action, vague.action]).not.toContainEqual(twice.action);
  });

  it('avoids the rejectedName of a feedback entry, whatever its text says', () => {
    const req = request(persona(), RESULTS, [searched]);
    const first = decide(req);
    const problem = 'that action is not allowed here';
    const next = decide({ ...req, feedback: [{ answer: 'Answer 1', problem }] });
    expect(next.action.type).toBe('click');
    const rejectedName = (next.action as { name: string }).name;
    const avoided = decide({ ...req, feedback: [{ answer: 'Answer 1', problem, rejectedName }] });
    expect([first.action, next.action]).not.toContainEqual(avoided.action);
  });
});
