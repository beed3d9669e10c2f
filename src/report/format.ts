/** Number formatting shared by the reports. Null always prints as "n/a". */

/** 0.1234 -> "12.34%". */
export function percent(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return `${(value * 100).toFixed(digits)}%`;
}

/** A fixed-point number, e.g. a distance: 0.123456 -> "0.123". */
export function fixed(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return value.toFixed(digits);
}

/** A confidence interval of proportions: "[10.00%, 20.00%]". */
export function percentInterval(
  interval: readonly [number, number] | null | undefined,
  digits = 2,
): string {
  if (!interval) return 'n/a';
  return `[${percent(interval[0], digits)}, ${percent(interval[1], digits)}]`;
}

/** "3 of 10 (30.00%)". */
export function countOf(count: number, total: number, digits = 2): string {
  return `${count} of ${total} (${percent(total > 0 ? count / total : null, digits)})`;
}
