/**
 * Runtime schemas for every request payload in `BackgroundRequests`. Messages arrive from content
 * scripts running inside web pages, so nothing in a payload is trusted until it has passed here:
 * unknown keys are refused, every string is bounded, URLs are normalised on the way in.
 */
import { z } from 'zod';
import { COLORS, KINDS, LIMITS } from '@/src/core/model';
import { normalizeUrl } from '@/src/core/url';
import type { BackgroundRequestType, RequestOf } from '@/src/messaging/protocol';

/** Longest URL accepted; browsers handle more, but no article URL needs it. */
const MAX_URL = 8192;
/** Most ids in one anchoring report; far more than a page ever has annotations. */
export const MAX_REPORT_IDS = 10_000;
/**
 * Page metadata comes from Readability, not from the reader, so it is truncated to
 * LIMITS.pageField when stored rather than refused; this bound only stops absurd payloads.
 */
const MAX_PAGE_FIELD_INPUT = LIMITS.pageField * 10;

const id = z.uuid({ error: 'must be a UUID' });

/** A page URL, replaced by its normalised form; refused if it is not an http(s) or file URL. */
const pageUrl = z
  .string()
  .max(MAX_URL, { error: `must be at most ${MAX_URL} characters` })
  .transform((value, ctx) => {
    const normal = normalizeUrl(value);
    if (normal === null) {
      ctx.addIssue({ code: 'custom', message: 'must be an http(s) or file URL' });
      return z.NEVER;
    }
    return normal;
  });

const color = z.enum(COLORS);
const kind = z.enum(KINDS);

const note = z.string().max(LIMITS.note, { error: `the note is too long (over ${LIMITS.note} characters)` });

const tags = z
  .array(z.string().max(LIMITS.tag, { error: `a tag is too long (over ${LIMITS.tag} characters)` }))
  .max(LIMITS.tags, { error: `too many tags (over ${LIMITS.tags})` });

const quoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z
    .string()
    .min(1, { error: 'the quoted text is empty' })
    .max(LIMITS.quote, { error: `the selection is too long to highlight (over ${LIMITS.quote} characters)` }),
  prefix: z.string().max(LIMITS.context),
  suffix: z.string().max(LIMITS.context),
});

const positionSelector = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.int().min(0),
    end: z.int().min(0),
  })
  .refine((p) => p.start <= p.end, { error: 'start must not be after end', path: ['end'] });

const newAnnotation = z.strictObject({
  id,
  url: pageUrl,
  kind,
  color,
  note: note.optional(),
  tags: tags.optional(),
  speaker: z.string().max(LIMITS.pageField).optional(),
  quote: quoteSelector,
  position: positionSelector,
});

/** Readability gives null for what it did not find; null is accepted here and dropped. */
const pageField = z
  .string()
  .max(MAX_PAGE_FIELD_INPUT)
  .nullish()
  .transform((value) => value ?? undefined);

const pageInput = z.strictObject({
  url: pageUrl,
  title: pageField,
  byline: pageField,
  siteName: pageField,
  publishedTime: pageField,
  lang: pageField,
});

const patch = z.strictObject({
  note: note.optional(),
  tags: tags.optional(),
  color: color.optional(),
});

const idList = z.array(id).max(MAX_REPORT_IDS);

/** One schema per request type; the router looks schemas up here. */
export const requestSchemas = {
  'annotations.forPage': z.strictObject({ url: pageUrl }),
  'annotation.create': z
    .strictObject({ annotation: newAnnotation, page: pageInput.optional() })
    .refine((req) => req.page === undefined || req.page.url === req.annotation.url, {
      error: 'the page must be the annotation’s page',
      path: ['page', 'url'],
    }),
  'annotation.update': z.strictObject({ id, patch }),
  'annotation.delete': z.strictObject({ id }),
  'anchoring.report': z
    .strictObject({ url: pageUrl, orphans: idList, anchored: idList })
    .refine((req) => !req.orphans.some((orphan) => req.anchored.includes(orphan)), {
      error: 'an id cannot be both orphaned and anchored',
      path: ['anchored'],
    }),
  'tags.list': z.strictObject({}),
  'page.get': z.strictObject({ url: pageUrl }),
} satisfies { [K in BackgroundRequestType]: z.ZodType<RequestOf<K>, unknown> };

// Compile-time checks, both ways: what a schema lets through has the protocol's type, and every
// request the protocol allows passes the schema's shape. The second catches a field added to the
// protocol but not here, which `strictObject` would otherwise refuse in every message at run time;
// plain assignability misses optional fields, hence the key-by-key check.
type Schemas = typeof requestSchemas;
type Every<T> = false extends T[keyof T] ? false : true;
/** True when every key of P, at any depth, is also a key of S (P's index signatures aside). */
type KeysCovered<P, S> = P extends readonly unknown[]
  ? true
  : P extends object
    ? string extends keyof P
      ? true
      : [Exclude<keyof P, keyof S>] extends [never]
        ? Every<{ [Key in keyof P & keyof S]-?: KeysCovered<NonNullable<P[Key]>, NonNullable<S[Key]>> }>
        : false
    : true;
type OutputMatches = { [K in BackgroundRequestType]: z.output<Schemas[K]> extends RequestOf<K> ? true : false };
type InputCovers = {
  [K in BackgroundRequestType]: RequestOf<K> extends z.input<Schemas[K]>
    ? KeysCovered<RequestOf<K>, z.input<Schemas[K]>>
    : false;
};
type AllTrue<T extends { [K in BackgroundRequestType]: true }> = T;
export type SchemaChecks = [AllTrue<OutputMatches>, AllTrue<InputCovers>];
