import type { ObservedElement } from '../../observe/observation.js';
import { inNav, isBuyButton, lastSegment, parentName } from './controls.js';
import type { IntentProfile } from './intent.js';
import type { PageView } from './page.js';
import { textOf } from './html.js';
import { OUT_OF_STOCK } from './text.js';

/** One choice the product page asks for (size, colour...), as the elements that offer it. */
export interface OptionGroup {
  key: string;
  /** What the page calls the choice: a fieldset legend, the select's label, else the name. */
  label: string;
  /** Every element of the group, disabled ones included. */
  members: ObservedElement[];
}

const OPTION_PATH =
  /(^|[._])(options?|variants?|variations?|sizes?|colou?rs?|swatch(es)?|styles?|widths?|fits?|flavou?rs?|materials?|capacity|storage|lengths?)([._]|$)/i;
const NOT_OPTION = /(filter|facet|sort|refine|qty|quantity|review|rating|pagination|page)/i;
/** Controls that sit among options but are actions or help, not a choice of the product. */
const NOT_A_CHOICE =
  /\b(buy|add to|wish ?list|compare|subscribe|guide|chart|help|learn more|details|share|notify)\b/i;
const PLACEHOLDER = /^(choose|select|pick|please|--)/i;
const SIZE_TEXT = /^(x{0,3}[sml]|xxl|xxxl|one size|\d{1,2}(?:[.,]5)?|small|medium|large)$/i;
const SIZE_WORDS: Record<string, string> = { small: 's', medium: 'm', large: 'l' };

/** The legend of the fieldset around the group, or the select's own label. */
function groupLabel(page: PageView, key: string, members: ObservedElement[]): string {
  const select = page.obs.elements.find((e) => e.name === key && e.kind === 'select');
  if (select?.text) return select.text;
  const node = page.nodes.get(members[0]!.name);
  for (let a = node?.parent ?? null, depth = 0; a && depth < 4; a = a.parent, depth++) {
    if (a.tag === 'fieldset') {
      const legend = a.children.find((c) => c.tag === 'legend');
      if (legend) return textOf(legend);
    }
  }
  return lastSegment(key).replace(/[_-]+/g, ' ');
}

/**
 * Choices the product page asks for before buying: radio groups, select options, or buttons under
 * an options/size/colour name, that come before the main buy button in the page.
 */
export function optionGroups(page: PageView): OptionGroup[] {
  const inItems = page.itemMemberNames();
  const buy = page.mainBuyButtons()[0];
  const order = new Map(page.obs.elements.map((e, i) => [e.name, i]));
  const limit = buy ? order.get(buy.name)! : Infinity;
  const groups = new Map<string, ObservedElement[]>();
  for (const el of page.obs.elements) {
    const key = parentName(el.name);
    if (!key || inItems.has(el.name) || inNav(el) || NOT_OPTION.test(el.name)) continue;
    if (order.get(el.name)! > limit || NOT_A_CHOICE.test(el.text)) continue;
    const choice =
      el.kind === 'radio' ||
      el.kind === 'option' ||
      ((el.kind === 'button' || el.kind === 'clickable' || el.kind === 'link') &&
        OPTION_PATH.test(key) &&
        !isBuyButton(el) &&
        !el.href);
    if (!choice) continue;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(el);
  }
  return [...groups].map(([key, members]) => ({
    key,
    label: groupLabel(page, key, members),
    members,
  }));
}

/** "Select size", "Size Select size", "Choose a colour": a choice not made yet. */
export const UNCHOSEN = /(^|\s)(select|choose|pick)( an?| your)? [\w-]+$/i;

const isPlaceholder = (el: ObservedElement): boolean =>
  PLACEHOLDER.test(el.text.trim()) ||
  UNCHOSEN.test(el.text.trim()) ||
  (el.kind === 'option' && el.value === '');

/**
 * Custom dropdowns (a button that opens a list of options) still showing their placeholder,
 * before the main buy button: each must be opened to choose.
 */
export function closedDropdowns(page: PageView): ObservedElement[] {
  const inItems = page.itemMemberNames();
  const buy = page.mainBuyButtons()[0];
  const order = new Map(page.obs.elements.map((e, i) => [e.name, i]));
  const limit = buy ? order.get(buy.name)! : Infinity;
  return page.usable.filter(
    (el) =>
      el.kind === 'button' &&
      order.get(el.name)! < limit &&
      !inItems.has(el.name) &&
      !inNav(el) &&
      !NOT_OPTION.test(el.name) &&
      !isBuyButton(el) &&
      (UNCHOSEN.test(el.text.trim()) || UNCHOSEN.test(page.shownText(el))),
  );
}

const valueOf = (m: ObservedElement): string =>
  (m.text || lastSegment(m.name)).replace(/\(.*?\)/g, '').trim();

function normSize(text: string): string {
  const t = text.trim().toLowerCase().replace(/-/g, '.').replace(/_/g, '.');
  return SIZE_WORDS[t] ?? t;
}

export type OptionChoice =
  | { kind: 'done' }
  | { kind: 'choose'; element: ObservedElement; why: string }
  | { kind: 'unavailable'; why: string };

/**
 * What to do about one option group: keep a fitting selection, pick the persona's size or
 * colour when the page offers it in stock, else the first available choice.
 */
export function chooseOption(
  group: OptionGroup,
  intent: IntentProfile,
  usable: ReadonlySet<string>,
  alreadyPicked: boolean,
): OptionChoice {
  const label = group.label.toLowerCase();
  const available = group.members.filter(
    (m) => usable.has(m.name) && !m.disabled && !OUT_OF_STOCK.test(m.text) && !isPlaceholder(m),
  );
  const selected = group.members.find((m) => m.checked === true && !isPlaceholder(m));
  const isSize =
    /size/i.test(`${group.key} ${group.label}`) ||
    (group.members.length > 1 &&
      group.members.every((m) => SIZE_TEXT.test(valueOf(m)) || isPlaceholder(m)));
  const isColor = /colou?r/i.test(`${group.key} ${group.label}`);
  let preferred: ((m: ObservedElement) => boolean) | null = null;
  let wish = '';
  if (isSize && intent.size) {
    const want = normSize(intent.size);
    preferred = (m) => normSize(valueOf(m)) === want || normSize(lastSegment(m.name)) === want;
    wish = `size ${intent.size.toUpperCase()}`;
  } else if ((isColor || !isSize) && intent.colors.length) {
    const re = new RegExp(`\\b(${intent.colors.join('|')})\\b`, 'i');
    if (group.members.some((m) => re.test(valueOf(m)))) {
      preferred = (m) => re.test(valueOf(m));
      wish = intent.colors.join(' or ');
    }
  }
  if (preferred) {
    if (selected && preferred(selected) && !selected.disabled) return { kind: 'done' };
    const hit = available.find(preferred);
    if (hit)
      return { kind: 'choose', element: hit, why: `I want ${wish}, so I pick ${valueOf(hit)}.` };
    if (group.members.some(preferred))
      return { kind: 'unavailable', why: `${wish} is out of stock` };
  }
  if (alreadyPicked || (selected && !selected.disabled)) return { kind: 'done' };
  const first = available[0];
  if (!first) return { kind: 'unavailable', why: `no ${label} is in stock` };
  return {
    kind: 'choose',
    element: first,
    why: `I need to choose a ${label}; ${valueOf(first)} is in stock, so I'll take that.`,
  };
}
