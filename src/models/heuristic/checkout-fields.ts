/**
 * Reading a checkout form as a shopper does: what each field asks for (by its name and label),
 * whether it is optional, and whether the page has marked it invalid (aria-invalid, or a
 * validation message right after it).
 */
import type { CheckoutProfile } from '../../checkout-profile.js';
import { ancestors, type HtmlNode } from '../../html/node.js';
import type { ObservedElement } from '../../observe/observation.js';
import { lastSegment, searchScore } from './controls.js';
import { textOf } from './html.js';
import type { PageView } from './page.js';

export type FieldRole =
  | 'card_cvc'
  | 'card_expiry'
  | 'card_name'
  | 'card_number'
  | 'email'
  | 'phone'
  | 'postal_code'
  | 'country'
  | 'region'
  | 'city'
  | 'address2'
  | 'address'
  | 'first_name'
  | 'last_name'
  | 'name';

/** First match wins: card details before names, apartment lines before addresses. */
const ROLES: [FieldRole, RegExp][] = [
  ['card_cvc', /\b(cvc|cvv|csc|cvn|cid)\b|security code|card code/],
  ['card_expiry', /expir|\bexp\b|exp date|mm ?\/ ?yy|valid thru/],
  ['card_name', /name on (the )?card|card ?holder/],
  ['card_number', /card ?(number|no)\b|\bcc ?num|credit card|debit card|\bcard\b/],
  ['email', /\be ?mail\b/],
  ['phone', /phone|mobile|\btel\b/],
  ['postal_code', /postal|\bzip\b|post ?code|zip ?code/],
  ['country', /country/],
  ['region', /\b(state|province|region|county)\b/],
  ['city', /\b(city|town|suburb|locality)\b/],
  ['address2', /apartment|suite|\bapt\b|\bunit\b|address (line )?2|line 2/],
  ['address', /address|street/],
  ['first_name', /first name|given name|forename/],
  ['last_name', /last name|surname|family name/],
  ['name', /\bname\b/],
];

/** What a person calls each field in a sentence. */
export const ROLE_WORDS: Record<FieldRole, string> = {
  card_cvc: 'security code',
  card_expiry: 'card expiry date',
  card_name: 'name on the card',
  card_number: 'card number',
  email: 'email address',
  phone: 'phone number',
  postal_code: 'postal code',
  country: 'country',
  region: 'state',
  city: 'city',
  address2: 'apartment line',
  address: 'street address',
  first_name: 'first name',
  last_name: 'last name',
  name: 'full name',
};

const FILLABLE = new Set(['text_input', 'textarea', 'select']);
const NOT_CHECKOUT =
  /newsletter|subscribe|coupon|promo|discount|gift|voucher|search|login|password/i;

/** What a form field asks for, or null when it is not a checkout detail (or is a search box). */
export function fieldRole(el: ObservedElement): FieldRole | null {
  if (!FILLABLE.has(el.kind) || searchScore(el) > 0) return null;
  if (NOT_CHECKOUT.test(`${el.name} ${el.text}`)) return null;
  if (el.inputType === 'email') return 'email';
  if (el.inputType === 'tel') return 'phone';
  const words = `${lastSegment(el.name)} ${el.text}`.replace(/[_-]+/g, ' ').toLowerCase();
  return ROLES.find(([, re]) => re.test(words))?.[0] ?? null;
}

export function isOptionalField(el: ObservedElement): boolean {
  return /\boptional\b/i.test(el.text);
}

/** The profile's value for a text field, or null when the profile has none for it. */
export function profileValue(role: FieldRole, profile: CheckoutProfile): string | null {
  const parts = profile.name.trim().split(/\s+/);
  switch (role) {
    case 'card_cvc':
      return profile.card_cvc;
    case 'card_expiry':
      return profile.card_expiry;
    case 'card_number':
      return profile.card_number;
    case 'card_name':
    case 'name':
      return profile.name;
    case 'first_name':
      return parts[0]!;
    case 'last_name':
      return parts.length > 1 ? parts.slice(1).join(' ') : null;
    case 'email':
      return profile.email;
    case 'phone':
      return profile.phone ?? null;
    case 'postal_code':
      return profile.postal_code;
    case 'country':
      return profile.country;
    case 'city':
      return profile.city;
    case 'address':
      return profile.address;
    case 'region':
      return profile.region ?? null;
    case 'address2':
      return null;
  }
}

/** Sentences a page shows next to a field it refuses. */
const MESSAGE =
  /^(please\s+)?(enter|select|choose|provide|fill in|type)\b|\b(is required|required field|invalid|not valid|must be|must contain|in the past|declined|incorrect|doesn'?t look right)\b/i;
const STOP_TAGS = /^(label|input|select|textarea|button|fieldset|legend|h\d|form|section)$/;

/**
 * The validation message the page shows for a field: aria-invalid on the field (with its text
 * after it, if any), else a message-like text right after the field (or after its label).
 */
export function invalidMessage(page: PageView, el: ObservedElement): string | null {
  const node = page.nodes.get(el.name);
  if (!node) return null;
  const marked = node.attrs['aria-invalid'] === 'true';
  const label = ancestors(node).find((a) => a.tag === 'label');
  const start = el.kind === 'radio' ? lastLabelOfGroup(node) : (label ?? node);
  const after = textAfter(page, start);
  if (after && MESSAGE.test(after)) return after;
  return marked ? 'this field is not accepted' : null;
}

/** Radios: the group's message comes after its last choice. */
function lastLabelOfGroup(node: HtmlNode): HtmlNode {
  const fieldset = ancestors(node).find((a) => a.tag === 'fieldset');
  const labels = fieldset?.children.filter((c) => c.tag === 'label') ?? [];
  return labels[labels.length - 1] ?? ancestors(node).find((a) => a.tag === 'label') ?? node;
}

/** Text between a node and the next control or label among its following siblings. */
function textAfter(page: PageView, node: HtmlNode): string {
  const siblings = node.parent?.children ?? [];
  const parts: string[] = [];
  for (const sib of siblings.slice(siblings.indexOf(node) + 1)) {
    if (sib.tag !== '#text' && (STOP_TAGS.test(sib.tag) || page.namedCount(sib) > 0)) break;
    parts.push(sib.tag === '#text' ? sib.text : textOf(sib));
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, 160);
}
