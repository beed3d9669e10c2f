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
 * Runs the in-page simplifier on the page's current document: injects it once per document, then
 * observes, which replaces the names of any earlier run by fresh name attributes on every named
 * live element. Returns the observation with the DOM stamp those names belong to.
 */
export async function observePage(
  page: Page,
  recipe: Recipe | null = null,
): Promise<MarkedObservation> {
  const hasSimplifier = await page.evaluate(
    () => typeof (globalThis as { __shopsimObserve?: unknown }).__shopsimObserve === 'function',
  );
  if (!hasSimplifier) await page.evaluate(await getSimplifierScript());
  const result = await page.evaluate(
    ({ recipe }): InPageResult => {
      const observe = (globalThis as unknown as { __shopsimObserve: (o: object) => unknown })
        .__shopsimObserve;
      const observation = observe({ recipe });
      // same as readDomStamp (functions cannot be passed into the page, and eval may be blocked)
      const watch = (globalThis as { __shopsimDom?: DomStamp & { flush(): void } }).__shopsimDom;
      watch?.flush();
      const stamp = watch ? { id: watch.id, mutations: watch.mutations } : null;
      return { observation, stamp };
    },
    { recipe },
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
