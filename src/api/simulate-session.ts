import { readdir } from 'node:fs/promises';
import { loadPromptTemplates } from '../models/template.js';
import { SessionModels } from '../agent/session-models.js';
import path from 'node:path';
import { simulateOne, type Browser, type SimulationPlan } from '../agent/run-simulation.js';
import type { SessionRecord } from '../agent/summary.js';
import { confirmOrders, openSite } from '../cli/site.js';
import { publicConfig } from '../config.js';
import type { Recipe } from '../observe/recipe.js';
import { DEFAULT_PERSONAS_DIR, loadPersonaFile, parsePersona, type Persona } from '../persona.js';
import { createRun } from '../traces/run.js';
import { settingsOf, type Settings, recipeOf } from './settings.js';

export interface SimulateSessionOptions extends Settings {
  /** The browser to shop in (the caller's: shopsim opens one new context in it and closes it). */
  browser: Browser;
  /** A bundled persona's id (e.g. "teen-hoodie-zoe"), a persona file, or a persona object. */
  persona: string | Persona;
  /** "builtin" (default: the bundled shop, started for this session), "modern", or a shop URL. */
  site?: string;
  /** A recipe file or object; default: the bundled shop's own recipe, else none. */
  recipe?: string | Recipe | null;
  /** Save one PNG per step (default true). */
  screenshots?: boolean;
  /** More options for the session's context: storageState, httpCredentials, proxy, locale, ... */
  contextOptions?: SimulationPlan['contextOptions'];
  signal?: AbortSignal;
}

/** One finished session: its record, its run folder and its screenshots (in step order). */
export interface SessionResult extends SessionRecord {
  runDir: string;
  screenshots: string[];
}

async function personaOf(given: string | Persona): Promise<Persona> {
  if (typeof given !== 'string') return parsePersona(given, '(persona option)');
  const isId = /^[a-z0-9-]+$/i.test(given) && !given.endsWith('.json');
  return loadPersonaFile(isId ? path.join(DEFAULT_PERSONAS_DIR, `${given}.json`) : given);
}

async function pngsIn(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.png'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Runs one simulated shopper on a browser the caller owns (a Playwright Test `browser`, or one
 * connected to a remote server), like one session of `simulate`: writes its trace (and
 * screenshots) into a run folder (`out`, else a new folder under `traces/`) and returns its record.
 * The browser stays open.
 */
export async function simulateSession(options: SimulateSessionOptions): Promise<SessionResult> {
  const config = settingsOf(options);
  const persona = await personaOf(options.persona);
  const ownRecipe = recipeOf(options.recipe);
  const label = options.site ?? 'builtin';
  const site = await openSite(label, config.variant, config.seed);
  try {
    const screenshots = options.screenshots ?? true;
    const plan: SimulationPlan = {
      config,
      site: { startUrl: site.startUrl, label, recipe: ownRecipe ?? site.recipe },
      personas: [persona],
      sessionsPerPersona: 1,
      screenshots,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.contextOptions ? { contextOptions: options.contextOptions } : {}),
    };
    const created = await createRun({
      kind: 'simulate',
      site: label,
      variant: config.variant,
      model: config.model,
      seed: config.seed,
      personas: [persona.id],
      config: { ...publicConfig(config), sessions: 1, site: label },
      out: config.out,
    });
    const run = { dir: created.dir, id: created.info.run_id };
    const models = await SessionModels.open(config);
    const record = await simulateOne({
      plan,
      run,
      persona,
      index: 0,
      models,
      browser: options.browser,
      events: {},
      frameCheck: { done: true },
      templates: config.prompts ? loadPromptTemplates(config.prompts) : null,
    }).finally(() => models.close());
    await confirmOrders(site, [record]);
    const shotDir = path.join(run.dir, 'screenshots', record.sessionId);
    return { ...record, runDir: run.dir, screenshots: screenshots ? await pngsIn(shotDir) : [] };
  } finally {
    await site.close();
  }
}
