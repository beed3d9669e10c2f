import type { ModelAnswer } from '../action.js';
import { ModelBackendError } from '../errors.js';
import { checkoutProfileOf } from '../persona.js';
import { DEFAULT_STYLE, type Ctx, type Decision } from './heuristic/context.js';
import { readIntent } from './heuristic/intent.js';
import { PageView } from './heuristic/page.js';
import { decideStep } from './heuristic/policy.js';
import { designDraw, stepRng } from './heuristic/rng.js';
import { sessionTraits } from './heuristic/traits.js';
import { reactToDesign } from './heuristic/design.js';
import { failedHere, readHistory } from './heuristic/state.js';
import type { ModelReply, PredictRequest, SimulatorModel } from './model.js';

export interface HeuristicOptions {
  seed: number;
}

/** When the only idea left was rejected: any other usable control, else leave. */
function fallback(request: PredictRequest, avoid: Set<string>): Decision {
  const el = request.observation.elements.find(
    (e) => !e.disabled && !avoid.has(e.name) && (e.kind === 'link' || e.kind === 'button'),
  );
  if (el)
    return {
      rationale: `My first idea didn't work, so I'll try "${el.text || el.name}".`,
      action: { type: 'click', name: el.name },
    };
  return {
    rationale: `Nothing on this page works for me, so I'll leave.`,
    action: { type: 'terminate' },
  };
}

/**
 * Decides one step. Deterministic in (seed, persona, history, observation, feedback). On a retry
 * it replays its own earlier answers for this step and avoids every name they used and every name
 * the feedback rejected.
 */
export function decideHeuristic(request: PredictRequest, seed: number): ModelAnswer {
  const { persona, observation, history, feedback } = request;
  const state = readHistory(history, observation.url, observation.html);
  const intent = readIntent(persona);
  const style = persona?.shopping_style ?? DEFAULT_STYLE;
  const avoid = new Set(failedHere(state, observation.url));
  const who = persona?.id ?? 'anonymous';
  const traits = sessionTraits(seed, who, style);
  let terminated = false;
  for (let attempt = 0; ; attempt++) {
    for (const entry of feedback.slice(0, attempt))
      if (entry.rejectedName) avoid.add(entry.rejectedName);
    const ctx: Ctx = {
      page: new PageView(observation, avoid),
      intent,
      state,
      style,
      rng: stepRng(seed, who, history.length, attempt),
      profile: checkoutProfileOf(persona),
      history,
      designDraw: designDraw(seed, who, history.length),
      traits,
    };
    let decision = reactToDesign(ctx, decideStep(ctx));
    if (decision.action.type === 'terminate' && terminated) decision = fallback(request, avoid);
    if (attempt >= feedback.length)
      return { rationale: decision.rationale.replace(/\s+/g, ' ').trim(), action: decision.action };
    if (decision.action.type === 'terminate') terminated = true;
    else avoid.add(decision.action.name);
  }
}

/** The embedded rule-based shopper: reads only the observation, the persona and the history. */
export function createHeuristicModel(options: HeuristicOptions): SimulatorModel {
  const seed = options.seed;
  return {
    id: 'heuristic',
    predict(request: PredictRequest): Promise<ModelReply> {
      try {
        const answer = decideHeuristic(request, seed);
        return Promise.resolve({
          text: JSON.stringify(answer),
          promptTokens: null,
          completionTokens: null,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return Promise.reject(
          new ModelBackendError(
            `the heuristic model failed on ${request.observation.url} (${reason}); this is a bug in shopsim, please report it with the trace`,
          ),
        );
      }
    },
    close(): Promise<void> {
      return Promise.resolve();
    },
  };
}
