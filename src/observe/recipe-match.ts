/**
 * Recipe matching, free of zod and Node APIs so it runs inside the page too. The schema and file
 * loading live in recipe.ts.
 */

/** One rule as the matcher needs it (structurally the same as the zod RecipeRule). */
export interface RecipeRuleLike {
  url?: string | null;
  urlRegex?: string | null;
  selector: string;
  name: string;
  /** CSS selector the page must match for the rule to apply (see RecipeLike.signature). */
  signature?: string | null;
}

/** A recipe as the matcher needs it. */
export interface RecipeLike<R extends RecipeRuleLike = RecipeRuleLike> {
  /**
   * CSS selector the page must match for any rule to apply, e.g. the meta tag a bundled shop
   * emits (`meta[name="shopsim-site"][content="shop"]`): the recipe then follows the shop to
   * whatever host and port it is served on, and stays off every other site.
   */
  signature?: string | null;
  rules: R[];
}

/** Placeholders a rule's name may contain. */
export const NAME_PLACEHOLDERS = ['{index}', '{key}', '{label}', '{slug}', '{group}'] as const;

/** Values for a rule's name placeholders, computed for one matched element. */
export interface PlaceholderValues {
  /** 1-based order of the match among the rule's visible matches. */
  index: number;
  /** Stable key of the nearest repeated item (see items.ts), else the index. */
  key: string;
  /** The control's label with its case kept (`M`, `Forest_Green`). */
  label: string;
  /** The control's label as a lowercase slug (`forest_green`). */
  slug: string;
  /** The option group: fieldset legend, radiogroup label, select label, or the name attribute. */
  group: string;
}

/**
 * Compiles a glob into an anchored RegExp: `**` any characters, `*` any characters but `/`,
 * `?` one character but `/`. Everything else is literal.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * True when the rule applies to the page URL. A rule with neither `url` nor `urlRegex` applies
 * everywhere. `url` is a glob matched against the path (`/product/*`), or against the whole URL
 * without the fragment when it contains `://`; `urlRegex` is searched in the whole URL.
 */
export function ruleMatchesUrl(rule: RecipeRuleLike, pageUrl: string): boolean {
  if (rule.urlRegex) return new RegExp(rule.urlRegex).test(pageUrl);
  if (!rule.url) return true;
  if (rule.url.includes('://')) return globToRegExp(rule.url).test(pageUrl.replace(/#.*$/, ''));
  let path = pageUrl;
  try {
    path = new URL(pageUrl).pathname;
  } catch {
    path = pageUrl.replace(/[?#].*$/, '');
  }
  return globToRegExp(rule.url).test(path);
}

/** True when the page carries the signature (no signature, or no document to check: true). */
export function pageHasSignature(signature: string | null | undefined, doc?: Document): boolean {
  if (!signature || !doc) return true;
  try {
    return doc.querySelector(signature) !== null;
  } catch {
    return false;
  }
}

/**
 * The rules of a recipe that apply to a page, in file order (earlier rules win): URL pattern
 * (host-independent unless the pattern holds `://`) and page signature (rule's, else recipe's).
 */
export function rulesForUrl<R extends RecipeRuleLike>(
  recipe: RecipeLike<R> | null | undefined,
  pageUrl: string,
  doc?: Document,
): R[] {
  if (!recipe) return [];
  const signed = new Map<string, boolean>();
  const has = (signature: string | null | undefined): boolean => {
    const key = signature ?? '';
    let v = signed.get(key);
    if (v === undefined) signed.set(key, (v = pageHasSignature(signature, doc)));
    return v;
  };
  return recipe.rules.filter(
    (rule) => has(rule.signature ?? recipe.signature) && ruleMatchesUrl(rule, pageUrl),
  );
}

/** Fills a rule's name template. */
export function fillName(template: string, values: PlaceholderValues): string {
  return template.replace(/\{(index|key|label|slug|group)\}/g, (_, name: keyof PlaceholderValues) =>
    String(values[name]),
  );
}
