/**
 * Filling a checkout form from the shopper's checkout profile, one field per step as a person
 * does: first the choices that reshape the form (country, shipping method), then each empty
 * required field in page order, fixing any field the page marked invalid.
 */
import { ancestors, contains, type HtmlNode } from '../../html/node.js';
import type { ObservedElement } from '../../observe/observation.js';
import {
  fieldRole,
  invalidMessage,
  isOptionalField,
  profileValue,
  ROLE_WORDS,
  type FieldRole,
} from './checkout-fields.js';
import { click, typeInto, type Ctx, type Decision } from './context.js';
import { inNav, lastSegment, parentName } from './controls.js';
import { textOf } from './html.js';
import type { PageView } from './page.js';
import { firstPrice } from './text.js';

/** Times one field is typed into before the shopper stops trying it. */
const MAX_TRIES = 3;
const PLACEHOLDER = /^(select|choose|please|pick|--|—)/i;
const COUNTRY_ALIASES: Record<string, string[]> = {
  'united states': ['us', 'usa', 'united states of america', 'u.s.', 'u.s.a.'],
  'united kingdom': ['gb', 'uk', 'great britain', 'britain'],
};

/** The form the place-order button submits, or null when it stands outside a form. */
function checkoutForm(page: PageView, place: ObservedElement): HtmlNode | null {
  const node = page.nodes.get(place.name);
  return node ? (ancestors(node).find((a) => a.tag === 'form') ?? null) : null;
}

/** The controls of the checkout form, in page order. */
function formControls(page: PageView, place: ObservedElement): ObservedElement[] {
  const form = checkoutForm(page, place);
  return page.usable.filter((el) => {
    if (inNav(el)) return false;
    const node = page.nodes.get(el.name);
    if (form) return !!node && contains(form, node);
    return true;
  });
}

const isPlaceholder = (o: ObservedElement): boolean =>
  o.value === '' || PLACEHOLDER.test(o.text.trim());

function sameCountry(option: ObservedElement, wanted: string): boolean {
  const w = wanted.trim().toLowerCase();
  const names = [w, ...(COUNTRY_ALIASES[w] ?? [])];
  for (const [full, aliases] of Object.entries(COUNTRY_ALIASES))
    if (aliases.includes(w)) names.push(full, ...aliases);
  const text = option.text.trim().toLowerCase();
  const value = (option.value ?? '').trim().toLowerCase();
  return names.includes(text) || names.includes(value);
}

/** The option to pick in a select, for the roles the profile can answer. */
function optionFor(
  ctx: Ctx,
  role: FieldRole | null,
  options: ObservedElement[],
): ObservedElement | null {
  const real = options.filter((o) => !o.disabled && !isPlaceholder(o));
  if (role === 'country') return real.find((o) => sameCountry(o, ctx.profile.country)) ?? null;
  if (role === 'card_expiry') {
    const [mm, yy] = ctx.profile.card_expiry.split('/').map((p) => p.trim());
    return (
      real.find((o) => {
        const t = `${o.value ?? ''} ${o.text}`;
        return /year/i.test(
          ctx.page.obs.elements.find((e) => e.name === parentName(o.name))?.text ?? '',
        )
          ? new RegExp(`\\b(20)?${yy}\\b`).test(t)
          : new RegExp(`\\b0?${Number(mm)}\\b`).test(t);
      }) ?? null
    );
  }
  return null;
}

/** What the legend or select label calls a choice group. */
function groupLabel(page: PageView, member: ObservedElement): string {
  const node = page.nodes.get(member.name);
  const fieldset = node ? ancestors(node).find((a) => a.tag === 'fieldset') : undefined;
  const legend = fieldset?.children.find((c) => c.tag === 'legend');
  return (
    legend ? textOf(legend) : lastSegment(parentName(member.name)).replace(/_/g, ' ')
  ).toLowerCase();
}

/** A select still on its placeholder, or a radio group with nothing picked: choose for it. */
function nextChoice(ctx: Ctx, controls: ObservedElement[]): Decision | null {
  const seen = new Set<string>();
  for (const el of controls) {
    if (el.kind === 'select') {
      const options = ctx.page.obs.elements.filter(
        (o) => o.kind === 'option' && parentName(o.name) === el.name,
      );
      const selected = options.find((o) => o.checked === true);
      const invalid = invalidMessage(ctx.page, el);
      if (selected && !isPlaceholder(selected) && !invalid) continue;
      if (isOptionalField(el) && !invalid) continue;
      const pick = optionFor(ctx, fieldRole(el), options);
      if (pick && pick.name !== selected?.name)
        return click(
          pick,
          `The form asks for my ${el.text.toLowerCase() || 'choice'}, so I'll pick ${pick.text}.`,
        );
    }
    if (el.kind === 'radio') {
      const group = parentName(el.name);
      if (seen.has(group)) continue;
      seen.add(group);
      const members = controls.filter((m) => m.kind === 'radio' && parentName(m.name) === group);
      if (members.some((m) => m.checked === true)) continue;
      const open = members.filter((m) => !m.disabled);
      const price = (m: ObservedElement): number =>
        /\bfree\b/i.test(m.text) ? 0 : (firstPrice(m.text) ?? Infinity);
      const cheapest = [...open].sort((a, b) => price(a) - price(b))[0];
      if (!cheapest) continue;
      const what = cheapest.text.split(/[·(]/)[0]!.trim() || 'the first option';
      return click(
        cheapest,
        `I need to choose a ${groupLabel(ctx.page, el)}; ${what} is the cheapest, so I'll take it.`,
      );
    }
  }
  return null;
}

/** How often the shopper has typed into this field already. */
const triesOf = (ctx: Ctx, name: string): number => ctx.state.typed.get(name) ?? 0;

/** The next text field to type: a field the page refused, else an empty required one. */
function nextText(ctx: Ctx, controls: ObservedElement[]): Decision | null {
  const texts = controls.filter((el) => el.kind === 'text_input' || el.kind === 'textarea');
  const plans = texts.flatMap((el) => {
    const role = fieldRole(el);
    const value = role ? profileValue(role, ctx.profile) : null;
    if (!role || value === null || triesOf(ctx, el.name) >= MAX_TRIES) return [];
    return [{ el, role, value, invalid: invalidMessage(ctx.page, el) }];
  });
  const fix = plans.find((p) => p.invalid && (p.el.value ?? '') !== '');
  if (fix)
    return typeInto(
      fix.el,
      fix.value,
      `The page says "${fix.invalid}", so I'll enter my ${ROLE_WORDS[fix.role]} again.`,
    );
  const empty = plans.find(
    (p) => (p.el.value ?? '').trim() === '' && (p.invalid || !isOptionalField(p.el)),
  );
  if (empty)
    return typeInto(
      empty.el,
      empty.value,
      empty.invalid
        ? `The page says "${empty.invalid}", so I'll fill in my ${ROLE_WORDS[empty.role]}.`
        : `The checkout asks for my ${ROLE_WORDS[empty.role]}, so I'll fill it in.`,
    );
  return null;
}

/** Required terms checkboxes are ticked; newsletters and "save my details" are left alone. */
function nextAgreement(controls: ObservedElement[]): Decision | null {
  const box = controls.find(
    (el) =>
      el.kind === 'checkbox' &&
      el.checked !== true &&
      /\b(agree|terms|conditions)\b/i.test(el.text) &&
      !/newsletter|offers|marketing|subscribe/i.test(el.text),
  );
  return box ? click(box, `I have to accept the terms to order, so I'll tick the box.`) : null;
}

/**
 * The next step of filling the checkout form before the place-order button, or null when
 * everything the shopper can fill is filled.
 */
export function checkoutFill(ctx: Ctx, place: ObservedElement): Decision | null {
  const controls = formControls(ctx.page, place);
  return nextChoice(ctx, controls) ?? nextText(ctx, controls) ?? nextAgreement(controls);
}
