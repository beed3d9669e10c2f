import { modelSource } from '../agent/model-source.js';
import type { Config } from '../config.js';
import { loadPromptTemplates } from '../models/template.js';
import type { SimulatorModel } from '../models/model.js';
import type { Persona } from '../persona.js';
import type { ActionSource } from '../session/action-source.js';

/** The model as a session's only source of actions, bounded as the config says. */
export function modelOnlySource(
  model: SimulatorModel,
  persona: Persona | null,
  config: Config,
): ActionSource {
  return modelSource({
    model,
    persona,
    maxAttempts: config.maxAttempts,
    historyPages: config.historyPages,
    // read once per folder (cached), so each session costs nothing
    ...(config.prompts ? { templates: loadPromptTemplates(config.prompts) } : {}),
  });
}
