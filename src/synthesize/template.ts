import type { Action } from '../action.js';
import type { ObservedElement } from '../observe/observation.js';
import type { Persona } from '../persona.js';
import { targetElement, type RationaleRequest } from './prompt.js';
import type { RationaleWriter } from './writer.js';

type Intent =
  | 'search'
  | 'purchase'
  | 'add_to_cart'
  | 'checkout'
  | 'product'
  | 'option'
  | 'review'
  | 'filter'
  | 'quantity'
  | 'cart'
  | 'other';

/**
 * `heuristic`: a deterministic template sentence built from the action, the target's text, the
 * click type and the persona — no language model. A baseline that works offline; it cannot give
 * the shopper's real reasons, so prefer a model (openai:..., llama:...) for training data.
 */
export class TemplateRationaleWriter implements RationaleWriter {
  constructor(readonly id: string) {}

  async explain(request: RationaleRequest): Promise<string> {
    return templateRationale(request);
  }

  async close(): Promise<void> {}
}

export function templateRationale(request: RationaleRequest): string {
  const { action, persona } = request;
  if (action.type === 'terminate') {
    return persona?.goal === 'browse'
      ? "I was only browsing and I've seen enough for now, so I'm closing the tab."
      : "I'm not finding what I want here right now, so I'm leaving the shop.";
  }
  const element = targetElement(request.observation, action);
  const label = quoteLabel(element, action);
  const goal = intentClause(persona);
  switch (classify(action, element, request.clickType)) {
    case 'search':
      return `I'm typing ${label} into the search box because it's the quickest way to ${goal}.`;
    case 'purchase':
      return `I'm clicking ${label} because I've decided this is the one I want to buy.`;
    case 'add_to_cart':
      return `This looks right for me, so I'm clicking ${label} to put it in my cart.`;
    case 'checkout':
      return `I have what I need, so I'm clicking ${label} to go on with my order.`;
    case 'product':
      return `I'm opening ${label} to look at the details, since it might be what I need.`;
    case 'option':
      return `I'm choosing ${label} because that's the option that suits me.`;
    case 'review':
      return `I'm clicking ${label} to see what other buyers say before I decide.`;
    case 'filter':
      return `I'm using ${label} to narrow the results down to what matters to me.`;
    case 'quantity':
      return `I'm clicking ${label} to get the quantity I want.`;
    case 'cart':
      return `I'm clicking ${label} to check what's in my cart.`;
    case 'other':
      return `I'm clicking ${label} because it looks like the way to ${goal}.`;
  }
}

function quoteLabel(
  element: ObservedElement | null,
  action: Exclude<Action, { type: 'terminate' }>,
): string {
  if (action.type === 'type_and_submit') return `"${action.text}"`;
  const text = element?.text.trim();
  if (text) return `"${text.length > 60 ? text.slice(0, 57) + '...' : text}"`;
  const last = action.name.split('.').pop()!.replace(/_/g, ' ');
  return `"${last}"`;
}

function intentClause(persona: Persona | null): string {
  if (!persona) return 'find what I came for';
  const intent = persona.intent.trim().replace(/[.!]+$/, '');
  return `get to what I came for (${intent.charAt(0).toLowerCase()}${intent.slice(1)})`;
}

const CLICK_TYPES: Record<string, Intent> = {
  search: 'search',
  suggested_term: 'search',
  purchase: 'purchase',
  product_link: 'product',
  product_option: 'option',
  review: 'review',
  filter: 'filter',
  quantity: 'quantity',
  cart_side_bar: 'cart',
  cart_page_select: 'checkout',
};

/** What kind of step this is: the action type first, then name and text keywords, then click_type. */
function classify(
  action: Exclude<Action, { type: 'terminate' }>,
  element: ObservedElement | null,
  clickType: string | null,
): Intent {
  if (action.type === 'type_and_submit') return 'search';
  const words = `${action.name} ${element?.text ?? ''}`.toLowerCase();
  if (/place.?order|buy.?now|complete.?purchase|pay.?now/.test(words)) return 'purchase';
  if (/add.?to.?(cart|bag|basket)/.test(words)) return 'add_to_cart';
  if (/checkout|check.?out/.test(words)) return 'checkout';
  if (/review|rating/.test(words)) return 'review';
  if (/quantity|qty|increase|decrease/.test(words)) return 'quantity';
  if (clickType && CLICK_TYPES[clickType]) return CLICK_TYPES[clickType];
  if (/option|color|colour|size|variant/.test(words)) return 'option';
  if (/filter|sort/.test(words)) return 'filter';
  if (/item_\d+|product|title_link/.test(words)) return 'product';
  if (/cart|bag|basket/.test(words)) return 'cart';
  return 'other';
}
