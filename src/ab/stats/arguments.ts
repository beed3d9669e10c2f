import { UsageError } from '../../errors.js';

/** Throws unless `value` lies strictly between 0 and 1 (a level, alpha, power or rate). */
export function checkOpenUnit(name: string, value: number, example: string): void {
  if (!(value > 0 && value < 1)) {
    throw new UsageError(
      `${name} must be between 0 and 1 (exclusive), got ${value}; use e.g. ${example}.`,
    );
  }
}

/** Throws unless `value` is a non-negative whole number (a count). */
export function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new UsageError(`${name} must be a whole number (0 or more), got ${value}.`);
  }
}

/** Throws unless `value` is a finite number above 0 (a prior strength, a number of resamples). */
export function checkPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new UsageError(`${name} must be a number above 0, got ${value}.`);
  }
}
