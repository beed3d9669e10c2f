import type { EvaluateOptions } from '../../src/eval/evaluate.js';
import { ScriptedModel } from '../../src/models/scripted.js';
import { HUMAN } from './cli-helpers.js';

/**
 * Scripted model answers for the 18 steps of the human fixture set, in session order, with the
 * expected outcome of each (hand-checked). Retries are inline: an invalid answer followed by the
 * answer given after feedback. With --max-attempts 2:
 * correct 12/18; illegal 1 (s2/1); wrong target s1/2, s5/2; wrong keyword s2/0; didn't click s3/1;
 * didn't terminate s4/1 (its add_to_cart resolves to purchase, so s4 is a predicted purchase).
 */
const answer = (action: Record<string, unknown>, rationale = 'Scripted reason.') => ({
  rationale,
  action,
});
const click = (name: string) => answer({ type: 'click', name });
const type = (name: string, text: string) => answer({ type: 'type_and_submit', name, text });
const terminate = answer({ type: 'terminate' });
const SEARCH = 'nav_bar.search_input';

/** Answers per step: [session, step, responses]. */
export const SCRIPT: [string, number, (string | Record<string, unknown>)[]][] = [
  ['human-s1', 0, [type(SEARCH, 'trail running shoes')]],
  [
    'human-s1',
    1,
    ['I think I will click the second one', click('search_results.item_2.title_link')],
  ],
  ['human-s1', 2, [click('product_form.options.color.red')]],
  ['human-s1', 3, [click('product_form.add_to_cart')]],
  ['human-s1', 4, [click('cart.checkout')]],
  ['human-s1', 5, [click('checkout.place_order')]],
  ['human-s2', 0, [type(SEARCH, 'tent')]],
  ['human-s2', 1, [click('nowhere.x'), click('also.nowhere')]],
  ['human-s2', 2, [click('search_results.item_1.title_link')]],
  ['human-s2', 3, [terminate]],
  ['human-s3', 0, [click('home.featured.item_1.title_link')]],
  ['human-s3', 1, [terminate]],
  ['human-s3', 2, [terminate]],
  ['human-s4', 0, [type(SEARCH, 'Mug ')]],
  ['human-s4', 1, [click('search_results.item_1.add_to_cart')]],
  ['human-s5', 0, [type(SEARCH, 'desk lamp')]],
  ['human-s5', 1, [click('search_results.item_1.title_link')]],
  ['human-s5', 2, [click('product_form.add_to_cart')]],
];

/** The flat response list for the given steps (all by default), in order. */
export function responses(filter: (session: string, step: number) => boolean = () => true) {
  return SCRIPT.filter(([s, i]) => filter(s, i)).flatMap(([, , r]) => r);
}

/**
 * evaluate() options for the human fixture set answered by a scripted model (default: the whole
 * script), one call at a time, with no bootstrap.
 */
export function scriptedEval(
  outDir: string,
  model: ScriptedModel = new ScriptedModel(responses()),
): EvaluateOptions {
  return {
    human: HUMAN,
    source: { kind: 'model', model, spec: 'scripted:test' },
    outDir,
    concurrency: 1,
    maxAttempts: 2,
    historyPages: 1,
    seed: 1,
    resamples: 0,
  };
}
