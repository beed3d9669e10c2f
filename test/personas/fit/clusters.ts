import { mulberry32 } from '../../../src/prng.js';

/** `perCluster` points scattered (±0.5 in each coordinate) around each of `centres`, in turn. */
export function blobs(centres: number[][], perCluster: number, seed = 3): number[][] {
  const random = mulberry32(seed);
  const points: number[][] = [];
  for (let i = 0; i < perCluster; i++) {
    for (const c of centres) points.push(c.map((x) => x + random() - 0.5));
  }
  return points;
}

/** The three well separated centres of the synthetic data sets. */
export const CENTRES = [
  [0, 0, 0],
  [10, 0, 0],
  [0, 10, 10],
];
