import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../sites/shop/catalog/generate.js';
import { InputFileError } from '../src/errors.js';
import { DEFAULT_CHECKOUT } from '../src/checkout-profile.js';
import { checkoutProfileOf, describePersona, loadPersonas, type Persona } from '../src/persona.js';
import { PACKAGE_ROOT } from '../src/version.js';

const PERSONA_DIR = path.join(PACKAGE_ROOT, 'personas');

/** What each shipped persona is after in the mock shop: product types of its catalog. */
const TARGETS: Record<string, string[]> = {
  'trail-runner-maya': ['Trail Running Shoes'],
  'student-sandals-jordan': ['Sandals'],
  'commuter-earbuds-priya': ['True Wireless Earbuds'],
  'remote-worker-headphones-tom': ['Wireless Noise Cancelling Headphones'],
  'laptop-browser-elena': ['Laptop'],
  'gamer-keyboard-kai': ['Mechanical Keyboard'],
  'grandparent-building-set-ruth': ['Building Set'],
  'game-night-browser-sam': ['Board Game'],
  'home-cook-knife-marco': ["Chef's Knife"],
  'coffee-maker-aisha': ['Drip Coffee Maker'],
  'tight-budget-pan-luis': ['Nonstick Frying Pan'],
  'backpacker-tent-nina': ['Backpacking Tent'],
  'retiree-bedding-browser-george': ['Sheet Set', 'Pillow'],
  'dog-owner-restock-dana': ['Dry Dog Food'],
  'cat-owner-scratcher-wei': ['Cat Scratching Post'],
  'skincare-moisturizer-chloe': ['Face Moisturizer'],
  'fitness-beginner-ben': ['Resistance Bands Set', 'Yoga Mat'],
  'rain-jacket-window-shopper-ines': ['Rain Jacket'],
  'teen-hoodie-zoe': ['Hoodie'],
  'hiker-boots-frank': ['Hiking Boots'],
};

const VALID: Persona = {
  id: 'valid',
  display_name: 'Valid',
  demographics: { age: 30, gender: 'female', income_band: 'middle', location: 'Austin, TX' },
  shopping_style: {
    patience: 'low',
    thoroughness: 'medium',
    price_sensitivity: 'high',
    brand_loyalty: 'low',
  },
  intent: 'Buy a yoga mat.',
  goal: 'buy',
  budget: 40,
  preferred_brands: [],
  background: '',
};

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'shopsim-personas-'));
}

async function loadError(files: Record<string, string>): Promise<InputFileError> {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  const error = await loadPersonas([dir]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputFileError);
  return error as InputFileError;
}

describe('shipped personas', () => {
  it('all validate, with file names matching ids', async () => {
    const files = (await readdir(PERSONA_DIR)).filter((f) => f.endsWith('.json')).sort();
    const personas = await loadPersonas([PERSONA_DIR]);
    expect(personas.length).toBeGreaterThanOrEqual(16);
    expect(personas.map((p) => `${p.id}.json`)).toEqual(files);
    for (const p of personas) expect(describePersona(p)).toContain(p.intent);
  });

  it('mix buyers and browsers, tight and open budgets', async () => {
    const personas = await loadPersonas([PERSONA_DIR]);
    expect(personas.filter((p) => p.goal === 'browse').length).toBeGreaterThanOrEqual(3);
    expect(
      personas.filter((p) => p.budget !== null && p.budget <= 35).length,
    ).toBeGreaterThanOrEqual(4);
    expect(personas.some((p) => p.budget === null)).toBe(true);
    for (const key of ['patience', 'price_sensitivity', 'brand_loyalty'] as const) {
      expect(new Set(personas.map((p) => p.shopping_style[key])).size).toBe(3);
    }
  });

  it('fit the mock shop: target products exist within budget, preferred brands sell them', async () => {
    const catalog = generateCatalog();
    const personas = await loadPersonas([PERSONA_DIR]);
    expect(Object.keys(TARGETS).sort()).toEqual(personas.map((p) => p.id).sort());
    for (const p of personas) {
      const products = catalog.products.filter((x) => TARGETS[p.id]!.includes(x.productType));
      expect(products.length, `${p.id}: no products of ${TARGETS[p.id]}`).toBeGreaterThan(0);
      const cheapest = Math.min(...products.map((x) => x.price)) / 100;
      if (p.budget !== null)
        expect(cheapest, `${p.id}: nothing within budget`).toBeLessThanOrEqual(p.budget);
      for (const brand of p.preferred_brands) {
        expect(
          products.some((x) => x.brand === brand),
          `${p.id}: ${brand} sells no ${TARGETS[p.id]}`,
        ).toBe(true);
      }
    }
  });
});

describe('bad persona files', () => {
  it('missing field: names the file and the field', async () => {
    const rest: Partial<Persona> = { ...VALID };
    delete rest.intent;
    const error = await loadError({ 'a.json': JSON.stringify(rest) });
    expect(error.file).toMatch(/a\.json$/);
    expect(error.field).toBe('intent');
    expect(error.message).toMatch(/a\.json, field "intent": /);
  });

  it('wrong enum value in a nested field', async () => {
    const bad = { ...VALID, shopping_style: { ...VALID.shopping_style, patience: 'extreme' } };
    const error = await loadError({ 'b.json': JSON.stringify(bad) });
    expect(error.field).toBe('shopping_style.patience');
    expect(error.message).toMatch(
      /b\.json, field "shopping_style\.patience": .*low.*medium.*high/i,
    );
  });

  it('wrong goal and a bad id', async () => {
    expect((await loadError({ 'c.json': JSON.stringify({ ...VALID, goal: 'shop' }) })).field).toBe(
      'goal',
    );
    expect(
      (await loadError({ 'd.json': JSON.stringify({ ...VALID, id: 'Has Space' }) })).field,
    ).toBe('id');
  });

  it('a misspelled key is rejected, naming it', async () => {
    const error = await loadError({
      'f.json': JSON.stringify({ ...VALID, prefered_brands: ['X'] }),
    });
    expect(error.field).toBe('prefered_brands');
    expect(error.message).toMatch(/f\.json, field "prefered_brands": .*unrecognized/i);
  });

  it('bad JSON names the file', async () => {
    const error = await loadError({ 'e.json': '{ "id": "x", ' });
    expect(error.file).toMatch(/e\.json$/);
    expect(error.message).toMatch(/e\.json: not valid JSON/);
  });

  it('duplicate id names the second file, the field and the first file', async () => {
    const error = await loadError({
      'first.json': JSON.stringify(VALID),
      'second.json': JSON.stringify({ ...VALID, display_name: 'Copy' }),
    });
    expect(error.file).toMatch(/second\.json$/);
    expect(error.field).toBe('id');
    expect(error.message).toMatch(
      /second\.json, field "id": "valid" is already the id of .*first\.json/,
    );
  });

  it('a missing path or an empty directory', async () => {
    const missing = await loadPersonas(['/nonexistent/personas']).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/\/nonexistent\/personas: no such persona file/);
    const empty = await loadPersonas([await tempDir()]).catch((e: unknown) => e);
    expect((empty as Error).message).toMatch(/holds no \*\.json persona files/);
  });
});

describe('checkout profile', () => {
  const profile = {
    name: 'Zoe Park',
    email: 'zoe@example.com',
    address: '18 Elm Row',
    city: 'Sacramento',
    postal_code: '95814',
    country: 'United States',
    card_number: '4242 4242 4242 4242',
    card_expiry: '11/33',
    card_cvc: '987',
  };

  it('is optional: a persona without one shops with the default test card', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.json'), JSON.stringify({ ...VALID, checkout: profile }));
    await writeFile(path.join(dir, 'b.json'), JSON.stringify({ ...VALID, id: 'other' }));
    const [own, other] = await loadPersonas([dir]);
    expect(checkoutProfileOf(own)).toEqual(profile);
    expect(checkoutProfileOf(other)).toEqual(DEFAULT_CHECKOUT);
    expect(checkoutProfileOf(null).card_number).toBe('4242 4242 4242 4242');
    expect(DEFAULT_CHECKOUT).toMatchObject({ card_expiry: '12/34', card_cvc: '123' });
  });

  it('names the bad field and says how to fix it', async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ card_number: '4242 4242 4242 4241' }, 'card_number', /not a valid card number.*4242/],
      [{ card_expiry: '2034-12' }, 'card_expiry', /MM\/YY/],
      [{ card_cvc: '12' }, 'card_cvc', /3- or 4-digit/],
      [{ email: 'zoe' }, 'email', /email address like/],
    ];
    for (const [change, field, message] of cases) {
      const error = await loadError({
        'c.json': JSON.stringify({ ...VALID, checkout: { ...profile, ...change } }),
      });
      expect(error.field).toBe(`checkout.${field}`);
      expect(error.message).toMatch(message);
    }
    const missing: Record<string, string> = { ...profile };
    delete missing.city;
    const error = await loadError({ 'd.json': JSON.stringify({ ...VALID, checkout: missing }) });
    expect(error.field).toBe('checkout.city');
  });
});

describe('weight and fitted statistics', () => {
  it('a persona file without them parses exactly as before: no weight, no fitted key', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'valid.json'), JSON.stringify(VALID));
    const [p] = await loadPersonas([dir]);
    expect(p).toEqual(VALID);
    expect(Object.keys(p!)).not.toContain('weight');
    expect(Object.keys(p!)).not.toContain('fitted');
  });

  it('accepts a weight in 0..1 with its statistics, and skips cohorts.json in a folder', async () => {
    const dir = await tempDir();
    const fitted = {
      sessions: 3,
      means: { steps: 4, purchase: 0.5 },
      top_queries: ['mat'],
      top_products: [],
      source: ['traces/human'],
    };
    await writeFile(
      path.join(dir, 'valid.json'),
      JSON.stringify({ ...VALID, weight: 0.3, fitted }),
    );
    await writeFile(path.join(dir, 'cohorts.json'), JSON.stringify({ k: 1, cohorts: [] }));
    const [p, ...rest] = await loadPersonas([dir]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ weight: 0.3, fitted });
  });

  it('rejects a weight above 1 and an unknown key in the fitted block', async () => {
    expect((await loadError({ 'w.json': JSON.stringify({ ...VALID, weight: 1.5 }) })).field).toBe(
      'weight',
    );
    const fitted = { sessions: 1, means: {}, source: ['x'], cluster: 2 };
    expect((await loadError({ 'f.json': JSON.stringify({ ...VALID, fitted }) })).field).toBe(
      'fitted.cluster',
    );
  });
});
