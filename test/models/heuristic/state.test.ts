import { describe, expect, it } from 'vitest';
import { decide, nameOf, persona, request, step } from './helpers.js';
import { HOME, PRODUCT, RESULTS } from './pages.js';

const searchBox = nameOf(HOME, /^search$/i, 'text_input');
const searched = step(HOME, { type: 'type_and_submit', name: searchBox, text: 'trail running shoes' }); // prettier-ignore
const opened = step(RESULTS, { type: 'click', name: nameOf(RESULTS, /^Cascade Trail Running Shoes$/) }); // prettier-ignore
const SIZE_9 = nameOf(PRODUCT, /^9$/, 'radio');

describe('what the shopper remembers of failed clicks', () => {
  const hasty = persona(); // picks size 9 straight away

  it('tries a click again that a pop-up got in the way of, once the pop-up is gone', () => {
    const covered = step(
      PRODUCT,
      { type: 'click', name: SIZE_9 },
      `cannot click ${SIZE_9}: it is covered by another element (<div data-backdrop>); close or dismiss what covers it, or choose another element.`,
    );
    // the newsletter pop-up that covered it, closed
    const popup = { ...PRODUCT, html: `${PRODUCT.html}<div role="dialog">Get 10% off</div>` };
    const closed = step(popup, { type: 'click', name: 'get_10_off.close' });
    expect(decide(request(hasty, PRODUCT, [searched, opened, covered, closed])).action).toEqual({
      type: 'click',
      name: SIZE_9,
    });
  });

  it('does not repeat a click that failed otherwise', () => {
    const disabled = step(
      PRODUCT,
      { type: 'click', name: SIZE_9 },
      `cannot click ${SIZE_9}: it is disabled; choose another element or first do what it needs.`,
    );
    expect(decide(request(hasty, PRODUCT, [searched, opened, disabled])).action).not.toEqual({
      type: 'click',
      name: SIZE_9,
    });
  });
});
