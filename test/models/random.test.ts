import { describe, expect, it } from 'vitest';
import { formatAction } from '../../src/action.js';
import { checkActionOnPage } from '../../src/models/check-action.js';
import { decide } from '../../src/models/decide.js';
import type { HistoryStep } from '../../src/models/model.js';
import { intentWords, RandomModel } from '../../src/models/random.js';
import { loadObservation, loadTestPersona, makeRequest } from '../support/model-fixtures.js';

const home = loadObservation('home-page');

function historyOf(length: number): HistoryStep[] {
  return Array.from({ length }, () => ({
    observation: home,
    rationale: null,
    action: { type: 'terminate' },
  }));
}

async function actionsFor(seed: number, steps: number): Promise<string[]> {
  const model = new RandomModel(seed);
  const out: string[] = [];
  for (let step = 0; step < steps; step++) {
    const decision = await decide(model, makeRequest(home, { history: historyOf(step) }), {
      maxAttempts: 1,
    });
    out.push(formatAction(decision.action));
  }
  return out;
}

describe('random model', () => {
  it('is deterministic for a seed and step, and differs across seeds', async () => {
    const a = await actionsFor(5, 30);
    expect(await actionsFor(5, 30)).toEqual(a);
    expect(await actionsFor(6, 30)).not.toEqual(a);
    expect(new RandomModel(5).id).toBe('random:5');
  });

  it('only picks valid actions, and covers clicks, typing and terminate', async () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const reply = await new RandomModel(seed).predict(makeRequest(home));
      const { action } = JSON.parse(reply.text) as {
        action: Parameters<typeof checkActionOnPage>[0];
      };
      expect(checkActionOnPage(action, home)).toBeNull();
      seen.add(action.type === 'terminate' ? 'terminate' : `${action.type} ${action.name}`);
      if (action.type === 'type_and_submit') {
        expect(intentWords(loadTestPersona())).toContain(action.text);
      }
    }
    // 7 enabled clickables + 2 text fields + terminate = 10 choices, all reached.
    expect(seen.size).toBe(10);
    expect(seen).not.toContain('click newsletter.subscribe');
  });

  it('takes typed words from the persona intent, without stopwords', () => {
    expect(intentWords(loadTestPersona())).toEqual([
      'find',
      'lightweight',
      'trail',
      'running',
      'shoes',
      'under',
      '100',
      'weekend',
      'runs',
    ]);
    expect(intentWords(null)).toEqual(['sale']);
  });
});
