/**
 * Runtime schemas for every request payload in `BackgroundRequests`. Messages arrive from content
 * scripts running inside web pages, so nothing in a payload is trusted until it has passed here:
 * unknown keys are refused, every string is bounded, URLs are normalised on the way in.
 */
import { z } from 'zod';
import { LAZY_BUNDLES } from '@/src/messaging/protocol';
import {
  colorField as color,
  idField as id,
  kindField as kind,
  noteField as note,
  pageUrlField as pageUrl,
  positionSelectorSchema as positionSelector,
  quoteSelectorSchema as quoteSelector,
  speakerField,
  tagsField as tags,
} from '@/src/core/field-schemas';
import { LIMITS } from '@/src/core/model';
import type { BackgroundRequestType, RequestOf } from '@/src/messaging/protocol';

// The field schemas live in src/core/field-schemas.ts, shared with the import of exported files.

/** Most ids in one anchoring report; far more than a page ever has annotations. */
export const MAX_REPORT_IDS = 10_000;
/**
 * Page metadata comes from Readability, not from the reader, so it is truncated to
 * LIMITS.pageField when stored rather than refused; this bound only stops absurd payloads.
 */
const MAX_PAGE_FIELD_INPUT = LIMITS.pageField * 10;

const newAnnotation = z.strictObject({
  id,
  url: pageUrl,
  kind,
  color,
  note: note.optional(),
  tags: tags.optional(),
  speaker: speakerField.optional(),
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

/**
 * Longest search input accepted. The parser uses only its first few hundred characters; the
 * bound only stops absurd payloads, and the popup cuts a long paste to it before sending.
 */
export const MAX_SEARCH_INPUT = 20_000;
/** Most results one search may ask for. */
export const MAX_SEARCH_RESULTS = 200;

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
  'bundle.load': z.strictObject({ bundle: z.enum(LAZY_BUNDLES) }),
  'search.query': z.strictObject({
    query: z.string().max(MAX_SEARCH_INPUT, { error: `the query is too long (over ${MAX_SEARCH_INPUT} characters)` }),
    limit: z.int().min(1).max(MAX_SEARCH_RESULTS).optional(),
  }),
  'annotation.open': z.strictObject({ id }),
} satisfies { [K in BackgroundRequestType]: z.ZodType<RequestOf<K>, unknown> };

// Compile-time checks, both ways: what a schema lets through has the protocol's type, and every
// request the protocol allows passes the schema's shape. The second catches a field added to the
// protocol but not here, which `strictObject` would otherwise refuse in every message at run time;
// plain assignability misses optional fields, hence the key-by-key check.
type Schemas = typeof requestSchemas;
type Every<T> = false extends T[keyof T] ? false : true;
/** Keys of any member of a union (a discriminated union's variants), and a key's type across them. */
type KeysOf<S> = S extends unknown ? keyof S : never;
type Member<S, K> = S extends unknown ? (K extends keyof S ? S[K] : never) : never;
/** True when every key of P, at any depth, is also a key of S (P's index signatures aside). */
type KeysCovered<P, S> = P extends readonly unknown[]
  ? true
  : P extends object
    ? string extends keyof P
      ? true
      : [Exclude<keyof P, KeysOf<S>>] extends [never]
        ? Every<{ [Key in keyof P & KeysOf<S>]-?: KeysCovered<NonNullable<P[Key]>, NonNullable<Member<S, Key>>> }>
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
