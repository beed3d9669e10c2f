import { expect, it } from 'vitest';
import { pointAtRevealingAncestor } from '../../src/browser/point-at.js';
import {
  openHydrated,
  QUIET,
  useModernShopInBrowser,
  visitor,
} from '../sites/modern/browser-setup.js';

const running = useModernShopInBrowser();

it('returns once the hover reveal has finished moving, so the click lands on a still button', async () => {
  const { context, page } = await visitor(running.browser, running.shop.url, QUIET);
  await openHydrated(page, running.shop.url + '/collections/audio');
  // a slow reveal: while it runs the button moves, and Playwright's retries would scroll it
  // under the sticky header
  await page.addStyleTag({ content: '[data-handle] .transition { transition-duration: 600ms }' });
  const add = page
    .locator('main [data-handle]')
    .first()
    .locator('button', { hasText: 'Add to cart' });
  expect(await pointAtRevealingAncestor(add, 5_000)).toBe(true);
  const wrapper = await add.evaluate((el) => {
    const style = getComputedStyle(el.parentElement!);
    return { opacity: style.opacity, transform: style.transform };
  });
  expect(wrapper).toEqual({ opacity: '1', transform: 'matrix(1, 0, 0, 1, 0, 0)' });
  // already drawn: nothing to point at
  expect(await pointAtRevealingAncestor(add, 5_000)).toBe(false);
  await context.close();
});
