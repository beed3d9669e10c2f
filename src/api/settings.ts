import { Config, DEFAULT_CONFIG } from '../config.js';
import { describeZodError } from '../action.js';
import { UsageError } from '../errors.js';
import { loadRecipe, type Recipe } from '../observe/recipe.js';

/** Any of the settings (model, maxSteps, concurrency, seed, out, browserPath, ...); the rest default. */
export type Settings = Partial<Config>;

/**
 * The settings an API call runs with: the config defaults, overridden by the caller's values.
 * Unlike the CLI, no config file or SHOPSIM_* variable is read: an embedding program says what it wants.
 */
export function settingsOf(options: Settings): Config {
  const given = Object.fromEntries(
    (Object.keys(DEFAULT_CONFIG) as (keyof Config)[])
      .filter((key) => options[key] !== undefined)
      .map((key) => [key, options[key]]),
  );
  const result = Config.safeParse({ ...DEFAULT_CONFIG, ...given });
  if (!result.success) {
    throw new UsageError(`invalid setting: ${describeZodError(result.error)}; see Config.`);
  }
  return result.data;
}

/** A recipe given as a file path (loaded and checked) or as an object; null for none. */
export function recipeOf(recipe: string | Recipe | null | undefined): Recipe | null {
  return typeof recipe === 'string' ? loadRecipe(recipe) : (recipe ?? null);
}
