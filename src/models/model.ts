import type { Action } from '../action.js';
import type { Observation } from '../observe/observation.js';
import type { Persona } from '../persona.js';
import type { FeedbackEntry } from './feedback.js';
import type { PromptTemplates } from './template.js';

/** One earlier step as the model sees it. */
export interface HistoryStep {
  observation: Observation;
  rationale: string | null;
  action: Action;
  /** What happened when the action ran, e.g. a browser error message. */
  error?: string | null;
}

/** Everything a simulator gets to decide one step. */
export interface PredictRequest {
  persona: Persona | null;
  history: HistoryStep[];
  observation: Observation;
  /**
   * Why earlier answers for this same step were rejected, oldest first (not JSON, no element
   * named X, ...). Empty on the first attempt.
   */
  feedback: FeedbackEntry[];
  /** Full simplified HTML is given for the last `historyPages` history steps only. */
  historyPages: number;
  /** Prompt templates for language models (`--prompts`); default: the bundled ones. */
  templates?: PromptTemplates;
}

/** What a backend returns for one call: the raw text plus token counts where known. */
export interface ModelReply {
  /** The raw answer, expected to hold one JSON object {"rationale": ..., "action": {...}}. */
  text: string;
  promptTokens: number | null;
  completionTokens: number | null;
}

/**
 * The simulator interface: every backend in the registry (registry.ts) gives one. Language-model
 * backends implement it through their chat call (predictWithChat); the baselines (heuristic,
 * random, scripted) answer directly. Parsing, validation against the page and retry with
 * feedback live in one shared place (`decide`), so all backends get the same treatment of bad
 * answers.
 */
export interface SimulatorModel {
  /** The spec string the model was made from, e.g. "openai:gpt-4.1-mini". */
  readonly id: string;
  predict(request: PredictRequest): Promise<ModelReply>;
  /** Releases sockets, model weights, ... */
  close(): Promise<void>;
}
