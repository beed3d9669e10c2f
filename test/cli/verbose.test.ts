import { describe, expect, it } from 'vitest';
import { formatExchange } from '../../src/cli/verbose.js';
import { runCli } from '../support/cli.js';

describe('--verbose output', () => {
  it('shows every message of the prompt, then the raw answer', () => {
    const text = formatExchange(
      {
        messages: [
          { role: 'system', content: 'You are a careful shopper.' },
          { role: 'user', content: 'PAGE: home' },
        ],
        key: 's-1#3',
      },
      {
        text: '{"action":{"type":"terminate"}}',
        refusal: null,
        promptTokens: 3,
        completionTokens: 2,
      },
    );
    expect(text).toBe(
      '--- prompt (s-1#3) ---\n[system]\nYou are a careful shopper.\n[user]\nPAGE: home\n' +
        '--- answer ---\n{"action":{"type":"terminate"}}\n--- end ---\n',
    );
  });

  it('shows a refusal as such', () => {
    const text = formatExchange(
      { messages: [{ role: 'user', content: 'x' }] },
      { text: '', refusal: 'I cannot help.', promptTokens: null, completionTokens: null },
    );
    expect(text).toContain('--- answer ---\n[refusal]\nI cannot help.\n');
  });

  it('marks an answer served by --cache: no model call was made for it', () => {
    const text = formatExchange(
      { messages: [{ role: 'user', content: 'x' }] },
      { text: '{}', refusal: null, promptTokens: 0, completionTokens: 0 },
      'cache',
    );
    expect(text).toContain('--- answer (from the cache: no model call) ---\n{}\n');
  });

  it('ab --verbose --quiet is a usage error (exit 2) before anything starts', async () => {
    const result = await runCli(['ab', '--verbose', '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--verbose and --quiet');
  });

  it('simulate --verbose --quiet is a usage error (exit 2) before anything starts', async () => {
    const result = await runCli(['simulate', '--verbose', '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--verbose and --quiet');
  });
});
