import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionRecord } from '../../../src/agent/summary.js';
import { main } from '../../../src/cli/main.js';
import { confirmOrders, openSite } from '../../../src/cli/site.js';
import { NO_USAGE } from '../../../src/cost/usage.js';
import { buildModernCatalog } from '../../../sites/modern/catalog.js';
import { ModernClient } from './modern-client.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  return { out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('shopsim serve --site modern', () => {
  it('rejects an unknown site and a variant for the modern shop', async () => {
    let { err } = capture();
    expect(await main(['node', 'shopsim', 'serve', '--site', 'amazon'])).toBe(2);
    expect(err.join('')).toBe('shopsim: --site amazon: unknown site; use shop or modern.\n');
    vi.restoreAllMocks();
    ({ err } = capture());
    expect(await main(['node', 'shopsim', 'serve', '--site', 'modern', '--variant', 'b'])).toBe(2);
    expect(err.join('')).toBe(
      'shopsim: --variant applies to --site shop only; the modern shop has no A/B arms.\n',
    );
  });

  it('serves the modern shop until SIGTERM, logging orders where asked', async () => {
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'serve-modern-')), 'orders.jsonl');
    const { out } = capture();
    const running = main([
      'node',
      'shopsim',
      'serve',
      '--site',
      'modern',
      '--port',
      '0',
      '--seed',
      '2',
      '--order-log',
      log,
    ]);
    await vi.waitFor(() => expect(out.join('')).toContain('Press Ctrl+C'), { timeout: 20_000 });
    const url = /Modern shop running at (http:\/\/127\.0\.0\.1:\d+) \(catalog seed 2\)/.exec(
      out.join(''),
    )![1]!;
    expect(out.join('')).toContain(`Orders are logged to ${log}`);
    expect(await (await fetch(url + '/')).text()).toContain('__NEXT_DATA__');
    const first = buildModernCatalog(2).catalog.products[0]!;
    const listing = (await (await fetch(url + '/api/products?category=shoes&limit=48')).json()) as {
      items: { title: string }[];
    };
    expect(listing.items.map((i) => i.title)).toContain(first.title);
    expect(await (await fetch(url + '/api/orders')).json()).toEqual([]);
    process.emit('SIGTERM');
    expect(await running).toBe(0);
    expect(out.join('')).toContain('Modern shop stopped (SIGTERM).');
  });
});

describe('openSite("modern")', () => {
  it('starts the modern shop with its order log checked, and no recipe', async () => {
    const site = await openSite('modern', null, 1);
    try {
      expect(site.recipe).toBeNull();
      expect(site.shopUrl).toBe(site.startUrl);
      const client = new ModernClient(site.startUrl);
      const product = buildModernCatalog(1).catalog.products.find(
        (p) => p.optionGroups.length === 0 && p.stock > 0,
      )!;
      await client.postJson('/api/cart', {
        handle: buildModernCatalog(1).handleOf.get(product.id),
        quantity: 1,
      });
      const placed = await client.postJson<{ orderId: string }>('/api/checkout', {
        email: 'a@b.co',
        fullName: 'A B',
        address1: '1 St',
        city: 'C',
        postalCode: '123',
        country: 'US',
        shippingMethod: 'standard',
        cardNumber: '4242424242424242',
        cardExpiry: '01/45',
        cardCvc: '999',
      });
      const record = (orderId: string | null): SessionRecord => ({
        sessionId: 's',
        personaId: 'p',
        file: 'f',
        outcome: 'purchase',
        steps: 1,
        durationMs: 1,
        error: null,
        orderId,
        orderConfirmed: null,
        usage: NO_USAGE,
      });
      const records = [record(placed.body.orderId), record('ORD-NOTREAL1')];
      expect(await confirmOrders(site, records)).toBe(1);
      expect(records.map((r) => r.orderConfirmed)).toEqual([true, false]);
    } finally {
      await site.close();
    }
  });

  it('refuses an A/B arm, which only the builtin shop has', async () => {
    await expect(openSite('modern', 'b', 1)).rejects.toThrow(
      '--variant applies to the builtin shop only; the modern shop has no A/B arms.',
    );
  });
});
