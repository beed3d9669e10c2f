import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.js';
import { openSession, type BrowserSession } from '../../src/browser/session.js';
import { NavigationBlockedError } from '../../src/errors.js';
import { runSession } from '../../src/agent/run-session.js';
import { ScriptedModel } from '../../src/models/scripted.js';
import { readTraceFile } from '../../src/traces/reader.js';
import { TraceWriter } from '../../src/traces/writer.js';
import { byText, nameOf } from './helpers.js';

/** Two local servers on different ports: two origins, as a shop and a site it links to. */
let browser: Browser;
let shop: Server;
let other: Server;
let shopUrl: string;
let otherUrl: string;
/** Paths the other origin was asked for. */
let otherRequests: string[] = [];

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

function shopPage(): string {
  return `<!doctype html><title>Shop</title><main><h1>Shop</h1>
<a href="${otherUrl}/link">Other site</a>
<a href="/two">Same site</a>
<a href="/hop">Server hop</a>
<form method="get" action="${otherUrl}/form"><button>Send off-site</button></form>
<button onclick="window.open('${otherUrl}/popup')">Open popup</button>
<button onclick="location.href='${otherUrl}/js'">Redirect me</button>
<img src="${otherUrl}/pixel.svg" alt="">
</main>`;
}

beforeAll(async () => {
  other = createServer((req, res) => {
    otherRequests.push(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(200, {
      'content-type': req.url?.endsWith('.svg') ? 'image/svg+xml' : 'text/html',
    });
    res.end(
      req.url?.endsWith('.svg')
        ? '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
        : '<!doctype html><title>Other</title><h1>Other site</h1>',
    );
  });
  shop = createServer((req, res) => {
    if (req.url === '/hop') {
      res.writeHead(302, { location: `${otherUrl}/hop` });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(req.url === '/two' ? '<!doctype html><title>Two</title><h1>Two</h1>' : shopPage());
  });
  [browser, otherUrl, shopUrl] = await Promise.all([launchBrowser(), listen(other), listen(shop)]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => shop?.close(r));
  await new Promise((r) => other?.close(r));
});

async function clickOn(session: BrowserSession, text: string) {
  const observation = await session.observe();
  return session.execute({ type: 'click', name: nameOf(observation, byText(text)) });
}

describe('the live-site guard in the browser', () => {
  const cases: [string, string, RegExp][] = [
    ['Other site', '/link', /blocked: navigation to http:\/\/127\.0\.0\.1:\d+\/link leaves/],
    ['Send off-site', '/form', /blocked: navigation to http:\/\/127\.0\.0\.1:\d+\/form\? leaves/],
    [
      'Open popup',
      '/popup',
      /blocked: a new window \(window\.open\) to http:\/\/127\.0\.0\.1:\d+\/popup/,
    ],
    ['Redirect me', '/js', /blocked: navigation to http:\/\/127\.0\.0\.1:\d+\/js leaves/],
  ];
  for (const [text, path, message] of cases) {
    it(`blocks "${text}" before the request is sent, and the session stays usable`, async () => {
      otherRequests = [];
      const session = await openSession(browser, { startUrl: `${shopUrl}/`, timeoutMs: 5_000 });
      try {
        const failure = await clickOn(session, text).catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(NavigationBlockedError);
        expect((failure as Error).message).toMatch(message);
        expect((failure as Error).message).toContain(`--allow-origin ${otherUrl}`);
        expect(otherRequests).not.toContain(path);
        // images from other origins are not this guard's business
        expect(otherRequests).toContain('/pixel.svg');
        expect(session.context.pages()).toHaveLength(1);
        expect(session.page.url()).toBe(`${shopUrl}/`);
        expect((await session.observe()).title).toBe('Shop');
      } finally {
        await session.close();
      }
    });
  }

  it('takes back a server redirect off-site (it cannot be stopped before it is sent)', async () => {
    const session = await openSession(browser, { startUrl: `${shopUrl}/`, timeoutMs: 5_000 });
    try {
      const failure = await clickOn(session, 'Server hop').catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(NavigationBlockedError);
      expect((failure as Error).message).toMatch(
        /blocked: a redirect to http:\/\/127\.0\.0\.1:\d+\/hop/,
      );
      expect(session.page.url()).toBe(`${shopUrl}/`);
    } finally {
      await session.close();
    }
  });

  it('lets same-origin navigation through', async () => {
    const session = await openSession(browser, { startUrl: `${shopUrl}/`, timeoutMs: 5_000 });
    try {
      expect((await clickOn(session, 'Same site')).urlAfter).toBe(`${shopUrl}/two`);
    } finally {
      await session.close();
    }
  });

  it('allows the origins given with --allow-origin, and nothing when turned off', async () => {
    for (const guard of [{ allowOrigins: [otherUrl] }, false as const]) {
      const session = await openSession(browser, {
        startUrl: `${shopUrl}/`,
        timeoutMs: 5_000,
        guard,
      });
      try {
        expect((await clickOn(session, 'Other site')).urlAfter).toBe(`${otherUrl}/link`);
        await session.page.goBack();
        const popup = await clickOn(session, 'Open popup');
        expect(popup).toMatchObject({ newTab: true, urlAfter: `${otherUrl}/popup` });
      } finally {
        await session.close();
      }
    }
  });

  it("records a blocked navigation as the step's result, which the shopper reads", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-site-guard-'));
    const writer = await TraceWriter.create(path.join(dir, 'session.jsonl'), {
      session_id: 'guarded',
      source: 'simulated',
      site: shopUrl,
      started_at: new Date().toISOString(),
    });
    const observed = await openSession(browser, { startUrl: `${shopUrl}/` });
    const link = nameOf(await observed.observe(), byText('Other site'));
    await observed.close();
    const model = new ScriptedModel([
      { rationale: 'Let me look there.', action: { type: 'click', name: link } },
      { rationale: 'Fine, I stay.', action: { type: 'terminate' } },
    ]);
    const summary = await runSession({
      openSession: (startUrl, recipe, timeoutMs) =>
        openSession(browser, { startUrl, recipe, timeoutMs }),
      startUrl: `${shopUrl}/`,
      recipe: null,
      persona: null,
      model,
      writer,
      maxSteps: 5,
      maxAttempts: 1,
      historyPages: 1,
      timeoutMs: 5_000,
    });
    expect(summary.outcome).toBe('terminate');
    const trace = await readTraceFile(writer.file);
    expect(trace.steps[0]!.result).toMatchObject({ ok: false });
    expect(trace.steps[0]!.result!.error).toMatch(
      /^blocked: navigation to http:\/\/127\.0\.0\.1:\d+\/link/,
    );
    expect(model.requests[1]!.history[0]!.error).toBe(trace.steps[0]!.result!.error);
  });
});
