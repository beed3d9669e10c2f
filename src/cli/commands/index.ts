import type { Command } from 'commander';
import { registerObserve } from './observe.js';
import { registerSimulate } from './simulate.js';
import { registerImport } from './import.js';
import { registerTraces } from './traces.js';
import { registerReplay } from './replay.js';
import { registerRecord } from './record.js';
import { registerEval } from './eval.js';
import { registerCompare } from './compare.js';
import { registerSynthesize } from './synthesize.js';
import { registerExport } from './export.js';
import { registerServe } from './serve.js';
import { registerConfig } from './config.js';
import { registerAb } from './ab.js';
import { registerInstallBrowser } from './install-browser.js';
import { registerDoctor } from './doctor.js';
import { registerSchema } from './schema.js';
import { registerPersonas } from './personas.js';
import { registerReport } from './report.js';
import { registerMerge } from './merge.js';

/** Each command lives in its own file and adds itself here, one line each. */
export function registerCommands(program: Command): void {
  registerObserve(program);
  registerSimulate(program);
  registerImport(program);
  registerTraces(program);
  registerReplay(program);
  registerRecord(program);
  registerEval(program);
  registerCompare(program);
  registerSynthesize(program);
  registerExport(program);
  registerServe(program);
  registerConfig(program);
  registerAb(program);
  registerInstallBrowser(program);
  registerDoctor(program);
  registerSchema(program);
  registerPersonas(program);
  registerReport(program);
  registerMerge(program);
}
