import { hashSeed, mulberry32 } from '../../prng.js';

/** A partition of points into k clusters. */
export interface Clustering {
  k: number;
  /** Cluster of each point: 0 is the largest cluster (ties: the one holding the lower point). */
  assignments: number[];
  centroids: number[][];
  /** Sum of squared distances of the points to their centroids. */
  inertia: number;
}

export function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return sum;
}

function nearest(point: readonly number[], centroids: readonly number[][]): number {
  let best = 0;
  let bestDistance = Infinity;
  centroids.forEach((c, j) => {
    const d = squaredDistance(point, c);
    if (d < bestDistance) [best, bestDistance] = [j, d];
  });
  return best;
}

/** k-means++ seeding: each next centre drawn with probability proportional to D(x)². */
function seedCentroids(points: readonly number[][], k: number, random: () => number): number[][] {
  const centroids = [[...points[Math.floor(random() * points.length)]!]];
  while (centroids.length < k) {
    const d2 = points.map((p) => Math.min(...centroids.map((c) => squaredDistance(p, c))));
    const total = d2.reduce((s, d) => s + d, 0);
    let pick = d2.findIndex((d) => d > 0); // all mass on taken points: the first untaken one
    if (total > 0) {
      let target = random() * total;
      pick = d2.findIndex((d) => (target -= d) < 0 && d > 0);
      if (pick < 0) pick = d2.findLastIndex((d) => d > 0);
    }
    if (pick < 0) throw new Error(`k-means: fewer than ${k} distinct points`);
    centroids.push([...points[pick]!]);
  }
  return centroids;
}

function meanOf(points: readonly number[][], members: number[]): number[] {
  const dims = points[0]!.length;
  const mean = new Array<number>(dims).fill(0);
  for (const i of members)
    for (let d = 0; d < dims; d++) mean[d]! += points[i]![d]! / members.length;
  return mean;
}

/** Lloyd's iterations from the given centres until no point changes cluster. */
function lloyd(points: readonly number[][], start: number[][], maxIterations: number): Clustering {
  let centroids = start;
  let assignments = points.map((p) => nearest(p, centroids));
  for (let it = 0; it < maxIterations; it++) {
    const members = centroids.map(() => [] as number[]);
    assignments.forEach((c, i) => members[c]!.push(i));
    // an emptied cluster takes the point farthest from its centre (never a cluster's last point)
    for (const [j, list] of members.entries()) {
      if (list.length > 0) continue;
      const far = points
        .map((p, i) => ({ i, d: squaredDistance(p, centroids[assignments[i]!]!) }))
        .filter(({ i }) => members[assignments[i]!]!.length > 1)
        .sort((a, b) => b.d - a.d || a.i - b.i)[0]!;
      members[assignments[far.i]!] = members[assignments[far.i]!]!.filter((i) => i !== far.i);
      assignments[far.i] = j;
      list.push(far.i);
    }
    centroids = members.map((list) => meanOf(points, list));
    const next = points.map((p) => nearest(p, centroids));
    if (next.every((c, i) => c === assignments[i])) break;
    assignments = next;
  }
  const inertia = points.reduce(
    (s, p, i) => s + squaredDistance(p, centroids[assignments[i]!]!),
    0,
  );
  return { k: centroids.length, assignments, centroids, inertia };
}

/** Renumbers clusters by size (largest first), ties by their lowest point index. */
function canonical(c: Clustering): Clustering {
  const order = c.centroids
    .map((_, j) => ({
      j,
      size: c.assignments.filter((a) => a === j).length,
      first: c.assignments.indexOf(j),
    }))
    .sort((a, b) => b.size - a.size || a.first - b.first)
    .map((x) => x.j);
  const rank = new Map(order.map((j, r) => [j, r]));
  return {
    ...c,
    assignments: c.assignments.map((a) => rank.get(a)!),
    centroids: order.map((j) => c.centroids[j]!),
  };
}

/** Number of distinct points (k-means cannot make more non-empty clusters than this). */
export function distinctCount(points: readonly number[][]): number {
  return new Set(points.map((p) => p.join(','))).size;
}

/**
 * k-means with k-means++ seeding from the project's seeded generator: `restarts` runs, each from
 * its own sub-seed of `seed`, and the one with the least inertia kept (the first on ties). The
 * same points, k and seed always give the same clustering.
 */
export function kmeans(
  points: readonly number[][],
  k: number,
  seed: number,
  restarts = 10,
  maxIterations = 100,
): Clustering {
  if (!Number.isInteger(k) || k < 1 || k > distinctCount(points)) {
    throw new RangeError(`k-means: k=${k} needs 1..${distinctCount(points)} (distinct points)`);
  }
  let best: Clustering | null = null;
  for (let r = 0; r < restarts; r++) {
    const random = mulberry32(hashSeed(seed, 'kmeans', r));
    const run = lloyd(points, seedCentroids(points, k, random), maxIterations);
    if (!best || run.inertia < best.inertia - 1e-12) best = run;
  }
  return canonical(best!);
}
