import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTraces } from '../../src/traces/reader.js';
import { runCli } from '../support/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// frank: search, open a result, choose a size, "Buy now", place the order: 5 steps
const FRANK = path.join(ROOT, 'personas/hiker-boots-frank.json');
/** Only variant b folds the reviews behind this button. */
const FOLDED = 'reviews.show_reviews_form.show_reviews';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'shopsim-variant-by-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('ab arms told apart by cookie or header (bundled shop, real browser)', () => {
  it.each([['cookie:shop_variant'], ['header:x-shop-variant']])(
    '--variant-by %s: each arm sees its variant and keeps its cart through checkout',
    async (by) => {
      const out = path.join(tmp, by.replace(/\W/g, '-'));
      const args = ['ab', '--persona', FRANK, '--variant-by', by, '--max-steps', '5', '--seed', '3', '--out', out]; // prettier-ignore
      const { code, stderr } = await runCli([...args, '--json']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      for (const arm of ['a', 'b']) {
        const [trace] = await readTraces(path.join(out, arm));
        expect(trace!.header.variant).toBe(arm);
        // the arm is not in the URL: it comes from the cookie jar or the request header
        expect(trace!.steps.every((s) => !s.url.includes('variant='))).toBe(true);
        const product = trace!.steps.find((s) => s.url.includes('/product/'))!;
        const names = product.observation.elements.map((e) => e.name);
        expect(names.includes(FOLDED), `${arm}: ${names.join(' ')}`).toBe(arm === 'b');
        // the shop's own visitor cookie survived: the cart reached a placed order
        expect(trace!.end?.outcome).toBe('purchase');
      }
    },
    120_000,
  );
});
