import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { runCli } from '../support/cli.js';

describe('the live-site guard settings', () => {
  it('default to the start origin only, orders on loopback only, no pacing', () => {
    expect(resolveConfig({ env: {}, cwd: tmpdir() }).values).toMatchObject({
      allowOrigins: [],
      allowOrdersOn: [],
      minStepIntervalMs: 0,
    });
  });

  it('read lists from the file, comma-separated variables, and repeated flags (flags win)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-guard-config-'));
    const file = path.join(dir, 'c.json');
    await writeFile(
      file,
      JSON.stringify({ allowOrigins: ['https://a.example'], minStepIntervalMs: 250 }),
    );
    const resolved = resolveConfig({
      file,
      env: { SHOPSIM_ALLOW_ORDERS_ON: 'staging.example, qa.example' },
    });
    expect(resolved.values).toMatchObject({
      allowOrigins: ['https://a.example'],
      allowOrdersOn: ['staging.example', 'qa.example'],
      minStepIntervalMs: 250,
    });
    expect(resolved.sources).toMatchObject({ allowOrigins: 'file', allowOrdersOn: 'env' });
    const cli = await runCli([
      'config',
      '--config',
      file,
      '--allow-origin',
      'https://*.shop.example',
      '--allow-origin',
      'http://127.0.0.1:9000',
      '--min-step-interval',
      '1000',
      '--json',
    ]);
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.stdout) as { values: Record<string, unknown> };
    expect(printed.values).toMatchObject({
      allowOrigins: ['https://*.shop.example', 'http://127.0.0.1:9000'],
      minStepIntervalMs: 1000,
    });
  });

  it('refuse bad values, naming the flag or variable and saying what to give', async () => {
    const bad = await runCli(['config', '--allow-origin', 'shop.example']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /--allow-origin "shop\.example": it has no http:\/\/ or https:\/\/ scheme; give an origin like/,
    );
    expect(() =>
      resolveConfig({ env: { SHOPSIM_ALLOW_ORDERS_ON: 'https://shop.example/' }, cwd: tmpdir() }),
    ).toThrow(/SHOPSIM_ALLOW_ORDERS_ON "https:\/\/shop\.example\/": give a host name/);
    const slow = await runCli(['config', '--min-step-interval', '9999999']);
    expect(slow.code).toBe(2);
    expect(slow.stderr).toMatch(/--min-step-interval: .*600000/);
  });
});
