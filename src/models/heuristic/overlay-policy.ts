/**
 * Getting overlays out of the way as a person does: a newsletter or offer pop-up is closed, a
 * cookie banner is accepted, and after a click the page refused, whatever can close the thing on
 * top is tried.
 */
import type { ObservedElement } from '../../observe/observation.js';
import { click, type Ctx, type Decision } from './context.js';
import { describe, parentName } from './controls.js';
import { clickedHere, failedHere } from './state.js';

export const CLOSE =
  /^(no,? thanks?|no thank you|not now|maybe later|not interested|skip|dismiss|close( (dialog|modal|popup|pop-up|window|newsletter|offer))?|×|✕|✖|x)$/i;
export const ACCEPT =
  /^(accept( all)?( cookies)?|allow( all)?( cookies)?|i agree|agree( and (close|continue))?|got it|ok(ay)?|i understand|continue)$/i;
const POPUP_WORDS =
  /newsletter|subscribe|sign ?up|% off|discount|offer|promo|deal|dialog|modal|popup/i;
const CONSENT_WORDS = /cookie|privacy|consent|gdpr|tracking/i;

const textOf = (el: ObservedElement): string => el.text.trim();

/** The words of the group a control belongs to: its siblings' names and texts. */
function groupWords(ctx: Ctx, el: ObservedElement): string {
  const group = parentName(el.name);
  if (!group) return describe(el);
  return ctx.page.obs.elements
    .filter((e) => e.name.startsWith(`${group}.`))
    .map(describe)
    .concat(group.replace(/_/g, ' '))
    .join(' ');
}

/** Dismisses a pop-up or cookie banner once per page, the pop-up first (it sits on top). */
export function overlayPolicy(ctx: Ctx): Decision | null {
  const { page, state } = ctx;
  const done = new Set([...clickedHere(state, page.url), ...failedHere(state, page.url)]);
  const open = (el: ObservedElement): boolean =>
    !done.has(el.name) && (el.kind === 'button' || el.kind === 'link' || el.kind === 'clickable');
  const close = page.find(
    (el) => open(el) && CLOSE.test(textOf(el)) && POPUP_WORDS.test(groupWords(ctx, el)),
  );
  if (close)
    return click(close, `A pop-up is covering the shop and I'm not interested, so I'll close it.`);
  const accept = page.find(
    (el) =>
      open(el) &&
      ACCEPT.test(textOf(el)) &&
      (/cookie/i.test(textOf(el)) || CONSENT_WORDS.test(groupWords(ctx, el))),
  );
  if (accept)
    return click(
      accept,
      `A cookie banner is in the way, so I'll accept it and get on with shopping.`,
    );
  if (failedHere(state, page.url).size > 0) {
    const any = page.find((el) => open(el) && CLOSE.test(textOf(el)));
    if (any) return click(any, `Something seems to be covering the page, so I'll close it first.`);
  }
  return null;
}
