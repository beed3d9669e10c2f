/**
 * `shopsim/test`: Playwright Test with a `shopper` fixture that runs a simulated shopper in the
 * test's own browser and attaches its trace, screenshots and rationale timeline to the report.
 *
 *   import { test, expect } from 'shopsim/test';
 *   test('a budget shopper buys', async ({ shopper }) => {
 *     const result = await shopper.run({ persona: 'tight-budget-pan-luis', site: 'builtin' });
 *     expect(result.outcome).toBe('purchase');
 *   });
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test as base, type TestInfo } from 'playwright/test';
import { simulateSession, type SessionResult } from '../api/simulate-session.js';
import type { Settings } from '../api/settings.js';
import { UsageError } from '../errors.js';
import type { Persona } from '../persona.js';
import { readTraceFile } from '../traces/reader.js';
import { rationaleTimeline } from './timeline.js';

export interface ShopperRunOptions {
  /** A bundled persona's id, a persona file, or a persona object. */
  persona: string | Persona;
  /** "builtin" (the bundled shop, started for this run), "modern", or a shop URL. */
  site?: string;
  /** A URL, or a path resolved against the test's `baseURL` (give `site` or `startUrl`). */
  startUrl?: string;
  /** Model spec (default "heuristic"), e.g. "openai:gpt-4o-mini" or "llama:model.gguf". */
  model?: string;
  maxSteps?: number;
  /** Save and attach one screenshot per step (default true). */
  screenshots?: boolean;
  /** Any other settings (seed, baseUrl, timeoutMs, allowOrigins, ...). */
  settings?: Settings;
}

export interface Shopper {
  /** Runs one session; its files land in the test's output folder and in the report. */
  run(options: ShopperRunOptions): Promise<SessionResult>;
}

function siteOf(options: ShopperRunOptions, baseURL: string | undefined): string {
  if (options.site && options.startUrl) {
    throw new UsageError('shopper.run: give either site or startUrl, not both.');
  }
  if (options.site) return options.site;
  if (!options.startUrl) return 'builtin';
  if (/^(https?|file):/.test(options.startUrl)) return options.startUrl;
  if (!baseURL) {
    throw new UsageError(
      `shopper.run: startUrl ${options.startUrl} is relative; set use.baseURL or give a full URL.`,
    );
  }
  return new URL(options.startUrl, baseURL).href;
}

async function attachSession(testInfo: TestInfo, result: SessionResult): Promise<void> {
  const id = result.sessionId;
  await testInfo.attach(`${id}.jsonl`, { path: result.file, contentType: 'application/x-ndjson' });
  // a file, not a body: the HTML report then keeps it as a file of its own, like the others
  const timeline = path.join(result.runDir, `${id}.timeline.txt`);
  await writeFile(timeline, rationaleTimeline(await readTraceFile(result.file)));
  await testInfo.attach(`${id} timeline.txt`, { path: timeline, contentType: 'text/plain' });
  for (const shot of result.screenshots) {
    await testInfo.attach(`${id} ${path.basename(shot)}`, { path: shot, contentType: 'image/png' });
  }
}

export const test = base.extend<{ shopper: Shopper }>({
  shopper: async ({ browser, baseURL, storageState, httpCredentials }, use, testInfo) => {
    let runs = 0;
    await use({
      run: async (options) => {
        runs++;
        const result = await simulateSession({
          ...options.settings,
          ...(options.model ? { model: options.model } : {}),
          ...(options.maxSteps ? { maxSteps: options.maxSteps } : {}),
          out: testInfo.outputPath(`shopsim-${runs}`),
          browser,
          persona: options.persona,
          site: siteOf(options, baseURL),
          screenshots: options.screenshots ?? true,
          contextOptions: {
            ...(storageState ? { storageState } : {}),
            ...(httpCredentials ? { httpCredentials } : {}),
          },
        });
        await attachSession(testInfo, result);
        return result;
      },
    });
  },
});

export { expect };
export type { SessionResult };
