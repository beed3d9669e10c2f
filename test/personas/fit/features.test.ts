import { describe, expect, it } from 'vitest';
import { featureMeans, sessionFeatures, standardise } from '../../../src/personas/fit/features.js';
import { readTraceFile } from '../../../src/traces/reader.js';

const fixture = (name: string) => readTraceFile(`test/fixtures/eval/human/${name}.jsonl`);

describe('sessionFeatures', () => {
  it('reads a buying session with the funnel classification', async () => {
    const f = sessionFeatures(await fixture('human-s1'));
    expect(f.sessionId).toBe('human-s1');
    expect(f.values).toEqual({
      steps: 6,
      search: 1,
      product_views: 1,
      add_to_cart: 1,
      checkout: 1,
      purchase: 1,
    });
    expect(f.queries).toEqual(['trail running shoes']);
    expect(f.products).toEqual(['/products/northwind-trail-pro']);
    expect(f.persona?.id).toBe('runner');
  });

  it('reads a browsing session from the home page without search', async () => {
    const f = sessionFeatures(await fixture('human-s3'));
    expect(f.values).toEqual({
      steps: 3,
      search: 0,
      product_views: 1,
      add_to_cart: 0,
      checkout: 0,
      purchase: 0,
    });
    expect(f.queries).toEqual([]);
  });

  it('standardises each feature to mean 0 and deviation 1 (constant features to 0)', async () => {
    const sessions = await Promise.all(['human-s1', 'human-s2', 'human-s4'].map(fixture));
    const features = sessions.map(sessionFeatures);
    const points = standardise(features);
    expect(points).toHaveLength(3);
    for (let j = 0; j < 6; j++) {
      const column = points.map((p) => p[j]!);
      const mean = column.reduce((s, x) => s + x, 0) / 3;
      const variance = column.reduce((s, x) => s + (x - mean) ** 2, 0) / 3;
      expect(mean).toBeCloseTo(0, 12);
      // search is 1 in all three: constant, so 0
      expect(variance).toBeCloseTo(j === 1 ? 0 : 1, 12);
    }
    expect(featureMeans(features)).toEqual({
      steps: 4,
      search: 1,
      product_views: 2 / 3,
      add_to_cart: 1 / 3,
      checkout: 1 / 3,
      purchase: 1 / 3,
    });
  });
});
