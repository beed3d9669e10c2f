import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/browser/launch.js';
import { readTraces } from '../../../src/traces/reader.js';
import { runCli } from '../../support/cli.js';

/**
 * The done-when test of the HTML reports: real runs of the bundled shop (heuristic shopper,
 * screenshots on) for simulate, ab, compare and eval; each index.html is opened from file://
 * in Chromium with every non-file request aborted.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const PERSONA = path.join(ROOT, 'personas/trail-runner-maya.json');
const HUMAN = path.join(ROOT, 'test/fixtures/eval/human');
const ARTIFACTS = path.join(ROOT, 'test-results/report');
const XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">';

let browser: Browser;
let tmp: string;

async function cli(args: string[]): Promise<void> {
  const run = await runCli(args);
  if (run.code !== 0) throw new Error(`shopsim ${args.join(' ')} failed:\n${run.stderr}`);
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'shopsim-report-'));
  const session = ['--persona', PERSONA, '--max-steps', '3', '--screenshots'];
  await cli(['simulate', ...session, '--out', path.join(tmp, 'run')]);
  await cli(['ab', ...session, '--out', path.join(tmp, 'ab')]);
  await cli(['compare', path.join(tmp, 'run'), HUMAN, '--out', path.join(tmp, 'compare')]);
  await cli(['eval', '--human', HUMAN, '--model', 'heuristic', '--out', path.join(tmp, 'eval')]);
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  errors: string[];
  outside: string[];
}

async function open(file: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const outside: string[] = [];
  await context.route(
    (url) => url.protocol !== 'file:' && url.protocol !== 'data:',
    async (route) => {
      outside.push(route.request().url());
      await route.abort();
    },
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState('load');
  return { page, errors, outside };
}

/** Every chart is an SVG drawing with marks in it. */
async function expectCharts(page: Page, atLeast: number, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-overview.png`), fullPage: true });
  const charts = page.locator('figure.chart svg');
  expect(await charts.count()).toBeGreaterThanOrEqual(atLeast);
  for (const svg of await charts.all()) {
    expect(await svg.locator('path, rect, line').count()).toBeGreaterThan(0);
  }
}

/** A session's step shows its loaded screenshot with the target outlined inside the image. */
async function expectHighlightedShot(page: Page): Promise<void> {
  const shot = page.locator('.shot:has(.target)').first();
  await shot.evaluate((el) => ((el.closest('details') as HTMLDetailsElement).open = true));
  await shot.scrollIntoViewIfNeeded();
  const img = shot.locator('img');
  await expect
    .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
    .toBeGreaterThan(0);
  const imageBox = (await img.boundingBox())!;
  const target = (await shot.locator('.target').boundingBox())!;
  expect(target.width).toBeGreaterThan(4);
  expect(target.height).toBeGreaterThan(4);
  expect(target.x).toBeGreaterThanOrEqual(imageBox.x - 4);
  expect(target.y).toBeGreaterThanOrEqual(imageBox.y - 4);
  expect(target.x + target.width).toBeLessThanOrEqual(imageBox.x + imageBox.width + 4);
  expect(target.y + target.height).toBeLessThanOrEqual(imageBox.y + imageBox.height + 4);
  expect(await shot.locator('.target').isVisible()).toBe(true);
}

async function finish(opened: Opened, name: string): Promise<void> {
  await opened.page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  expect(opened.errors).toEqual([]);
  expect(opened.outside).toEqual([]);
  await opened.page.context().close();
}

describe('HTML reports opened from file:// with the network blocked', () => {
  it('run: tables, charts, and a session viewer with highlighted targets; trace text stays text', async () => {
    const run = path.join(tmp, 'run');
    const [trace] = await readTraces(run);
    const file = trace!.file;
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const step = JSON.parse(lines[1]!) as Record<string, unknown>;
    expect(step.target_box).toMatchObject({ viewport: { width: 1280, height: 800 } });
    lines[1] = JSON.stringify({ ...step, rationale: XSS });
    await writeFile(file, lines.join('\n') + '\n');
    const report = await runCli(['report', run, '--out', path.join(tmp, 'run', 'report.html')]);
    expect(report.code).toBe(0);
    const html = await readFile(path.join(run, 'report.html'), 'utf8');
    expect(html).not.toContain('<script>window.__xss');
    expect(html).not.toMatch(/<(img|script|link)[^>]+(src|href)="https?:/);

    const opened = await open(path.join(run, 'report.html'));
    const { page } = opened;
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/simulate/);
    expect(await page.locator('table').first().textContent()).toContain('trail-runner-maya');
    expect(await page.locator('table').first().textContent()).toContain('cost');
    await expectCharts(page, 4, 'run');
    await page.getByRole('button', { name: 'Sessions' }).click();
    expect(await page.locator('#tab-sessions').isVisible()).toBe(true);
    await page.locator('details.session > summary').first().click();
    expect(await page.locator('.rationale').first().textContent()).toBe(XSS);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await expectHighlightedShot(page);
    const simplified = page.locator('ol.timeline details').first();
    await simplified.locator('summary').click();
    expect(await simplified.locator('pre.page').isVisible()).toBe(true);
    await finish(opened, 'run');
  }, 120_000);

  it('ab: funnel with intervals, differences, discordant pairs and highlighted screenshots', async () => {
    const opened = await open(path.join(tmp, 'ab', 'index.html'));
    const { page } = opened;
    expect(await page.locator('h1').textContent()).toMatch(/A\/B preview a vs b/);
    expect(await page.locator('#tab-overview table').first().textContent()).toContain('converted');
    await expectCharts(page, 3, 'ab');
    expect(await page.locator('figure[data-chart="Funnel by arm"] svg').count()).toBe(1);
    await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    await expectHighlightedShot(page);
    await finish(opened, 'ab');
  }, 120_000);

  it('compare: distances, human vs simulated charts, published figures, sessions side by side', async () => {
    const opened = await open(path.join(tmp, 'compare', 'index.html'));
    const { page } = opened;
    expect(await page.locator('#tab-overview').textContent()).toContain('Lu et al. 2025');
    await expectCharts(page, 4, 'compare');
    await page.getByRole('button', { name: 'Sessions side by side' }).click();
    expect(await page.locator('#tab-sessions .pair').count()).toBeGreaterThan(0);
    await expectHighlightedShot(page);
    await finish(opened, 'compare');
  }, 120_000);

  it('eval: metrics with intervals, confusion, taxonomy, published figures, predictions per step', async () => {
    const opened = await open(path.join(tmp, 'eval', 'index.html'));
    const { page } = opened;
    const overview = (await page.locator('#tab-overview').textContent())!;
    expect(overview).toContain('next-action accuracy');
    expect(overview).toContain('DeepSeek-R1');
    expect(overview).toMatch(/wrong target/i);
    await expectCharts(page, 4, 'eval');
    expect(
      await page.locator('figure[data-chart="Action-type confusion"] svg text').count(),
    ).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Human vs simulated steps' }).click();
    await page.locator('details.session > summary').first().click();
    expect(await page.locator('#tab-sessions').textContent()).toContain('Model predicted');
    await finish(opened, 'eval');
  }, 120_000);
});
