import { modelOptionsOf, type Config } from '../config.js';
import type { SimulatorModel } from '../models/model.js';
import { createModel, isPerSessionModel } from '../models/spec.js';

/**
 * The model every session shares (openai, llama), or null when each session creates its own
 * seeded instance (heuristic, random, scripted). Created once either way, so a bad spec or
 * script file is reported before any browser starts.
 */
export async function openSharedModel(config: Config): Promise<SimulatorModel | null> {
  const first = await createModel(config.model, { ...modelOptionsOf(config), seed: config.seed });
  if (!isPerSessionModel(config.model)) return first;
  await first.close();
  return null;
}
