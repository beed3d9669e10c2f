import type { Page } from 'playwright';
import { ShopsimError } from '../errors.js';
import { Observation } from '../observe/observation.js';
import type { Recipe } from '../observe/recipe.js';
import { getSimplifierScript } from '../observe/script.js';
import { readDomStamp, type DomStamp } from './dom-watch.js';

export interface MarkedObservation {
  observation: Observation;
  /** The DOM state the names were written for (null when the page has no DOM watcher). */
  stamp: DomStamp | null;
}

interface InPageResult {
  observation: unknown;
  stamp: DomStamp | null;
}

/**
 * Runs the in-page simplifier on the current document (null when it is not injected yet): replaces
 * the names of any earlier run by fresh name attributes and reads the DOM stamp they belong to.
 *
 * The result crosses as one JSON string: Playwright's own serialization of a returned object
 * walks every value and took longer than the simplifier itself (40 real pages, mean round trip
 * 150 ms as an object, 85 ms as JSON; ariaSnapshot 117 ms).
 */
async function observeInPage(page: Page, recipe: Recipe | null): Promise<InPageResult | null> {
  const json = await page.evaluate(
    ({ recipe }): string | null => {
      const observe = (globalThis as { __shopsimObserve?: (o: object) => unknown })
        .__shopsimObserve;
      if (typeof observe !== 'function') return null;
      const observation = observe({ recipe });
      // same as readDomStamp (functions cannot be passed into the page, and eval may be blocked)
      const watch = (globalThis as { __shopsimDom?: DomStamp & { flush(): void } }).__shopsimDom;
      watch?.flush();
      const stamp = watch ? { id: watch.id, mutations: watch.mutations } : null;
      return JSON.stringify({ observation, stamp });
    },
    { recipe },
  );
  if (json === null) return null;
  try {
    return JSON.parse(json) as InPageResult;
  } catch {
    // a page that replaced JSON.stringify with something else
    throw new ShopsimError(
      `the page simplifier's answer from ${page.url()} is not JSON (the page may have replaced ` +
        'JSON.stringify); observe this page with its scripts off, or report the page.',
    );
  }
}

/**
 * Runs the in-page simplifier on the page's current document, injecting it first when the
 * document does not have it yet. Returns the observation with the DOM stamp its names belong to.
 */
export async function observePage(
  page: Page,
  recipe: Recipe | null = null,
): Promise<MarkedObservation> {
  let result = await observeInPage(page, recipe);
  if (!result) {
    await page.evaluate(await getSimplifierScript());
    result = await observeInPage(page, recipe);
  }
  if (!result)
    throw new ShopsimError(
      `the page simplifier could not be installed in ${page.url()}; ` +
        'observe again once the page has loaded, or report the page if this repeats.',
    );
  const parsed = Observation.safeParse(result.observation);
  if (!parsed.success) {
    throw new ShopsimError(
      `the page simplifier returned an invalid observation for ${page.url()} ` +
        `(${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}); ` +
        'this is a shopsim bug, please report it with the page.',
    );
  }
  return { observation: parsed.data, stamp: result.stamp };
}

/** The page's current DOM stamp (see dom-watch.ts). */
export async function currentStamp(page: Page): Promise<DomStamp | null> {
  return page.evaluate(readDomStamp).catch(() => null);
}

/**
 * Marks the sensitive fields of the current document for masking (see markSensitive in
 * src/record/sensitive.ts), injecting the in-page script first when needed. Returns the count.
 */
export async function markSensitiveFields(page: Page): Promise<number> {
  const mark = () =>
    page.evaluate(() => {
      const fn = (globalThis as { __shopsimMarkSensitive?: () => number }).__shopsimMarkSensitive;
      return typeof fn === 'function' ? fn() : null;
    });
  let count = await mark();
  if (count === null) {
    await page.evaluate(await getSimplifierScript());
    count = await mark();
  }
  if (count === null) {
    throw new ShopsimError(
      `the field masking script could not be installed in ${page.url()}; ` +
        'the screenshot was not taken so that no secret is shown.',
    );
  }
  return count;
}
