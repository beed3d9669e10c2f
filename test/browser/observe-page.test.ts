import { describe, expect, it } from 'vitest';
import { ShopsimError } from '../../src/errors.js';
import { observePage } from '../../src/browser/simplify.js';
import { useBrowser } from '../support/browser.js';

const PAGE = `<title>Mugs</title><nav aria-label="Main"><a href="/mugs">Mugs</a>
  <a href="/cups">Cups</a><a href="/plates">Plates</a><a href="/bowls">Bowls</a></nav>
  <button>Add to cart</button>`;

describe('observePage (the answer crosses as JSON)', () => {
  const browser = useBrowser();

  it('returns the validated observation with names the page carries', async () => {
    const page = await browser().newPage();
    try {
      await page.setContent(PAGE);
      const { observation } = await observePage(page);
      expect(observation.title).toBe('Mugs');
      expect(observation.elements.map((e) => e.name)).toEqual([
        'main.mugs',
        'main.cups',
        'main.plates',
        'main.bowls',
        'add_to_cart',
      ]);
      expect(await page.locator('[data-shopsim-name="main.cups"]').textContent()).toBe('Cups');
    } finally {
      await page.close();
    }
  });

  it('says so clearly when the page replaced JSON.stringify', async () => {
    const page = await browser().newPage();
    try {
      await page.setContent(`${PAGE}<script>JSON.stringify = () => '{oops';</script>`);
      await expect(observePage(page)).rejects.toThrow(ShopsimError);
      await expect(observePage(page)).rejects.toThrow(/is not JSON \(the page may have replaced/);
    } finally {
      await page.close();
    }
  });
});
