import { formatShard, parseShard } from '../agent/shard.js';
import { runSimulation, type SimulationEvents } from '../agent/run-simulation.js';
import type { RunSummary } from '../agent/summary.js';
import { publicConfig } from '../config.js';
import { openSite, confirmOrders } from '../cli/site.js';
import { UsageError } from '../errors.js';
import type { Recipe } from '../observe/recipe.js';
import { DEFAULT_PERSONAS_DIR, loadPersonas, parsePersona, type Persona } from '../persona.js';
import { settingsOf, type Settings, recipeOf } from './settings.js';

export interface SimulateOptions extends Settings {
  /** "builtin" (default), "modern", or a shop URL. */
  site?: string;
  /** Persona files or folders, or persona objects; default: the bundled personas. */
  personas?: (string | Persona)[];
  /** Sessions per persona (default 1). */
  sessions?: number;
  /** A recipe file or object; default: the bundled shop's own recipe, else none. */
  recipe?: string | Recipe | null;
  screenshots?: boolean;
  /** Run only this slice of the sessions, "i/n" (like `simulate --shard`). */
  shard?: string;
  /** Continue the run in `out` (like `simulate --resume`); without it an existing run is refused. */
  resume?: boolean;
  /** Aborting ends the running sessions after their current step. */
  signal?: AbortSignal;
  events?: SimulationEvents;
}

async function personasOf(given: (string | Persona)[] | undefined): Promise<Persona[]> {
  const list = given?.length ? given : [DEFAULT_PERSONAS_DIR];
  const personas: Persona[] = [];
  for (const item of list) {
    if (typeof item === 'string') personas.push(...(await loadPersonas([item])));
    else personas.push(parsePersona(item, '(personas option)'));
  }
  return personas;
}

/**
 * Runs simulated shoppers (personas x sessions) in the browser and records their traces, like
 * `shopsim simulate`; returns the run's summary (its run folder in `runDir`).
 */
export async function simulate(options: SimulateOptions = {}): Promise<RunSummary> {
  const config = settingsOf(options);
  const sessions = options.sessions ?? 1;
  if (!Number.isInteger(sessions) || sessions < 1) {
    throw new UsageError(
      `sessions ${sessions}: give a whole number of sessions per persona, 1 or more.`,
    );
  }
  const shard = options.shard === undefined ? null : parseShard(options.shard);
  const personas = await personasOf(options.personas);
  const ownRecipe = recipeOf(options.recipe);
  const label = options.site ?? 'builtin';
  const site = await openSite(label, config.variant, config.seed);
  try {
    const summary = await runSimulation(
      {
        config,
        site: { startUrl: site.startUrl, label, recipe: ownRecipe ?? site.recipe },
        personas,
        sessionsPerPersona: sessions,
        screenshots: !!options.screenshots,
        runConfig: {
          ...publicConfig(config),
          sessions,
          site: label,
          shard: shard && formatShard(shard),
        },
        shard,
        resume: !!options.resume,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      options.events ?? {},
    );
    if (!options.resume) summary.confirmedOrders = await confirmOrders(site, summary.records);
    return summary;
  } finally {
    await site.close();
  }
}
