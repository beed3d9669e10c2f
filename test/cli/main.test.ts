import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('shopsim exit codes', () => {
  it('exits 2 for every usage error, commander errors included, and 0 for --version and --help', async () => {
    expect((await runCli(['no-such-command'])).code).toBe(2);
    expect((await runCli(['simulate', '--no-such-flag'])).code).toBe(2);
    expect((await runCli(['compare', 'only-one-argument'])).code).toBe(2);
    expect((await runCli(['simulate', '--sessions', '0'])).code).toBe(2);
    expect((await runCli(['--version'])).code).toBe(0);
    expect((await runCli(['doctor', '--help'])).code).toBe(0);
  });
});
