import type { Action } from '../../src/action.js';
import type { ScoredStep, SessionOutcomeClass } from '../../src/eval/scored-step.js';

export const click = (name: string): Action => ({ type: 'click', name });
export const type = (name: string, text: string): Action => ({
  type: 'type_and_submit',
  name,
  text,
});
export const terminate: Action = { type: 'terminate' };

export function step(
  sessionId: string,
  index: number,
  gold: Action,
  predicted: Action | null,
  extra: Omit<Partial<ScoredStep>, 'outcome'> & {
    outcome?: [SessionOutcomeClass, SessionOutcomeClass] | null;
  } = {},
): ScoredStep {
  const { outcome, ...rest } = extra;
  const status = rest.status ?? (predicted ? 'ok' : 'missing');
  return {
    sessionId,
    step: index,
    gold,
    goldClickType: null,
    status,
    predicted,
    correct: false,
    predictedClickType: null,
    ...rest,
    outcome: outcome ? { gold: outcome[0], predicted: outcome[1] } : null,
  };
}

const SEARCH = 'nav_bar.search_input';

/**
 * Four sessions, ten steps, every error category once. Expected values are computed by hand in
 * metrics.test.ts.
 */
export function handFixture(): ScoredStep[] {
  return [
    step('A', 0, type(SEARCH, 'running shoes'), type(SEARCH, ' Running Shoes '), { correct: true }),
    step(
      'A',
      1,
      click('search_results.item_2.title_link'),
      click('search_results.item_1.title_link'),
      {
        goldClickType: 'product_link',
        predictedClickType: 'product_link',
      },
    ),
    step('A', 2, click('product_form.add_to_cart'), click('product_form.add_to_cart'), {
      goldClickType: 'purchase',
      predictedClickType: 'purchase',
      correct: true,
      outcome: ['purchase', 'purchase'],
    }),
    step('B', 0, type(SEARCH, 'tent'), type(SEARCH, 'tents')),
    step('B', 1, terminate, click('search_results.item_1.title_link'), {
      predictedClickType: 'product_link',
      outcome: ['terminate', 'terminate'],
    }),
    step('C', 0, click('nav_bar.logo'), terminate, { goldClickType: 'nav_bar' }),
    step('C', 1, type(SEARCH, 'mug'), click('nav_bar.search_button'), {
      predictedClickType: 'search',
    }),
    step('C', 2, terminate, null, { status: 'illegal', outcome: ['terminate', 'terminate'] }),
    step('D', 0, type(SEARCH, 'lamp'), type('footer.newsletter_email', 'lamp')),
    step('D', 1, click('product_form.buy_now'), null, {
      goldClickType: 'purchase',
      outcome: ['purchase', 'terminate'],
    }),
  ];
}
