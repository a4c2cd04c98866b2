/**
 * Fast acceptance tests for the fields of field-schemas.ts, for the import's hot loop (100,000
 * annotations checked in the page and again in the background). Each is true only for a value its
 * schema accepts and outputs unchanged; false means "ask the schema", which accepts it or names the
 * problem. So a fast test may refuse more than its schema, never less: the schema stays the one
 * definition of what is valid and of every message. Pure: no extension API.
 */
import { COLORS, KINDS, LIMITS, type Color, type AnnotationKind, type TextPositionSelector, type TextQuoteSelector } from './model';

/** Canonical lower-case UUIDs of versions 1–8: a subset of what z.uuid() accepts. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const isFastId = (value: unknown): value is string => typeof value === 'string' && value.length === 36 && UUID.test(value);

export const isFastColor = (value: unknown): value is Color => (COLORS as readonly unknown[]).includes(value);
export const isFastKind = (value: unknown): value is AnnotationKind => (KINDS as readonly unknown[]).includes(value);

/** A string of at most `max` UTF-16 units, as zod's `.max` counts. */
export const isShortString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

export const isFastNote = (value: unknown): value is string => isShortString(value, LIMITS.note);

const isNatural = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Exactly the keys of a quote selector, each within bounds (zod's strictObject refuses others). */
export function isFastQuote(value: unknown): value is TextQuoteSelector {
  if (typeof value !== 'object' || value === null) return false;
  const q = value as Record<string, unknown>;
  return (
    q.type === 'TextQuoteSelector' &&
    typeof q.exact === 'string' &&
    q.exact.length >= 1 &&
    q.exact.length <= LIMITS.quote &&
    isShortString(q.prefix, LIMITS.context) &&
    isShortString(q.suffix, LIMITS.context) &&
    hasOnlyKeys(q, 4)
  );
}

/** Exactly the keys of a position selector, start not after end. */
export function isFastPosition(value: unknown): value is TextPositionSelector {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return p.type === 'TextPositionSelector' && isNatural(p.start) && isNatural(p.end) && p.start <= p.end && hasOnlyKeys(p, 3);
}

/** An object made by a literal or JSON.parse: not an array, not of any class. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** True when a plain object has exactly `count` own enumerable keys (the caller checked which). */
export function hasOnlyKeys(value: object, count: number): boolean {
  return isPlainObject(value) && Object.keys(value).length === count;
}
