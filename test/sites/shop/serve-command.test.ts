import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';

/** Runs the CLI in-process and captures what it prints. */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  return { out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('shopsim serve', () => {
  it('rejects an unknown variant, a bad seed and a bad port with exit code 2', async () => {
    const cases: [string[], string][] = [
      [
        ['--variant', 'c'],
        'shopsim: --variant c: unknown variant; use one of a, b, buy-below, long-checkout, late-shipping, no-product-search, faint-cta.\n',
      ],
      [
        ['--seed', 'abc'],
        'shopsim: --seed abc: the seed must be a non-negative whole number, e.g. --seed 7.\n',
      ],
      [
        ['--seed', '1.5'],
        'shopsim: --seed 1.5: the seed must be a non-negative whole number, e.g. --seed 7.\n',
      ],
      [
        ['--port', '99999'],
        'shopsim: --port 99999: give a whole number from 0 to 65535 (0 = any free port).\n',
      ],
    ];
    for (const [flags, message] of cases) {
      const { err } = capture();
      expect(await main(['node', 'shopsim', 'serve', ...flags])).toBe(2);
      expect(err.join('')).toBe(message);
      vi.restoreAllMocks();
    }
  });

  it('says which port is in use and how to choose another', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { err } = capture();
      expect(await main(['node', 'shopsim', 'serve', '--port', String(port)])).toBe(2);
      expect(err.join('')).toBe(`shopsim: port ${port} is in use; choose another with --port\n`);
    } finally {
      blocker.close();
    }
  });

  it('prints the URL, serves until SIGTERM, then closes cleanly', async () => {
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'serve-')), 'orders.jsonl');
    const { out } = capture();
    const running = main([
      'node',
      'shopsim',
      'serve',
      '--port',
      '0',
      '--variant',
      'b',
      '--seed',
      '3',
      '--order-log',
      log,
    ]);
    await vi.waitFor(() => expect(out.join('')).toContain('Press Ctrl+C'), { timeout: 20_000 });
    const url =
      /running at (http:\/\/127\.0\.0\.1:\d+) \(variant b for new visitors, catalog seed 3\)/.exec(
        out.join(''),
      )![1]!;
    expect(out.join('')).toContain(`Orders are logged to ${log}`);
    const home = await fetch(url + '/');
    expect(await home.text()).toContain('data-variant="b"');
    expect(await (await fetch(url + '/api/orders')).json()).toEqual([]);

    process.emit('SIGTERM');
    expect(await running).toBe(0);
    expect(out.join('')).toContain('Mock shop stopped (SIGTERM).');
    await expect(fetch(url + '/')).rejects.toThrow();
  });

  it('with --json, prints one JSON line when ready and the stop notice on stderr', async () => {
    const { out, err } = capture();
    const running = main(['node', 'shopsim', 'serve', '--port', '0', '--seed', '3', '--json']);
    await vi.waitFor(() => expect(out.join('')).toContain('\n'), { timeout: 20_000 });
    const ready = JSON.parse(out.join('')) as { url: string; ordersUrl: string };
    expect(ready).toMatchObject({ site: 'shop', variant: 'a', seed: 3 });
    expect(ready.ordersUrl).toBe(`${ready.url}/api/orders`);
    expect(await (await fetch(ready.ordersUrl)).json()).toEqual([]);
    process.emit('SIGTERM');
    expect(await running).toBe(0);
    expect(out.join('').trim().split('\n')).toHaveLength(1);
    expect(err.join('')).toContain('Mock shop stopped (SIGTERM).');
  });
});
