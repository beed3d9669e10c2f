import type { Page } from 'playwright';

/**
 * A person shopping on the mock shop (variant a), with real mouse clicks and keyboard typing:
 * search, price filter, a click on a heading (nothing named: dropped), a product, the next page
 * of reviews, a size, add to cart, cart, checkout with a new card number and security code,
 * place order.
 */

export const TYPED_CARD = '5555 4444 3333 1111';
export const TYPED_CVC = '987';
export const PREFILLED_CARD = '4242 4242 4242 4242';

/** The action sequence, as names read off the live page just before each interaction. */
export type ExpectedAction =
  | { type: 'click'; name: string }
  | { type: 'type_and_submit'; name: string; text: string }
  | { type: 'terminate' };

const NAME = 'data-shopsim-name';

/** The semantic name the page carries on this element right now (written by the simplifier). */
async function nameOf(page: Page, selector: string): Promise<string> {
  const name = await page.locator(selector).first().getAttribute(NAME);
  if (!name) throw new Error(`${selector} has no ${NAME} on ${page.url()}`);
  return name;
}

async function retype(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 5 });
}

/**
 * Shops like a person and returns the actions the recorder must make of it. Each expected name
 * is read from the element itself right before the interaction, so the test checks the mapping
 * from a person's input to actions (focus clicks ignored, label -> its control, implicit submit,
 * unnamed areas dropped) independently of how the simplifier spells names.
 */
export async function shopLikeAPerson(page: Page): Promise<ExpectedAction[]> {
  const expected: ExpectedAction[] = [];
  const click = async (selector: string, nameSelector = selector): Promise<void> => {
    expected.push({ type: 'click', name: await nameOf(page, nameSelector) });
    await page.click(selector);
  };
  await page.waitForLoadState('load');
  await page.click('#search_input'); // focusing the field is not an action
  expected.push({
    type: 'type_and_submit',
    name: await nameOf(page, '#search_input'),
    text: 'running shoes',
  });
  await page.keyboard.type('running shoes', { delay: 5 });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=running/);
  await page.waitForSelector(`a.price-bucket[${NAME}]`);
  await click('a.price-bucket:has-text("$50 to $100")');
  await page.waitForURL(/max=100/);
  await page.waitForSelector(`a.title-link[${NAME}]`);
  await page.click('main h1'); // an unnamed area
  await click('li.product-card[data-product-id="p0176"] a.title-link');
  await page.waitForURL(/\/product\/p0176$/);
  await page.waitForSelector(`#reviews_next[${NAME}]`);
  await click('#reviews_next');
  await page.waitForURL(/reviews_page=2/);
  await page.waitForSelector(`#opt_size_9[${NAME}]`);
  await click('label:has(#opt_size_9)', '#opt_size_9'); // the label, as people do
  await click('#add_to_cart');
  await page.waitForSelector(`#flash`);
  await page.waitForSelector(`#cart_link[${NAME}]`);
  await click('#cart_link');
  await page.waitForURL(/\/cart$/);
  await page.waitForSelector(`#proceed_to_checkout[${NAME}]`);
  await click('#proceed_to_checkout');
  await page.waitForURL(/\/checkout/);
  await retype(page, '#card_number', TYPED_CARD);
  await retype(page, '#card_cvc', TYPED_CVC);
  await page.waitForSelector(`#place_order[${NAME}]`);
  await click('#place_order');
  await page.waitForURL(/\/order\//);
  await page.waitForLoadState('load');
  expected.push({ type: 'terminate' });
  return expected;
}
