import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatObservation, resolveTarget } from '../../src/cli/commands/observe-run.js';
import { Observation } from '../../src/observe/observation.js';
import { startFixtureServer, type FixtureServer } from '../browser/fixture-server.js';
import { runCli } from '../support/cli.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/browser');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(['observe', ...args]);
  return { code, out: stdout, err: stderr };
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

describe('shopsim observe', () => {
  it('prints the simplified HTML, then the named elements as aligned lines', async () => {
    const { code, out, err } = await run(path.join(FIXTURES, 'controls.html'));
    expect(err).toBe('');
    expect(code).toBe(0);
    const [head, list] = out.split(/\nElements \(\d+\):\n/);
    expect(head).toMatch(/^URL: file:\/\/.*controls\.html\nTitle: Controls fixture\n\n/);
    expect(head).toMatch(/<button name="[a-z_.]*alert_me"\/>/);
    expect(head).not.toContain('<script');
    const lines = list!.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^name +kind +text$/);
    const kindColumn = lines[0]!.indexOf('kind');
    const alert = lines.find((l) => l.endsWith('Alert me'));
    expect(alert).toBeDefined();
    expect(alert!.slice(kindColumn)).toMatch(/^button +Alert me$/);
    expect(lines.find((l) => l.includes('Disabled button'))).toMatch(/button \(disabled\)/);
    expect(lines.some((l) => l.slice(kindColumn).startsWith('option '))).toBe(true);
  });

  it('--json prints the whole observation of a served page', async () => {
    const { code, out } = await run(`${server.url}/target.html`, '--json');
    expect(code).toBe(0);
    const observation = Observation.parse(JSON.parse(out));
    expect(observation.url).toBe(`${server.url}/target.html`);
    expect(observation.title).toBe('Target page');
    expect(observation.elements.map((e) => [e.kind, e.text, e.href])).toContainEqual([
      'link',
      'Back to controls',
      `${server.url}/controls.html`,
    ]);
  });

  it('reads a gzipped saved page without touching the network', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shopsim-observe-test-'));
    const file = path.join(dir, 'page.html.gz');
    const html = readFileSync(path.join(FIXTURES, 'target.html'), 'utf8').replace(
      '</body>',
      `<img src="${server.url}/never-fetched.png" alt=""></body>`,
    );
    writeFileSync(file, gzipSync(html));
    const { code, out } = await run(file, '--json');
    expect(code).toBe(0);
    expect(Observation.parse(JSON.parse(out)).title).toBe('Target page');
    expect(server.requests).not.toContain('/never-fetched.png');
  });

  it('a missing file is a usage error', async () => {
    const { code, out, err } = await run('no/such/page.html');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      'shopsim: no/such/page.html: no such file; give an http(s) URL or an HTML file.\n',
    );
  });

  it('an unreachable URL is a usage error naming it', async () => {
    const gone = await startFixtureServer();
    await gone.close();
    const { code, err } = await run(gone.url);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^shopsim: cannot open http:\/\/127\.0\.0\.1:\d+\/?: net::ERR_CONNECTION_REFUSED; check the address/,
    );
  });

  it('a bad recipe names the file and the field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shopsim-observe-test-'));
    const recipe = path.join(dir, 'recipe.json');
    writeFileSync(recipe, JSON.stringify({ rules: [{ selector: 'a', name: 'bad name!' }] }));
    const { code, err } = await run(path.join(FIXTURES, 'target.html'), '--recipe', recipe);
    expect(code).toBe(1);
    expect(err).toContain(`${recipe}, field "rules.0.name"`);
  });
});

describe('observe helpers', () => {
  it('refuses other URL schemes', () => {
    expect(() => resolveTarget('ftp://example.com/page.html')).toThrow(
      'ftp://example.com/page.html: only http, https and file URLs can be observed.',
    );
  });

  it('aligns the element list and shortens long texts', () => {
    const text = formatObservation(
      {
        url: 'http://shop.test/',
        title: 'Shop',
        html: '<main>…</main>',
        elements: [
          {
            name: 'nav_bar.search_input',
            kind: 'text_input',
            text: 'Search',
            tag: 'input',
            href: null,
            value: null,
            checked: null,
            disabled: false,
            inputType: 'search',
            screen: null,
            prominence: null,
          },
          {
            name: 'buy',
            kind: 'button',
            text: 'x'.repeat(100),
            tag: 'button',
            href: null,
            value: null,
            checked: null,
            disabled: true,
            inputType: null,
            screen: null,
            prominence: null,
          },
        ],
      },
      20,
    );
    expect(text.split('\n').slice(-4)).toEqual([
      'name                  kind               text',
      'nav_bar.search_input  text_input         Search',
      `buy                   button (disabled)  ${'x'.repeat(19)}…`,
      '',
    ]);
  });
});
