import { describe, expect, it } from 'vitest';
import { distinctCount, kmeans } from '../../../src/personas/fit/kmeans.js';
import { blobs, CENTRES } from './clusters.js';

describe('kmeans', () => {
  const points = blobs(CENTRES, 20);

  it('recovers three clear clusters, centroids on their centres, largest cluster first', () => {
    const result = kmeans(points, 3, 1);
    // points alternate between the centres: point i belongs to centre i % 3
    for (let c = 0; c < 3; c++) {
      const labels = new Set(
        points.flatMap((_, i) => (i % 3 === c ? [result.assignments[i]] : [])),
      );
      expect(labels.size).toBe(1);
    }
    expect(new Set(result.assignments).size).toBe(3);
    // equal sizes: clusters numbered by their lowest point, so centre i is cluster i
    expect(result.assignments.slice(0, 3)).toEqual([0, 1, 2]);
    result.centroids.forEach((centroid, j) =>
      centroid.forEach((x, d) => expect(Math.abs(x - CENTRES[j]![d]!)).toBeLessThan(0.25)),
    );
    expect(result.inertia).toBeLessThan(points.length * 3 * 0.25);
  });

  it('is deterministic: the same points, k and seed give the same clustering', () => {
    expect(kmeans(points, 4, 9)).toEqual(kmeans(points, 4, 9));
    expect(kmeans(points, 3, 1).assignments).toEqual(kmeans(points, 3, 2).assignments);
  });

  it('numbers clusters by size, largest first', () => {
    const uneven = [...blobs([[0, 0]], 10), ...blobs([[20, 20]], 4, 5)];
    const result = kmeans(uneven, 2, 1);
    expect(result.assignments).toEqual([...new Array(10).fill(0), ...new Array(4).fill(1)]);
  });

  it('handles repeated points and refuses more clusters than distinct points', () => {
    const repeated = [[0], [0], [0], [5], [5], [9]];
    expect(distinctCount(repeated)).toBe(3);
    expect(kmeans(repeated, 3, 1).assignments).toEqual([0, 0, 0, 1, 1, 2]);
    expect(kmeans(repeated, 3, 1).inertia).toBe(0);
    expect(() => kmeans(repeated, 4, 1)).toThrow(/distinct points/);
  });
});
