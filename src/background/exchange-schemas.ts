/**
 * Runtime schemas for the messages of the export and import connections (see EXPORT_PORT and
 * IMPORT_PORT in src/messaging/protocol.ts). Only extension pages may open those, but what they
 * send is still checked here before it touches the database: an imported annotation is checked
 * field by field against the same schemas as a file's and a content script's, unknown keys refused.
 */
import { z } from 'zod';
import {
  colorField,
  idField,
  kindField,
  noteField,
  pageUrlField,
  positionSelectorSchema,
  quoteSelectorSchema,
  speakerField,
  tagsField,
} from '@/src/core/field-schemas';
import { LIMITS } from '@/src/core/model';
import { normalizeTags } from '@/src/core/tags';
import { MAX_CHUNK_JSON, type ImportedAnnotation } from '@/src/core/export';
import type { ExportPortRequest, ImportPortRequest } from '@/src/messaging/protocol';
import { MAX_SEARCH_INPUT } from './schemas';

/** Most annotations in one chunk, either way. */
export const MAX_CHUNK_ITEMS = 5_000;
/**
 * Most annotations one import may hold. Far above what a 150 MiB file of our own format holds
 * (about 170,000 highlights); the bound keeps a runaway sender from filling the worker's memory.
 */
export const MAX_IMPORT_ITEMS = 1_000_000;

const pageUrl = pageUrlField;
const exportScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('page'), url: pageUrl }),
  z.strictObject({ kind: z.literal('search'), query: z.string().max(MAX_SEARCH_INPUT) }),
]);

export const exportRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), scope: exportScope, chunkSize: z.int().min(1).max(MAX_CHUNK_ITEMS).optional() }),
  z.strictObject({ type: z.literal('next') }),
]);

/** Milliseconds since the epoch, as a Date can hold them. */
const time = z.int().min(0).max(8.64e15);
const pageField = z.string().min(1).max(LIMITS.pageField).optional();

/** One annotation as the page's parse of a file gives it; the clock is checked by the session. */
export const importedAnnotationSchema = z.strictObject({
  annotation: z
    .strictObject({
      id: idField,
      url: pageUrl,
      kind: kindField,
      color: colorField,
      note: noteField,
      tags: tagsField.transform(normalizeTags),
      quote: quoteSelectorSchema,
      position: positionSelectorSchema,
      speaker: speakerField.min(1).optional(),
      orphan: z.boolean(),
      created: time,
      updated: time,
    })
    .refine((a) => a.created <= a.updated, { error: 'must not be before created', path: ['updated'] }),
  page: z
    .strictObject({ title: pageField, byline: pageField, siteName: pageField, publishedTime: pageField, lang: pageField })
    .optional(),
});

/**
 * Import requests. An `items` chunk is JSON text (see ChunkText in the protocol); the session parses
 * it and checks each annotation with importedAnnotationSchema, to name each problem's place.
 */
export const importRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('begin'), total: z.int().min(0).max(MAX_IMPORT_ITEMS) }),
  z.strictObject({ type: z.literal('items'), data: z.string().max(MAX_CHUNK_JSON, { error: 'the chunk is too large' }) }),
  z.strictObject({ type: z.literal('plan') }),
  z.strictObject({ type: z.literal('apply') }),
  z.strictObject({ type: z.literal('ping') }),
]);

/** An `items` chunk, once parsed: a list of annotations, each then checked on its own. */
export const chunkItemsSchema = z.array(z.unknown()).min(1).max(MAX_CHUNK_ITEMS);

// What the schemas let through has the protocol's types.
type Checks = [
  z.output<typeof exportRequestSchema> extends ExportPortRequest ? true : false,
  z.output<typeof importRequestSchema> extends ImportPortRequest ? true : false,
  z.output<typeof importedAnnotationSchema> extends ImportedAnnotation ? true : false,
];
export type ExchangeSchemaChecks = Checks extends [true, true, true] ? true : never;
const checked: ExchangeSchemaChecks = true;
void checked;
