import type { ObservedElement } from '../../observe/observation.js';
import { inNav, isBuyButton, lastSegment, parentName } from './controls.js';
import type { IntentProfile } from './intent.js';
import type { PageView } from './page.js';
import { OUT_OF_STOCK } from './text.js';

/** One choice the product page asks for (size, colour...), as the elements that offer it. */
export interface OptionGroup {
  key: string;
  /** Every element of the group, disabled ones included. */
  members: ObservedElement[];
}

const OPTION_PATH =
  /(^|[._])(options?|variants?|variations?|sizes?|colou?rs?|swatch(es)?|styles?|widths?|fits?|flavou?rs?|materials?|capacity|storage|lengths?)([._]|$)/i;
const NOT_OPTION = /(filter|facet|sort|refine|qty|quantity|review|rating|pagination|page)/i;
const PLACEHOLDER = /^(choose|select|pick|please|--)/i;
const SIZE_TEXT = /^(x{0,3}[sml]|xxl|xxxl|one size|\d{1,2}(?:[.,]5)?|small|medium|large)$/i;
const SIZE_WORDS: Record<string, string> = { small: 's', medium: 'm', large: 'l' };

export function optionGroups(page: PageView): OptionGroup[] {
  const inItems = new Set(page.items().flatMap((i) => i.members.map((m) => m.name)));
  const groups = new Map<string, ObservedElement[]>();
  for (const el of page.obs.elements) {
    const key = parentName(el.name);
    if (!key || inItems.has(el.name) || inNav(el) || NOT_OPTION.test(el.name)) continue;
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
  return [...groups].map(([key, members]) => ({ key, members }));
}

const isPlaceholder = (el: ObservedElement): boolean =>
  PLACEHOLDER.test(el.text.trim()) || (el.kind === 'option' && el.value === '');

/** Whether a real, available choice is already selected in the group. */
export function hasSelection(group: OptionGroup): boolean {
  return group.members.some((m) => m.checked === true && !m.disabled && !isPlaceholder(m));
}

function normSize(text: string): string {
  const t = text.trim().toLowerCase();
  return SIZE_WORDS[t] ?? t;
}

export type OptionChoice =
  { kind: 'choose'; element: ObservedElement; why: string } | { kind: 'unavailable'; why: string };

/** Picks an in-stock option: the persona's size or colour when given, else the first available. */
export function chooseOption(
  group: OptionGroup,
  intent: IntentProfile,
  usable: ReadonlySet<string>,
): OptionChoice {
  const label = lastSegment(group.key).replace(/[_-]+/g, ' ');
  const available = group.members.filter(
    (m) => usable.has(m.name) && !m.disabled && !OUT_OF_STOCK.test(m.text) && !isPlaceholder(m),
  );
  const valueOf = (m: ObservedElement): string => (m.text || lastSegment(m.name)).trim();
  const isSize =
    /size/i.test(group.key) ||
    (group.members.length > 1 &&
      group.members.every((m) => SIZE_TEXT.test(valueOf(m)) || isPlaceholder(m)));
  if (isSize && intent.size) {
    const want = normSize(intent.size);
    const match = (m: ObservedElement): boolean =>
      normSize(valueOf(m)) === want || normSize(lastSegment(m.name)) === want;
    const hit = available.find(match);
    if (hit)
      return { kind: 'choose', element: hit, why: `I wear size ${valueOf(hit)}, so I pick that.` };
    if (group.members.some(match))
      return {
        kind: 'unavailable',
        why: `my size ${intent.size.toUpperCase()} is out of stock here`,
      };
  }
  if (intent.colors.length) {
    const hit = available.find((m) =>
      intent.colors.some((c) =>
        new RegExp(`\\b${c}\\b`, 'i').test(`${m.text} ${lastSegment(m.name)}`),
      ),
    );
    if (hit)
      return {
        kind: 'choose',
        element: hit,
        why: `I wanted ${valueOf(hit).toLowerCase()}, so I pick that ${label}.`,
      };
  }
  const first = available[0];
  if (!first) return { kind: 'unavailable', why: `no ${label} is in stock` };
  return {
    kind: 'choose',
    element: first,
    why: `I need to choose a ${label}; ${valueOf(first)} is in stock.`,
  };
}
