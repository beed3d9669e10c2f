import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/agent/summary.js';
import { CHROMIUM_FLAGS, findBrowser } from '../../src/browser/launch.js';
import { readTraces } from '../../src/traces/reader.js';
import { runCli } from '../support/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PERSONA = path.join(ROOT, 'personas/trail-runner-maya.json');

/** `simulate` on the bundled shop with the heuristic shopper, two sessions, plus `args`. */
async function simulate(args: string[]): Promise<{ code: number; summary: RunSummary }> {
  const out = await mkdtemp(path.join(tmpdir(), 'shopsim-remote-'));
  const result = await runCli([
    'simulate',
    '--persona',
    PERSONA,
    '--sessions',
    '2',
    '--max-steps',
    '2',
    '--out',
    path.join(out, 'run'),
    '--json',
    ...args,
  ]);
  expect(result.stderr).not.toMatch(/error/i);
  return { code: result.code, summary: JSON.parse(result.stdout) as RunSummary };
}

async function expectSessionsRan(summary: RunSummary): Promise<void> {
  expect(summary.sessions).toBe(2);
  expect(summary.errors).toBe(0);
  const traces = await readTraces(summary.runDir);
  expect(traces).toHaveLength(2);
  for (const trace of traces) {
    expect(trace.steps.length).toBeGreaterThan(0);
    expect(trace.end?.outcome).not.toBe('error');
  }
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const location = findBrowser();

describe('simulate on a remote browser', () => {
  it('runs its sessions on a Playwright browser server and leaves the server running', async () => {
    const server = await chromium.launchServer({
      executablePath: location.executablePath,
      args: CHROMIUM_FLAGS,
    });
    try {
      const { code, summary } = await simulate(['--browser-endpoint', server.wsEndpoint()]);
      expect(code).toBe(0);
      await expectSessionsRan(summary);
      // replay takes the same setting: a recorded session re-run on the server
      const [trace] = await readTraces(summary.runDir);
      const replayOut = await mkdtemp(path.join(tmpdir(), 'shopsim-remote-replay-'));
      const replay = await runCli([
        'replay',
        trace!.file,
        '--browser-endpoint',
        server.wsEndpoint(),
        '--out',
        path.join(replayOut, 'run'),
        '--json',
      ]);
      expect(replay.stderr).not.toMatch(/could not connect|failed to start/);
      expect((JSON.parse(replay.stdout) as { outcome: string }).outcome).toBeTruthy();
      // the server is still up: a new client can connect and open a page
      const again = await chromium.connect(server.wsEndpoint());
      const page = await again.newPage();
      await page.setContent('<title>still here</title>');
      expect(await page.title()).toBe('still here');
      await again.close();
    } finally {
      await server.close();
    }
  }, 120_000);

  it('runs its sessions on a Chromium reached over CDP and does not close it', async () => {
    const port = await freePort();
    const browser = await chromium.launch({
      executablePath: location.executablePath,
      args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${port}`],
    });
    try {
      const { code, summary } = await simulate(['--cdp', `http://127.0.0.1:${port}`]);
      expect(code).toBe(0);
      await expectSessionsRan(summary);
      expect(browser.isConnected()).toBe(true);
      const again = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      expect(again.isConnected()).toBe(true);
      await again.close();
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('says what to check when nothing listens at the endpoint', async () => {
    const port = await freePort();
    const out = await mkdtemp(path.join(tmpdir(), 'shopsim-remote-'));
    const { code, stderr } = await runCli([
      'simulate',
      '--persona',
      PERSONA,
      '--out',
      path.join(out, 'run'),
      '--browser-endpoint',
      `ws://127.0.0.1:${port}/nothing`,
    ]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/could not connect to the remote browser at ws:\/\/127\.0\.0\.1/);
    expect(stderr).toMatch(/browser server/);
  }, 60_000);

  it('refuses a non-ws endpoint and both settings at once as usage errors', async () => {
    const bad = await runCli(['simulate', '--browser-endpoint', 'http://127.0.0.1:1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--browser-endpoint http:\/\/127\.0\.0\.1:1: give a ws:\/\//);
    const both = await runCli([
      'simulate',
      '--browser-endpoint',
      'ws://127.0.0.1:1/x',
      '--cdp',
      'http://127.0.0.1:2',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--browser-endpoint and --cdp both name a remote browser/);
  });
});
