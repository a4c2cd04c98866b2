/**
 * What the readers of an import file share: the problems found so far (each with its JSON path),
 * counts for the warnings, and the helpers that check a value and record what is wrong with it.
 */
import type { z } from 'zod';
import { cleanText, type CleanCounter } from './clean-text';

export interface ImportProblem {
  /** Where in the file, as a JSON path such as `first.items[3].target.selector[0].exact`. */
  path: string;
  message: string;
}

/** State shared by the reads of one file: the clock, counts for the summary's warnings, problems. */
export interface ReadContext {
  now: number;
  cleaned: CleanCounter;
  /** Items whose quote context was longer than LIMITS.context and was shortened. */
  shortened: number;
  /** Problems of the annotation being read; the caller empties it between annotations. */
  problems: ImportProblem[];
  /** Page URLs already checked, with their normal form: a file has many annotations per page. */
  urls: Map<string, string>;
}

export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `base.key` or `base[3]`. */
export const at = (base: string, key: string | number): string =>
  typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;

/** True when a JSON-LD `type` (one value or a list) includes `name`, with or without the `oa:` prefix. */
export function hasType(value: unknown, name: string): boolean {
  const types = Array.isArray(value) ? value : [value];
  return types.some((t) => t === name || t === `oa:${name}`);
}

export const problem = (ctx: ReadContext, where: string, message: string): void =>
  void ctx.problems.push({ path: where, message });

/** Marks a value that failed its check; its problems are in the context. */
export const INVALID: unique symbol = Symbol('invalid');
export type Checked<T> = T | typeof INVALID;

/** The value as the schema outputs it, or INVALID with each issue recorded under `where`. */
export function check<T>(ctx: ReadContext, schema: z.ZodType<T, unknown>, value: unknown, where: string): Checked<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.reduce<string>((p, k) => at(p, typeof k === 'number' ? k : String(k)), where);
    problem(ctx, path, issue.message);
  }
  return INVALID;
}

/**
 * `check` behind a fast test (src/core/field-fast.ts): a value the test passes is what the schema
 * would output, unchanged; any other goes to the schema, which accepts it or records its problems.
 */
export function checkFast<T>(
  ctx: ReadContext,
  schema: z.ZodType<T, unknown>,
  isFast: (value: unknown) => value is T,
  value: unknown,
  where: string,
): Checked<T> {
  return isFast(value) ? value : check(ctx, schema, value, where);
}

/** Strings are cleaned (see clean-text.ts); anything else is left for the schema to refuse. */
export const text = (ctx: ReadContext, value: unknown): unknown =>
  typeof value === 'string' ? cleanText(value, ctx.cleaned) : value;
