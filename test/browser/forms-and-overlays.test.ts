import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

function open(): Promise<BrowserSession> {
  return openSession(browser, { startUrl: `${server.url}/forms.html` });
}

const log = async (session: BrowserSession): Promise<string[]> =>
  session.page.locator('#log li').allTextContents();

describe('type_and_submit finishes a field the way a person does', () => {
  it('commits a field of a multi-field form without submitting it', async () => {
    const session = await open();
    const observation = await session.observe();
    const email = nameOf(observation, (e) => e.inputType === 'email');
    const result = await session.execute({ type: 'type_and_submit', name: email, text: 'a@b.co' });
    expect(result).toMatchObject({ navigated: false, settled: true });
    expect(session.page.url()).toBe(`${server.url}/forms.html`);
    expect(await session.page.inputValue('#email')).toBe('a@b.co');
    expect(await log(session)).toEqual(['email input', 'email change', 'email blur']);
    // the form is sent by its button
    const place = nameOf(await session.observe(), byText('Place order'));
    const sent = await session.execute({ type: 'click', name: place });
    expect(sent.navigated).toBe(true);
    expect(sent.urlAfter).toContain('/results.html?email=a%40b.co&city=');
    await session.close();
  });

  it('submits a one-field form (search) with Enter', async () => {
    const session = await open();
    const search = nameOf(await session.observe(), (e) => e.text.includes('Search products'));
    const result = await session.execute({ type: 'type_and_submit', name: search, text: 'tea' });
    expect(result.navigated).toBe(true);
    expect(result.urlAfter).toContain('/results.html?q=tea');
    await session.close();
  });

  it('outside a form, presses Enter only in a search-like box', async () => {
    const session = await open();
    await session.page.evaluate(() =>
      document.getElementById('finder')!.addEventListener('keydown', (e) => {
        const li = document.createElement('li');
        li.textContent = `finder ${e.key}`;
        document.getElementById('log')!.appendChild(li);
      }),
    );
    const observation = await session.observe();
    const note = nameOf(observation, byText('Gift note'));
    await session.execute({ type: 'type_and_submit', name: note, text: 'Happy day' });
    const finder = nameOf(await session.observe(), byText('Find a store'));
    await session.execute({ type: 'type_and_submit', name: finder, text: 'Denver' });
    expect(await log(session)).toEqual(['note input', 'note change', 'note blur', 'finder Enter']);
    expect(await session.page.inputValue('#note')).toBe('Happy day');
    await session.close();
  });
});

describe('what a person can reach', () => {
  it('leaves out a control under a fixed banner and offers the banner’s own button', async () => {
    const session = await open();
    const observation = await session.observe();
    const texts = observation.elements.map((e) => e.text);
    expect(texts).toContain('Accept cookies');
    expect(texts).not.toContain('Under the banner');
    expect(observation.html).toContain('Under the banner'); // still shown as text
    await session.execute({ type: 'click', name: nameOf(observation, byText('Accept cookies')) });
    const after = await session.observe();
    expect(after.elements.map((e) => e.text)).toContain('Under the banner');
    await session.close();
  });
});
