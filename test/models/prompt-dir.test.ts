import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors.js';
import { forgetDeadEndpoints } from '../../src/models/endpoint-health.js';
import { createModel } from '../../src/models/spec.js';
import { DEFAULT_PROMPTS_DIR, loadPromptTemplates } from '../../src/models/template.js';
import { runCli } from '../support/cli.js';
import { loadObservation, makeRequest } from '../support/model-fixtures.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../support/openai-server.js';

const MARKER = 'MARKER-7f3a: you shop only on Tuesdays.';

async function promptsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-prompts-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

function errorOf(fn: () => unknown): InputFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputFileError) return error;
    throw error;
  }
  throw new Error('expected an InputFileError');
}

let server: FakeOpenAIServer;
beforeEach(async () => {
  server = await startFakeOpenAIServer();
});
afterEach(async () => {
  await server.close();
  forgetDeadEndpoints();
});

describe('--prompts DIR', () => {
  it('uses the edited system.md and the bundled templates for the files DIR lacks', async () => {
    const dir = await promptsDir({ 'system.md': `${MARKER}\n\n{{persona}}\n` });
    const templates = loadPromptTemplates(dir);
    expect(templates.system.file).toBe(path.join(dir, 'system.md'));
    expect(templates.step.file).toBe(path.join(DEFAULT_PROMPTS_DIR, 'step.md'));

    server.enqueue({
      content: JSON.stringify({ rationale: 'Shoes.', action: { type: 'click', name: 'x' } }),
    });
    const model = await createModel('openai:test-model', { baseUrl: server.baseUrl, env: {} });
    await model.predict({ ...makeRequest(loadObservation('home-page')), templates });
    await model.close();
    const system = server.completions[0]!.messages[0]!;
    expect(system.role).toBe('system');
    expect(system.content).toContain(MARKER);
  });

  it('names the file of an unknown placeholder', async () => {
    const dir = await promptsDir({ 'step.md': '{{elements}} {{basket}}\n' });
    const error = errorOf(() => loadPromptTemplates(dir));
    expect(error.file).toBe(path.join(dir, 'step.md'));
    expect(error.message).toContain('{{basket}}');
  });

  it('names the file and placeholder a template must keep', async () => {
    const dir = await promptsDir({ 'system.md': 'Be a shopper.\n' });
    const error = errorOf(() => loadPromptTemplates(dir));
    expect(error.file).toBe(path.join(dir, 'system.md'));
    expect(error.message).toContain('{{persona}}');
  });

  it('refuses a prompts folder that does not exist', () => {
    const missing = path.join(tmpdir(), 'shopsim-no-such-prompts-dir');
    expect(errorOf(() => loadPromptTemplates(missing)).file).toBe(missing);
  });

  it('is a setting: --prompts flag on simulate, shown by config', async () => {
    const dir = await promptsDir({});
    const result = await runCli(['config', '--prompts', dir, '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { values: Record<string, unknown> };
    expect(printed.values.prompts).toBe(dir);
  });
});
