// guards: type guards for data read back from files written by others (cache
// entries, the ledger, snapshots): every such file is treated as a stranger's.

import type { Diagnostic } from './types.js';

/** Whether `value` is a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is an array whose items all pass `item`. */
export function isArrayOf<T>(value: unknown, item: (x: unknown) => x is T): value is T[] {
  return Array.isArray(value) && value.every(item);
}

export const isString = (value: unknown): value is string => typeof value === 'string';
export const isDiagnostic = (value: unknown): value is Diagnostic =>
  isRecord(value) &&
  isString(value.file) &&
  isRecord(value.place) &&
  isInteger(value.place.line) &&
  isInteger(value.place.column) &&
  Object.keys(value.place).length === 2 &&
  isString(value.message) &&
  isString(value.ruleId) &&
  (value.severity === 'error' || value.severity === 'warning');
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
export const isInteger = (value: unknown): value is number => Number.isInteger(value);
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

