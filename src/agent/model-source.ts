import { decide } from '../models/decide.js';
import type { SimulatorModel } from '../models/model.js';
import type { PromptTemplates } from '../models/template.js';
import type { Persona } from '../persona.js';
import type { ActionSource, SourceContext, SourceMove } from '../session/action-source.js';

export interface ModelSourceOptions {
  model: SimulatorModel;
  persona: Persona | null;
  /** Model calls per step before an invalid answer ends the session. */
  maxAttempts: number;
  /** Earlier pages given to the model as full HTML. */
  historyPages: number;
  /** Prompt templates (`--prompts`); default: the bundled ones. */
  templates?: PromptTemplates;
}

/**
 * A simulator model as the session loop's source of actions: one validated decision per step
 * (bad answers are fed back and retried by `decide`); the session ends once an order
 * confirmation page is reached.
 */
export function modelSource(options: ModelSourceOptions): ActionSource {
  return {
    async next(context: SourceContext): Promise<SourceMove> {
      if (context.onConfirmation) return { kind: 'stop', outcome: 'purchase' };
      const decision = await decide(
        options.model,
        {
          persona: options.persona,
          history: [...context.history],
          observation: context.observation,
          feedback: [],
          historyPages: options.historyPages,
          ...(options.templates ? { templates: options.templates } : {}),
        },
        { maxAttempts: options.maxAttempts },
      );
      return {
        kind: 'act',
        step: {
          action: decision.action,
          rationale: decision.rationale,
          rationaleSource: 'model',
          usage: decision.usage,
          raw: decision.raw,
        },
      };
    },
  };
}
