import type { SimulatorModel } from './model.js';
import { backendOf, readModelSpec, type CreateModelOptions, type ModelSpec } from './registry.js';

export type { CreateModelOptions, ModelSpec } from './registry.js';

/** Reads a spec string; UsageError listing the valid forms when it is none of them. */
export function parseModelSpec(spec: string): ModelSpec {
  return readModelSpec(spec);
}

/** Creates the simulator a spec names. Each backend's SDK is loaded only when chosen. */
export function createModel(
  spec: string,
  options: CreateModelOptions = {},
): Promise<SimulatorModel> {
  const parsed = readModelSpec(spec);
  return backendOf(parsed).createSimulator(parsed, options);
}

/**
 * Whether runs make one instance of this model per session (seeded per session: heuristic,
 * random, scripted) rather than sharing one (openai, llama).
 */
export function isPerSessionModel(spec: string): boolean {
  return backendOf(readModelSpec(spec)).perSession;
}
