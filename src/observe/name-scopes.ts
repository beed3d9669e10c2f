/**
 * Name scopes: the simplified HTML writes a shared name prefix once instead of on every control.
 *
 * An element may carry `scope="<prefix>"`. A `name` or `scope` that starts with a dot continues
 * the scope of the nearest *ancestor* that has one; without the dot it is already full:
 *
 *   <ul scope="left_menu"><a name=".women"/> ...                 is the element `left_menu.women`
 *   <div scope="cards"><div scope=".p12"><a name=".title_link"/>   `cards.p12.title_link`
 *   <select name="product_form.size" scope="product_form.size"><option name=".m">
 *                                                               `product_form.size.m`
 *
 * Actions, traces' element lists and evaluation always use full names; only the HTML is
 * shortened. On real pages the prefixes of menus, footers and product cards are a third of the
 * page's bytes, written again on every control.
 *
 * No zod here: the in-page script and the HTML reader side both use it.
 */

/** The attribute that opens a scope. */
export const SCOPE_ATTRIBUTE = 'scope';

/** What a scope costs to write (` scope=""`), besides the prefix itself. */
const SCOPE_OVERHEAD = ` ${SCOPE_ATTRIBUTE}=""`.length;

/** The full name of a `name` value read inside `scope` (null: no scope around it). */
export function resolveScopedName(name: string, scope: string | null): string {
  return name.startsWith('.') && scope ? scope + name : name;
}

/** How `name` is written inside `scope`: relative when it lies under the scope, else in full. */
export function relativeName(name: string, scope: string | null): string {
  return scope && name.startsWith(`${scope}.`) ? name.slice(scope.length) : name;
}

/** Every proper dotted prefix of a name: `a.b.c` -> `a`, `a.b`. */
function prefixesOf(name: string): string[] {
  const out: string[] = [];
  for (let i = name.indexOf('.'); i > 0; i = name.indexOf('.', i + 1)) out.push(name.slice(0, i));
  return out;
}

/**
 * For every element above a named control, how many names in its subtree (its own name left out:
 * that one is read against the element's ancestors) start with each dotted prefix.
 */
export function prefixCounts(
  names: ReadonlyMap<Element, string>,
  root: Element,
): Map<Element, Map<string, number>> {
  const counts = new Map<Element, Map<string, number>>();
  for (const [el, name] of names) {
    const prefixes = prefixesOf(name);
    if (!prefixes.length) continue;
    for (let a = el.parentElement; a; a = a.parentElement) {
      let m = counts.get(a);
      if (!m) counts.set(a, (m = new Map()));
      for (const p of prefixes) m.set(p, (m.get(p) ?? 0) + 1);
      if (a === root) break;
    }
  }
  return counts;
}

/** Counts of names by prefix, per element (see prefixCounts). */
export type PrefixCounts = ReadonlyMap<Element, ReadonlyMap<string, number>>;

/**
 * The scope `el` should open inside `current`, or null: the prefix that saves the most bytes over
 * staying in `current` (names under it get shorter, names only under `current` become full again),
 * after paying for the attribute and `extraCost` more (a `<div>` written only to hold it). A scope
 * opens where its names meet: at the element none of whose children holds all of them, so
 * `header.*` opens at the header and `header.menu.*` at the menu inside it.
 */
export function chooseScope(
  counts: PrefixCounts,
  el: Element,
  current: string | null,
  extraCost = 0,
): string | null {
  const own = counts.get(el);
  if (!own) return null;
  const kept = current ? (own.get(current) ?? 0) * current.length : 0;
  let best: string | null = null;
  let bestGain = 0;
  for (const [prefix, count] of own) {
    if (prefix === current || count < 2) continue;
    const written = relativeName(prefix, current).length;
    const gain = count * prefix.length - kept - (written + SCOPE_OVERHEAD + extraCost);
    if (gain <= bestGain || oneChildHoldsAll(counts, el, prefix, count)) continue;
    best = prefix;
    bestGain = gain;
  }
  return best;
}

function oneChildHoldsAll(
  counts: PrefixCounts,
  el: Element,
  prefix: string,
  count: number,
): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (counts.get(c)?.get(prefix) === count) return true;
  }
  return false;
}

/** Every way the HTML may write a full name: in full, or after any of its prefixes (`.b.c`, `.c`). */
export function writtenForms(name: string): string[] {
  return [name, ...prefixesOf(name).map((prefix) => name.slice(prefix.length))];
}

/** Containers of items whose end tags the HTML leaves out (li, tr, td, dd...). */
const ITEM_CONTAINERS = new Set([
  'ul',
  'ol',
  'menu',
  'dl',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
]);
const ITEMS = new Set(['li', 'dt', 'dd', 'tr', 'td', 'th', 'caption']);

/**
 * True for an element that sits among a container's items rather than inside one (a <div> between
 * table rows). A reader puts it into the item before it, whose end tag is left out, and the next
 * item closes both: a scope there would end too early. Items themselves write their end tag when
 * they hold a scope.
 */
export function betweenItems(el: Element): boolean {
  if (ITEMS.has(el.tagName.toLowerCase())) return false;
  for (let a = el.parentElement; a; a = a.parentElement) {
    const tag = a.tagName.toLowerCase();
    if (ITEMS.has(tag)) return false;
    if (ITEM_CONTAINERS.has(tag)) return true;
  }
  return false;
}
