import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../sites/shop/server.js';
import { frameContentWarning } from '../../src/browser/frame-content.js';
import { runCli } from '../support/cli.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

const PERSONA = path.resolve(import.meta.dirname, '../../personas/trail-runner-maya.json');

describe('frameContentWarning (thresholds)', () => {
  const frame = (share: number, controls: number) => ({ url: 'http://x/', share, controls });
  it.each([
    ['no iframe', { topControls: 0, frame: null }, undefined, false],
    ['an empty page with a full-window iframe', { topControls: 0, frame: frame(1, 0) }, 0, true],
    [
      'a nearly empty page, small iframe with a shop',
      { topControls: 1, frame: frame(0.2, 40) },
      1,
      true,
    ],
    ['a nearly empty page, small empty iframe', { topControls: 1, frame: frame(0.2, 1) }, 1, false],
    ['a shop page with a small ad frame', { topControls: 80, frame: frame(0.1, 4) }, 60, false],
    ['a full shop with a large video frame', { topControls: 80, frame: frame(0.6, 10) }, 60, false],
    [
      'a wrapper header over a large shop frame',
      { topControls: 12, frame: frame(0.8, 50) },
      12,
      true,
    ],
  ])('%s -> %s', (_, content, named, warns) => {
    expect(frameContentWarning(content, named) !== null).toBe(warns);
  });
});

describe('a shop inside an iframe (real browser)', () => {
  let shop: RunningShop;
  let wrapper: Server;
  let wrapperUrl: string;
  let fixtures: FixtureServer;
  beforeAll(async () => {
    shop = await startShop({ port: 0 });
    fixtures = await startFixtureServer();
    // another origin (another port) that shows the whole shop in a full-window iframe
    wrapper = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><title>Wrapper</title><body style="margin:0">` +
          `<iframe src="${shop.url}/" style="position:fixed;inset:0;width:100%;height:100%;border:0"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => wrapper.listen(0, '127.0.0.1', resolve));
    wrapperUrl = `http://127.0.0.1:${(wrapper.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await shop?.close();
    await fixtures?.close();
    wrapper?.closeAllConnections();
    await new Promise((resolve) => wrapper?.close(resolve));
  });

  it('observe warns about a cross-origin iframe and names its URL as the start URL', async () => {
    const run = await runCli(['observe', wrapperUrl, '--no-recipe']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Elements \(0\):/);
    expect(run.stderr).toMatch(/^shopsim: warning: the page's content seems to sit in an iframe/);
    expect(run.stderr).toContain(`(${shop.url}/, 100% of the window,`);
    expect(run.stderr).toContain(`Open the iframe's URL as the start URL instead: ${shop.url}/`);
  });

  it('observe warns about a small same-origin iframe holding the content', async () => {
    const run = await runCli(['observe', `${fixtures.url}/iframe-same-origin.html`]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`instead: ${fixtures.url}/controls.html`);
  });

  it('observe of the shop itself warns about nothing', async () => {
    const run = await runCli(['observe', shop.url + '/']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('simulate prints the warning once for the run', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'shopsim-frame-')), 'run');
    const run = await runCli([
      'simulate',
      '--site',
      wrapperUrl,
      '--persona',
      PERSONA,
      '--sessions',
      '2',
      '--max-steps',
      '2',
      '--out',
      out,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const warnings = run.stderr.match(
      /shopsim: warning: the page's content seems to sit in an iframe/g,
    );
    expect(warnings).toHaveLength(1);
    expect(run.stderr).toContain(`instead: ${shop.url}/`);
  });
});
