import { keyFromHref } from './items.js';
import { slugify, stripVolatile } from './slug.js';

/**
 * A control's name is built from its label, so printing a label that slugs to the name's last
 * part says the same thing twice: `<a name="nav.black_friday">Black Friday</a>`. The serializer
 * leaves such echoes out (`<a name="nav.black_friday"></a>`), which on real pages is a good part
 * of the observation; text that says more than the name (prices, other words) is kept.
 */

/** A name part, or the same without the `_2`, `_3` suffix that told duplicates apart, is `slug`. */
function partIs(part: string, slug: string): boolean {
  return part === slug || part.replace(/_\d+$/, '') === slug;
}

/** True when `text` adds nothing to `name`: its slug is the name's last part (or that + `_input`). */
export function echoesName(text: string, name: string): boolean {
  // uncapped: a label longer than a name part says more than the cut part in the name
  const slug = slugify(stripVolatile(text), Infinity);
  if (!slug || slugify(text, Infinity) !== slug) return false; // a price or count is news
  const last = name.slice(name.lastIndexOf('.') + 1);
  return partIs(last, slug) || partIs(last, `${slug}_input`);
}

/** True when a link target adds nothing to the name: the name already holds its key. */
export function hrefInName(href: string | null, name: string, base: string): boolean {
  const key = href ? keyFromHref(href, base) : '';
  return !!key && name.split('.').some((part) => partIs(part, key));
}
