import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateSession } from '../../src/api/simulate-session.js';
import { launchBrowser } from '../../src/browser/launch.js';
import { readTraceFile } from '../../src/traces/reader.js';
import { rationaleTimeline } from '../../src/testing/timeline.js';

let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('simulateSession (one session on the caller’s browser)', () => {
  it('buys on the bundled shop, writes trace and screenshots, and leaves the browser open', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'shopsim-one-')), 'run');
    const result = await simulateSession({
      browser,
      persona: 'teen-hoodie-zoe',
      model: 'heuristic',
      maxSteps: 12,
      out,
    });
    expect(result).toMatchObject({ outcome: 'purchase', orderConfirmed: true, runDir: out });
    expect(result.file).toBe(path.join(out, 'teen-hoodie-zoe-1.jsonl'));
    expect(result.screenshots.map((f) => path.basename(f))).toEqual(
      Array.from({ length: result.steps }, (_, i) => `step-${String(i).padStart(3, '0')}.png`),
    );
    expect((await readdir(out)).sort()).toEqual([
      'run.json',
      'screenshots',
      'teen-hoodie-zoe-1.jsonl',
    ]);
    expect(browser.isConnected()).toBe(true);
    expect(browser.contexts()).toHaveLength(0); // its own context is closed

    const timeline = rationaleTimeline(await readTraceFile(result.file));
    expect(timeline.split('\n')[0]).toBe(
      'session teen-hoodie-zoe-1 (teen-hoodie-zoe, model heuristic)',
    );
    expect(timeline).toContain('#0  http://127.0.0.1:');
    expect(timeline).toMatch(/\n {4}why: \S/);
    expect(timeline).toMatch(
      new RegExp(`\\nend: purchase after ${result.steps} steps, order ${result.orderId}\\n$`),
    );
  });

  it('opens its context with the caller’s context options (offline: the start page fails)', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'shopsim-one-')), 'run');
    const result = await simulateSession({
      browser,
      persona: 'teen-hoodie-zoe',
      maxSteps: 3,
      screenshots: false,
      contextOptions: { offline: true },
      out,
    });
    expect(result.outcome).toBe('error');
    expect(result.steps).toBe(0);
    expect(result.screenshots).toEqual([]);
    expect(rationaleTimeline(await readTraceFile(result.file))).toMatch(
      /\nend: error after 0 steps \(.+\)\n$/,
    );
  });
});
