import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { combineRecipes, loadRecipe, type Recipe } from '../observe/recipe.js';
import { PACKAGE_ROOT } from '../version.js';

const SITES = path.join(PACKAGE_ROOT, 'sites');

/**
 * The recipes of the bundled shops (sites/<shop>/recipe.json) that declare a page signature. They
 * are candidates on every URL: each applies only on pages carrying its signature (the meta tag its
 * shop emits), so a bundled shop gets the same names whether started by `--site builtin` or
 * served by `shopsim serve` and opened by URL. A recipe without a signature is never applied
 * to other URLs (it would rename controls of every site).
 */
export function bundledRecipes(): Recipe[] {
  if (!existsSync(SITES)) return [];
  const recipes: Recipe[] = [];
  for (const entry of readdirSync(SITES, { withFileTypes: true })) {
    const file = path.join(SITES, entry.name, 'recipe.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const recipe = loadRecipe(file);
    if (recipe.signature) recipes.push(recipe);
  }
  return recipes.sort((a, b) => (a.site ?? '').localeCompare(b.site ?? ''));
}

/** All bundled recipes as one (each rule keeping its shop's signature), or null when none. */
export function bundledRecipe(): Recipe | null {
  return combineRecipes(bundledRecipes());
}
