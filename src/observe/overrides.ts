import { nativeKind } from './interactables.js';
import type { NamingContext } from './naming.js';
import { fillName, type RecipeRuleLike } from './recipe-match.js';
import { sortByOrder } from './scan.js';
import { caseKeepingSlug, idPart, slugify, stripPriceAndCount } from './slug.js';
import { collapse } from './text.js';

/** A recipe selector the browser (or linkedom) refused. */
export class RecipeSelectorError extends Error {}

/**
 * Applies the recipe rules that match this page: every visible element a rule's selector matches
 * gets the rule's name (placeholders filled), and becomes an interactable if it was not one.
 * Earlier rules win when two match the same element. Returns element -> pinned name.
 */
export function applyRules(ctx: NamingContext, rules: RecipeRuleLike[]): Map<Element, string> {
  const { scan } = ctx;
  const pinned = new Map<Element, string>();
  let added = false;
  rules.forEach((rule, ruleIndex) => {
    let matches: Element[];
    try {
      matches = Array.from(scan.doc.querySelectorAll(rule.selector));
    } catch (error) {
      throw new RecipeSelectorError(
        `recipe rule ${ruleIndex + 1} (name ${rule.name}): invalid CSS selector ` +
          `${JSON.stringify(rule.selector)} (${(error as Error).message}); fix the recipe.`,
      );
    }
    let index = 0;
    for (const el of matches) {
      if (!scan.visible.has(el) || pinned.has(el)) continue;
      index++;
      let kind = scan.kinds.get(el);
      if (!kind) {
        kind = nativeKind(el) ?? 'clickable';
        scan.kinds.set(el, kind);
        scan.interactables.push(el);
        added = true;
      }
      const item = ctx.nearestItem(el);
      const texts = ctx.labelTexts(el, kind).map(stripPriceAndCount);
      const name = fillName(rule.name, {
        index,
        key: item ? ctx.key(item).key : String(index),
        label: texts.map((t) => caseKeepingSlug(t)).find(Boolean) ?? kind,
        slug: texts.map((t) => slugify(t)).find(Boolean) ?? kind,
        group: groupOf(ctx, el) || 'group',
      });
      pinned.set(el, name);
    }
  });
  if (added) sortByOrder(scan.interactables, scan.order);
  return pinned;
}

/** The option group a control belongs to, as a slug ('' when none). */
function groupOf(ctx: NamingContext, el: Element): string {
  const box = el.closest('fieldset, [role="radiogroup"], [role="group"], [role="listbox"]');
  if (box) {
    const legend = box.tagName.toLowerCase() === 'fieldset' ? box.querySelector('legend') : null;
    const text = legend
      ? collapse(legend.textContent ?? '')
      : (box.getAttribute('aria-label') ?? '');
    if (slugify(text)) return slugify(text);
  }
  const select = el.tagName.toLowerCase() === 'option' ? el.closest('select') : null;
  if (select) {
    const label = ctx.labelTexts(select, 'select')[0];
    if (label && slugify(label)) return slugify(label);
    return idPart(select.getAttribute('name')) ?? '';
  }
  return idPart(el.getAttribute('name')) ?? '';
}
