import { describe, expect, it } from 'vitest';
import { cohortPersona, mostCommon } from '../../../src/personas/fit/cohort-persona.js';
import type { SessionFeatures } from '../../../src/personas/fit/features.js';
import { Persona } from '../../../src/persona.js';

const session = (
  values: Partial<SessionFeatures['values']>,
  queries: string[] = [],
): SessionFeatures => ({
  sessionId: 's',
  values: {
    steps: 4,
    search: 1,
    product_views: 2,
    add_to_cart: 0,
    checkout: 0,
    purchase: 0,
    ...values,
  },
  queries,
  products: ['/p/tent'],
  persona: null,
});

describe('cohortPersona', () => {
  it('a cohort buying in at least half its sessions is a buyer; its text states the statistics', () => {
    const p = cohortPersona({
      index: 2,
      sessions: [
        session({ purchase: 1, add_to_cart: 1 }, ['tent', 'stove']),
        session({ purchase: 1, add_to_cart: 1 }, ['tent']),
        session({ search: 0 }, []),
        session({}, ['lamp']),
      ],
      totalSessions: 10,
      source: ['traces/human'],
    });
    expect(Persona.parse(p)).toEqual(p);
    expect(p).toMatchObject({ id: 'cohort-2', goal: 'buy', weight: 0.4, budget: null });
    expect(p.intent).toBe('Buy tent today.');
    expect(p.background).toContain('Stands for 4 of 10 human sessions (40.0% of the audience)');
    expect(p.background).toContain('searches in most sessions (75%)');
    expect(p.background).toContain('buys in most sessions (50%)');
    expect(p.background).toContain('placeholders');
    expect(p.fitted).toEqual({
      sessions: 4,
      means: {
        steps: 4,
        search: 0.75,
        product_views: 2,
        add_to_cart: 0.5,
        checkout: 0,
        purchase: 0.5,
      },
      top_queries: ['tent', 'lamp', 'stove'],
      top_products: ['tent'],
      source: ['traces/human'],
    });
  });

  it('a cohort buying in fewer than half its sessions browses', () => {
    const p = cohortPersona({
      index: 1,
      sessions: [session({ purchase: 1 }), session({}), session({ steps: 1 })],
      totalSessions: 3,
      source: ['x'],
    });
    expect(p.goal).toBe('browse');
    expect(p.intent).toBe('Look around for whatever catches the eye; not buying today.');
  });

  it('mostCommon counts each value once per session, ties a-z', () => {
    expect(mostCommon([['b', 'b', 'a'], ['a'], ['c']], 2)).toEqual(['a', 'b']);
  });
});
