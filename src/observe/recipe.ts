import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputFileError } from '../errors.js';
import { checkInputSize } from '../input-limits.js';
import { parseJsonText } from '../json-file.js';
import { NAME_PLACEHOLDERS } from './recipe-match.js';

const NAME_PART = /^[A-Za-z0-9_\-{}]+$/;

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** Cheap syntax check of a CSS selector outside the browser: brackets and quotes balanced. */
function looksLikeSelector(selector: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[' };
  let quote: string | null = null;
  for (const c of selector) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') stack.push(c);
    else if (c === ')' || c === ']') {
      if (stack.pop() !== pairs[c]) return false;
    }
  }
  return !quote && stack.length === 0 && !/^[\s,>+~]|[,>+~]\s*$/.test(selector.trim());
}

/** One override: on pages matching the URL pattern, elements matching `selector` get `name`. */
export const RecipeRule = z
  .object({
    /** Glob on the URL path (`/product/*`, `**` crosses `/`), or on the full URL if it has `://`. */
    url: z.string().min(1).nullable().default(null),
    /** Regular expression searched in the full URL (instead of `url`). */
    urlRegex: z
      .string()
      .min(1)
      .refine(isValidRegex, 'is not a valid regular expression')
      .nullable()
      .default(null),
    selector: z.string().trim().min(1).refine(looksLikeSelector, 'is not a valid CSS selector'),
    /**
     * The semantic name, dotted parts of `[A-Za-z0-9_-]`; may hold `{index}` (1-based order of
     * the match), `{key}` (stable key of the matched repeated item) and `{label}` (the control's
     * label, case kept) when the selector matches several elements.
     */
    name: z
      .string()
      .min(1)
      .refine(
        (name) => name.split('.').every((part) => NAME_PART.test(part)),
        'must be dot-separated parts of letters, digits, _ and - (e.g. "product_form.add_to_cart")',
      )
      .refine(
        (name) =>
          (name.match(/\{[^}]*\}/g) ?? []).every((p) => NAME_PLACEHOLDERS.includes(p as never)),
        `may only use the placeholders ${NAME_PLACEHOLDERS.join(', ')}`,
      ),
    description: z.string().nullable().default(null),
    /** CSS selector the page must match for this rule (defaults to the recipe's signature). */
    signature: z
      .string()
      .trim()
      .min(1)
      .refine(looksLikeSelector, 'is not a valid CSS selector')
      .nullable()
      .optional(),
  })
  .strict()
  .refine((rule) => !(rule.url && rule.urlRegex), {
    message: 'give either url or urlRegex, not both',
    path: ['urlRegex'],
  });
export type RecipeRule = z.infer<typeof RecipeRule>;

/** A site recipe: naming rules that override the generic names on that site's pages. */
export const Recipe = z
  .object({
    site: z.string().nullable().default(null),
    description: z.string().nullable().default(null),
    /**
     * CSS selector the page must match for the recipe to apply, e.g.
     * `meta[name="shopsim-site"][content="shop"]`; null applies on every page the URL patterns match.
     */
    signature: z
      .string()
      .trim()
      .min(1)
      .refine(looksLikeSelector, 'is not a valid CSS selector')
      .nullable()
      .optional(),
    rules: z.array(RecipeRule),
  })
  .strict();
export type Recipe = z.infer<typeof Recipe>;

/**
 * One recipe holding the rules of several, each rule keeping its recipe's signature: bundled
 * recipes are all candidates on a user's URL and each applies only where its shop is served.
 */
export function combineRecipes(recipes: Recipe[]): Recipe | null {
  if (recipes.length === 0) return null;
  if (recipes.length === 1) return recipes[0]!;
  return {
    site: recipes.map((r) => r.site ?? '?').join('+'),
    description: 'bundled recipes, each applying on pages with its signature',
    signature: null,
    rules: recipes.flatMap((r) =>
      r.rules.map((rule) => ({ ...rule, signature: rule.signature ?? r.signature })),
    ),
  };
}

/** Validates parsed JSON as a recipe; a bare array of rules is accepted as `{ rules }`. */
export function parseRecipe(value: unknown, file = '<recipe>'): Recipe {
  const input = Array.isArray(value) ? { rules: value } : value;
  const result = Recipe.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? issue.path.join('.') : null;
  throw new InputFileError(
    file,
    field,
    `${issue.message}. A recipe is {"rules": [{"url": "/product/*", "selector": "css", ` +
      `"name": "section.control"}]}; fix the field and retry.`,
  );
}

/** Reads and validates a recipe JSON file. */
export function loadRecipe(file: string): Recipe {
  checkInputSize(file, 'recipe', 'the recipe');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputFileError(
      file,
      null,
      `cannot read the recipe (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path.`,
    );
  }
  return parseRecipe(parseJsonText(text, file), file);
}
