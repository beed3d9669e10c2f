/**
 * shopsim as a library: the same runs as the CLI, with plain options objects.
 * `import { simulate, evaluate, compare, readTraces, startShop, Action } from 'shopsim'`.
 */
export { simulate, type SimulateOptions } from './api/simulate.js';
export {
  simulateSession,
  type SessionResult,
  type SimulateSessionOptions,
} from './api/simulate-session.js';
export { evaluate, type EvaluateApiOptions } from './api/evaluate.js';
export { compare, type CompareOptions } from './api/compare.js';
export type { Settings } from './api/settings.js';
export { readTraces, readTraceFile } from './traces/reader.js';
export { startShop, type RunningShop, type ShopOptions } from '../sites/shop/server.js';
export {
  Action,
  ActionType,
  ClickAction,
  ModelAnswer,
  TerminateAction,
  TypeAndSubmitAction,
  formatAction,
  parseAction,
  parseActionString,
} from './action.js';
export {
  Outcome,
  RationaleSource,
  RunInfo,
  TRACE_SCHEMA_VERSION,
  TraceEnd,
  TraceHeader,
  TraceLine,
  TraceSource,
  TraceStep,
  type Trace,
} from './traces/schema.js';
export { Config, DEFAULT_CONFIG } from './config.js';
export { Persona } from './persona.js';
export type { RunSummary, SessionRecord } from './agent/summary.js';
export type { EvalResult } from './eval/eval-result.js';
export type { CompareResult } from './eval/compare/compare.js';
export {
  ShopsimError,
  UsageError,
  InputFileError,
  ModelBackendError,
  BrowserUnavailableError,
} from './errors.js';
export { SHOPSIM_VERSION } from './version.js';
