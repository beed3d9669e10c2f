import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/eval');
export const HUMAN = path.join(FIXTURES, 'human');

export async function tempDir(prefix = 'shopsim-eval-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export { runCli } from '../support/cli.js';
