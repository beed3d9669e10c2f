import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/version.js';

interface Summary {
  purchases: number;
  confirmedOrders: number;
  errors: number;
  records: {
    personaId: string;
    file: string;
    outcome: string;
    orderConfirmed: boolean | null;
    error: string | null;
  }[];
}

const persona = (id: string): unknown =>
  JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'personas', `${id}.json`), 'utf8'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('heuristic shopper on the modern storefront (real browser)', () => {
  it('buys through pop-ups, menus, option dropdowns and an empty checkout; secrets stay out of traces', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'heuristic-modern-'));
    // Zoe brings her own checkout profile; Aisha and Sam get the default test profile.
    const zoe = {
      ...(persona('teen-hoodie-zoe') as object),
      checkout: {
        name: 'Zoe Park',
        email: 'zoe.park@example.com',
        address: '18 Elm Row',
        city: 'Sacramento',
        postal_code: '95814',
        country: 'US',
        card_number: '4242-4242-4242-4242',
        card_expiry: '11/33',
        card_cvc: '987',
      },
    };
    const zoeFile = path.join(dir, 'zoe.json');
    writeFileSync(zoeFile, JSON.stringify(zoe));
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const personas = ['coffee-maker-aisha', 'game-night-browser-sam'].flatMap((id) => [
      '--persona',
      path.join(PACKAGE_ROOT, 'personas', `${id}.json`),
    ]);
    const code = await main([
      'node',
      'shopsim',
      'simulate',
      '--site',
      'modern',
      '--persona',
      zoeFile,
      ...personas,
      '--concurrency',
      '2',
      '--out',
      path.join(dir, 'run'),
      '--json',
    ]);
    expect(code).toBe(0);
    const summary = JSON.parse(out.join('')) as Summary;
    const byPersona = new Map(summary.records.map((r) => [r.personaId, r]));
    expect(summary.errors).toBe(0);
    for (const buyer of ['teen-hoodie-zoe', 'coffee-maker-aisha']) {
      const record = byPersona.get(buyer)!;
      // on failure: the buyer's steps, each with its rationale and error
      const steps = readFileSync(record.file, 'utf8')
        .split('\n')
        .filter((line) => line.includes('"action"'))
        .map((line) => {
          const s = JSON.parse(line) as { rationale?: string; result?: { error?: string | null } };
          return `${s.rationale ?? ''}${s.result?.error ? ` [${s.result.error}]` : ''}`;
        });
      expect(record, steps.join('\n')).toMatchObject({ outcome: 'purchase', orderConfirmed: true }); // prettier-ignore
    }
    expect(byPersona.get('game-night-browser-sam')?.outcome).not.toBe('purchase');
    expect(summary.confirmedOrders).toBe(2);

    for (const record of summary.records.filter((r) => r.outcome === 'purchase')) {
      const text = readFileSync(record.file, 'utf8');
      expect(text).not.toMatch(/4242[ -]?4242/);
      expect(text).not.toMatch(/\b(12|11) ?\/ ?(34|33)\b/);
      const typed = text
        .split('\n')
        .filter(Boolean)
        .map(
          (line) => JSON.parse(line) as { action?: { type: string; name: string; text?: string } },
        )
        .flatMap((l) => (l.action?.type === 'type_and_submit' ? [l.action] : []));
      const card = typed.filter((a) => /card|expir|security/.test(a.name));
      expect(card.length).toBeGreaterThanOrEqual(3);
      for (const a of card) expect(a.text).toBe('[redacted]');
      expect(typed.some((a) => a.text === '987' || a.text === '123')).toBe(false);
    }
    const zoeTrace = readFileSync(byPersona.get('teen-hoodie-zoe')!.file, 'utf8');
    // the email was typed (into the email field) but, as personal data, is redacted in the trace
    expect(zoeTrace).not.toContain('zoe.park@example.com');
    expect(zoeTrace).toMatch(/"name":"[^"]*email[^"]*","text":"\[redacted\]"/);
    expect(zoeTrace).not.toContain('"card_number"');
  }, 170_000);
});
