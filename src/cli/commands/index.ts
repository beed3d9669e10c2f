import type { Command } from 'commander';
import { registerEval } from './eval.js';
import { registerCompare } from './compare.js';
import { registerObserve } from './observe.js';
import { registerTraces } from './traces.js';
import { registerImport } from './import.js';
import { registerSynthesize } from './synthesize.js';
import { registerExport } from './export.js';
import { registerServe } from './serve.js';

/** Each command lives in its own file and adds itself here, one line each. */
export function registerCommands(program: Command): void {
  registerObserve(program);
  registerImport(program);
  registerTraces(program);
  registerEval(program);
  registerSynthesize(program);
  registerExport(program);
  registerCompare(program);
  registerServe(program);
  void program;
}
