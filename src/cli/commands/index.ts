import type { Command } from 'commander';
import { registerTraces } from './traces.js';
import { registerImport } from './import.js';

/** Each command lives in its own file and adds itself here, one line each. */
export function registerCommands(program: Command): void {
  registerImport(program);
  registerTraces(program);
  void program;
}
