import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ElementNotFoundError,
  ElementNotInteractableError,
  NavigationTimeoutError,
  ShopsimError,
} from '../../src/errors.js';
import { launchBrowser } from '../../src/browser/launch.js';
import { openSession, type BrowserSession } from '../../src/browser/session.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { byText, nameOf } from './helpers.js';

let browser: Browser;
let server: FixtureServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startFixtureServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(timeoutMs = 10_000): Promise<BrowserSession> {
  return openSession(browser, { startUrl: `${server.url}/controls.html`, timeoutMs });
}

async function status(session: BrowserSession): Promise<string> {
  return (await session.page.textContent('#status')) ?? '';
}

describe('BrowserSession on the controls fixture', () => {
  it('types into a field and follows the navigation Enter causes', async () => {
    const session = await open();
    const observation = await session.observe();
    expect(observation.title).toBe('Controls fixture');
    const search = nameOf(observation, (e) => e.kind === 'text_input');
    const result = await session.execute({
      type: 'type_and_submit',
      name: search,
      text: 'red shoes',
    });
    expect(result).toMatchObject({ ok: true, navigated: true, newTab: false, closed: false });
    expect(result.urlAfter).toContain('/results.html?q=red+shoes');
    expect((await session.observe()).title).toBe('Results');
    expect(await session.page.textContent('h1')).toBe('Results for red shoes');
    await session.close();
  });

  it('answers alert and confirm dialogs and reports them', async () => {
    const session = await open();
    const observation = await session.observe();
    const alerted = await session.execute({
      type: 'click',
      name: nameOf(observation, byText('Alert me')),
    });
    expect(alerted.dialogs).toEqual(['alert: Added!']);
    expect(alerted.navigated).toBe(false);
    const confirmed = await session.execute({
      type: 'click',
      name: nameOf(observation, byText('Confirm me')),
    });
    expect(confirmed.dialogs).toEqual(['confirm: Sure?']);
    expect(await status(session)).toBe('confirmed');
    await session.close();
  });

  it('chooses an <option> in its select, and ticks a checkbox hidden behind its label', async () => {
    const session = await open();
    const observation = await session.observe();
    await session.execute({ type: 'click', name: nameOf(observation, byText('Medium', 'option')) });
    expect(await status(session)).toBe('size m');
    expect(await session.page.inputValue('#size')).toBe('m');
    await session.execute({
      type: 'click',
      name: nameOf(observation, (e) => e.kind === 'checkbox'),
    });
    expect(await session.page.isChecked('#gift')).toBe(true);
    await session.close();
  });

  it('re-marks the page when it changed since the last observation', async () => {
    const session = await open();
    const observation = await session.observe();
    const confirm = nameOf(observation, byText('Confirm me'));
    // a framework re-render: the same button, but a new node without our name attribute
    await session.page.evaluate(() => {
      const button = document.getElementById('confirm-button')!;
      const clone = button.cloneNode(true) as HTMLElement;
      clone.removeAttribute('data-shopsim-name');
      button.replaceWith(clone);
    });
    await session.execute({ type: 'click', name: confirm });
    expect(await status(session)).toBe('confirmed');
    await session.close();
  });

  it('follows a link that opens a new tab and switches to it', async () => {
    const session = await open();
    const observation = await session.observe();
    const result = await session.execute({
      type: 'click',
      name: nameOf(observation, byText('Open in a new tab')),
    });
    expect(result).toMatchObject({ newTab: true, navigated: true });
    expect(result.urlAfter).toBe(`${server.url}/target.html`);
    expect(session.page.url()).toBe(`${server.url}/target.html`);
    expect((await session.observe()).title).toBe('Target page');
    await session.close();
  });

  it('follows a tab a script opens with window.open', async () => {
    const session = await open();
    const observation = await session.observe();
    const result = await session.execute({
      type: 'click',
      name: nameOf(observation, byText('Open a window')),
    });
    expect(result).toMatchObject({ newTab: true, navigated: true });
    expect(result.urlAfter).toBe(`${server.url}/target.html?from=script`);
    await session.close();
  });

  it('waits for in-page updates, and acts on controls they add', async () => {
    const session = await open();
    const observation = await session.observe();
    const result = await session.execute({
      type: 'click',
      name: nameOf(observation, byText('Add a button')),
    });
    expect(result).toMatchObject({ navigated: false, newTab: false, settled: true });
    const updated = await session.observe();
    await session.execute({ type: 'click', name: nameOf(updated, byText('Late button')) });
    expect(await status(session)).toBe('late clicked');
    await session.close();
  });

  it('saves numbered screenshots into screenshotDir', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shopsim-shots-'));
    const session = await openSession(browser, {
      startUrl: `${server.url}/controls.html`,
      screenshotDir: dir,
    });
    const file = await session.screenshot();
    expect(file).toBe(path.join(dir, 'step-001.png'));
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    await session.close();
  });

  it('ignores downloads and stays on the page', async () => {
    const session = await open();
    const observation = await session.observe();
    const result = await session.execute({
      type: 'click',
      name: nameOf(observation, byText('Download')),
    });
    expect(result.urlAfter).toBe(`${server.url}/controls.html`);
    expect(result.newTab).toBe(false);
    expect((await session.observe()).title).toBe('Controls fixture');
    await session.close();
  });

  it('terminate closes the session; later actions are refused', async () => {
    const session = await open();
    const result = await session.execute({ type: 'terminate' });
    expect(result).toMatchObject({ ok: true, closed: true });
    expect(session.closed).toBe(true);
    await expect(session.observe()).rejects.toThrow(ShopsimError);
    await expect(session.execute({ type: 'click', name: 'x' })).rejects.toThrow(
      /session is closed/,
    );
  });
});

describe('BrowserSession errors a model can act on', () => {
  it('an unknown name lists the closest names', async () => {
    const session = await open();
    const observation = await session.observe();
    const confirm = nameOf(observation, byText('Confirm me'));
    const typo = confirm.slice(0, -1);
    const error = await session.execute({ type: 'click', name: typo }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ElementNotFoundError);
    expect((error as ElementNotFoundError).similar).toContain(confirm);
    expect((error as Error).message).toMatch(
      new RegExp(`^no element named ${typo} on this page; similar: `),
    );
    await session.close();
  });

  it('a disabled button is refused with the reason', async () => {
    const session = await open();
    const observation = await session.observe();
    const name = nameOf(observation, byText('Disabled button'));
    const error = await session.execute({ type: 'click', name }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ElementNotInteractableError);
    expect((error as Error).message).toMatch(/disabled/);
    await session.close();
  });

  it('a covered button is refused, naming what covers it', async () => {
    const session = await openSession(browser, {
      startUrl: `${server.url}/controls.html`,
      actionTimeoutMs: 800,
    });
    const observation = await session.observe();
    const name = nameOf(observation, byText('Covered button'));
    const error = await session.execute({ type: 'click', name }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ElementNotInteractableError);
    expect((error as Error).message).toMatch(/covered by another element \(<div id="cover"/);
    await session.close();
  });

  it('typing into something that is not a text field is refused', async () => {
    const session = await open();
    const observation = await session.observe();
    const name = nameOf(observation, byText('Alert me'));
    const error = await session
      .execute({ type: 'type_and_submit', name, text: 'hi' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ElementNotInteractableError);
    expect((error as Error).message).toMatch(/not a text field/);
    await session.close();
  });

  it('a navigation that never answers is a bounded NavigationTimeoutError', async () => {
    const session = await open(1_500);
    const observation = await session.observe();
    const name = nameOf(observation, byText('Never answers'));
    const started = Date.now();
    const error = await session.execute({ type: 'click', name }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NavigationTimeoutError);
    expect((error as Error).message).toMatch(
      /did not finish loading within 1.5s \(still at http:.*\/controls.html\)/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    // the session is still usable on the page it was on
    expect((await session.observe()).title).toBe('Controls fixture');
    await session.close();
  });

  it('an unreachable start address is a clear error', async () => {
    const gone = await startFixtureServer();
    await gone.close();
    await expect(openSession(browser, { startUrl: gone.url, timeoutMs: 5_000 })).rejects.toThrow(
      `cannot open ${gone.url}: net::ERR_CONNECTION_REFUSED; check the address`,
    );
  });
});
