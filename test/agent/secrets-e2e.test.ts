import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop } from '../../sites/shop/server.js';
import { runSession } from '../../src/agent/run-session.js';
import { launchBrowser } from '../../src/browser/launch.js';
import { MASK_COLOR, openSession } from '../../src/browser/session.js';
import { OrderGuard } from '../../src/guard/orders.js';
import { ScriptedModel } from '../../src/models/scripted.js';
import { loadRecipe } from '../../src/observe/recipe.js';
import { TraceWriter } from '../../src/traces/writer.js';
import { runCli } from '../support/cli.js';
import { loadTestPersona, modelFixturePath } from '../support/model-fixtures.js';
import { decodePng } from '../support/png.js';

/**
 * End to end: a scripted shopper types one secret of each kind into the bundled shop's checkout
 * and places the order, with screenshots; then every file the run wrote is read. Text files (and
 * the printed summary) must hold none of the secrets; each screenshot must show the mask colour
 * over every field holding one. (The redactor's own rules are unit-tested in test/traces.)
 */
const SECRETS = {
  card_number: '4000 0566 5566 5556', // Luhn-valid test card
  card_cvc: '8264',
  card_expiry: '07/31',
  account_password: 'Tr0ub4dor&3-Zebra',
  tax_id: '078-05-1120',
  email: 'maya.secret.shopper@example.org',
};
const FIELD_NAMES: Record<keyof typeof SECRETS, string> = {
  card_number: 'checkout_form.payment.card_number_input',
  card_cvc: 'checkout_form.payment.security_code_cvc_input',
  card_expiry: 'checkout_form.payment.expiry_mm_yy_input',
  account_password: 'checkout_form.optional.password_to_create_an_account_input',
  tax_id: 'checkout_form.optional.tax_id_ssn_or_ein_for_invoices_input',
  email: 'checkout_form.shipping_address.email_input',
};
const say = (action: Record<string, unknown>, rationale = 'next step') => ({ rationale, action });
const SCRIPT = [
  say({ type: 'type_and_submit', name: 'nav_bar.search_input', text: 'running shoes' }),
  say({ type: 'click', name: 'search_results.p0222.title' }),
  say({ type: 'click', name: 'product_options.size.8' }),
  say({ type: 'click', name: 'product_options.color.Forest_Green' }),
  say({ type: 'click', name: 'product_form.buy_now' }),
  ...Object.entries(SECRETS).map(([field, text]) =>
    say(
      { type: 'type_and_submit', name: FIELD_NAMES[field as keyof typeof SECRETS], text },
      // a model may repeat what it types in its rationale: that is scrubbed too
      `I enter ${text} as my ${field.replace('_', ' ')}.`,
    ),
  ),
  say({ type: 'click', name: 'checkout.place_order' }),
];

/** Finds a secret: long ones anywhere, short ones (CVC, expiry) as a whole token. */
function findSecrets(text: string): string[] {
  return Object.values(SECRETS).filter((secret) => {
    const forms = [secret, encodeURIComponent(secret), secret.replace(/\D/g, '')].filter(
      (f) => f.length >= 4,
    );
    return forms.some((form) =>
      secret.length > 5
        ? text.includes(form)
        : new RegExp(`(?<![\\d\\w])${form.replace(/[/]/g, '\\/')}(?![\\d\\w])`).test(text),
    );
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const isMask = ([r, g, b]: [number, number, number]) =>
  [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('') ===
  MASK_COLOR.slice(1).toLowerCase();

describe('a checkout session writes none of the secrets typed into it', () => {
  it('simulate --screenshots: no secret in any text file or the summary; every PNG masked', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'shopsim-secrets-'));
    const script = path.join(work, 'script.json');
    await writeFile(script, JSON.stringify(SCRIPT));
    const out = path.join(work, 'run');
    const result = await runCli([
      'simulate',
      '--site',
      'builtin',
      '--model',
      `scripted:${script}`,
      '--persona',
      modelFixturePath('persona.json'),
      '--sessions',
      '1',
      '--screenshots',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/First error/);
    expect(result.stdout).toMatch(/Orders in the shop's order log: 1 of 1 purchases/);
    expect(findSecrets(result.stdout + result.stderr)).toEqual([]);
    const files = await filesUnder(out);
    const pngs = files.filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(SCRIPT.length);
    expect(files.filter((f) => f.endsWith('.jsonl'))).toHaveLength(1);
    for (const file of files) {
      const bytes = await readFile(file);
      // PNG bytes are compressed pixels: a secret cannot be in them as text; the masks are checked
      // pixel by pixel below. Every other file is read as text.
      const found = file.endsWith('.png') ? [] : findSecrets(bytes.toString('utf8'));
      expect({ file: path.relative(out, file), found }).toEqual({
        file: path.relative(out, file),
        found: [],
      });
    }
    const trace = (
      await readFile(
        files.find((f) => f.endsWith('.jsonl'))!,
        'utf8',
      )
    )
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; action?: { text?: string } });
    const typed = trace.filter((l) => l.action?.text !== undefined).map((l) => l.action!.text);
    expect(typed).toEqual(['running shoes', ...Object.values(SECRETS).map(() => '[redacted]')]);
    expect(trace.at(-1)).toMatchObject({ kind: 'end', outcome: 'purchase' });
    // the checkout screenshots carry mask boxes (the pixel test below checks what they cover)
    const last = decodePng(await readFile(pngs.sort().at(-1)!));
    let masked = 0;
    for (let y = 0; y < last.height; y += 4)
      for (let x = 0; x < last.width; x += 4) if (isMask(last.pixel(x, y))) masked++;
    expect(masked).toBeGreaterThan(500);
  }, 180_000);
});

describe('screenshot masks', () => {
  let browser: Browser;
  let shop: Awaited<ReturnType<typeof startShop>>;
  beforeAll(async () => {
    [browser, shop] = await Promise.all([launchBrowser(), startShop({ port: 0, seed: 1 })]);
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  type Box = { id: string; x0: number; y0: number; x1: number; y1: number };
  /** The viewport boxes of the shop's fields, by their ids (independent of the masking rule). */
  async function boxes(page: Page, ids: string[]): Promise<Box[]> {
    const viewport = page.viewportSize()!;
    const found: Box[] = [];
    for (const id of ids) {
      const field = page.locator(`#${id}`);
      if ((await field.count()) === 0) continue;
      const box = await field.boundingBox({ timeout: 2_000 });
      if (!box) continue;
      const x0 = Math.max(0, Math.ceil(box.x));
      const y0 = Math.max(0, Math.ceil(box.y));
      const x1 = Math.min(viewport.width, Math.floor(box.x + box.width));
      const y1 = Math.min(viewport.height, Math.floor(box.y + box.height));
      if (x1 > x0 && y1 > y0) found.push({ id, x0, y0, x1, y1 });
    }
    return found;
  }

  it('cover every pixel of every field holding a secret, in every screenshot, and no other field', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'shopsim-masks-'));
    const shots: { file: string; secret: Box[]; plain: Box[] }[] = [];
    const writer = await TraceWriter.create(path.join(work, 'session.jsonl'), {
      session_id: 'masks',
      source: 'simulated',
      site: shop.url,
      started_at: new Date().toISOString(),
    });
    const summary = await runSession({
      openSession: async (startUrl, recipe, timeoutMs) => {
        const session = await openSession(browser, { startUrl, recipe, timeoutMs });
        const take = session.screenshot.bind(session);
        session.screenshot = async (file?: string) => {
          const written = await take(file);
          shots.push({
            file: written,
            secret: await boxes(session.page, Object.keys(SECRETS)),
            plain: await boxes(session.page, ['city', 'full_name']),
          });
          return written;
        };
        return session;
      },
      startUrl: `${shop.url}/`,
      recipe: await loadRecipe(path.resolve('sites/shop/recipe.json')),
      persona: loadTestPersona(),
      model: new ScriptedModel(SCRIPT),
      writer,
      maxSteps: 20,
      maxAttempts: 1,
      historyPages: 1,
      timeoutMs: 10_000,
      screenshotDir: path.join(work, 'screenshots'),
      orderGuard: new OrderGuard([]),
    });
    expect(summary).toMatchObject({ outcome: 'purchase', error: null });
    expect(shots).toHaveLength(SCRIPT.length);
    let checked = 0;
    for (const shot of shots) {
      const png = decodePng(await readFile(shot.file));
      for (const box of shot.secret) {
        for (let y = box.y0; y < box.y1; y++) {
          for (let x = box.x0; x < box.x1; x++) {
            if (!isMask(png.pixel(x, y))) {
              throw new Error(`${shot.file}: #${box.id} is not masked at (${x}, ${y})`);
            }
          }
        }
        checked++;
      }
      for (const box of shot.plain) {
        expect(isMask(png.pixel(Math.floor((box.x0 + box.x1) / 2), box.y0 + 2))).toBe(false);
      }
    }
    // the checkout steps showed the secret fields (the test would pass vacuously otherwise)
    expect(checked).toBeGreaterThanOrEqual(20);
  }, 120_000);
});
