import type { Interval } from './interval.js';

/**
 * Wilson score interval for a proportion x / n at normal quantile z (1.96 for 95%):
 * (x + z^2/2 -+ z sqrt(x (n - x) / n + z^2 / 4)) / (n + z^2). With n = 0 it is [0, 1].
 */
export function wilsonInterval(x: number, n: number, z: number): Interval {
  if (n === 0) return [0, 1];
  const zz = z * z;
  const centre = (x + zz / 2) / (n + zz);
  const half = (z * Math.sqrt((x * (n - x)) / n + zz / 4)) / (n + zz);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
