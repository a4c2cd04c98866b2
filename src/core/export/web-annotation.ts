/**
 * Builds the JSON export: our flat annotations as W3C Web Annotations in one AnnotationCollection.
 * `jsonChunks` yields the same document as `toAnnotationCollection` in pieces, so that the caller
 * can hand them to a Blob and yield to the event loop between pieces on a 100,000-item export.
 */
import type { Annotation, PageMeta } from '../model';
import {
  EXPORT_CONTEXT,
  exportLabel,
  FORMAT_NAME,
  FORMAT_VERSION,
  PAGE_FIELDS,
  type AnnotationCollectionJson,
  type AnnotationExtensionJson,
  type CollectionExtensionJson,
  type ExportMeta,
  type Motivation,
  type PageJson,
  type TextualBodyJson,
  type WebAnnotationJson,
} from './format';
import { toIso } from './iso-time';
import type { ExportWriter } from './writer';
import { IMPORT_NAMESPACE as NS, uuidV5 } from './uuid-v5';

/** One annotation as a W3C Web Annotation; `page` is its page's metadata if known. */
export function toWebAnnotation(a: Annotation, page?: PageMeta): WebAnnotationJson {
  const body: TextualBodyJson[] = [];
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  const motivations: Motivation[] = [a.note ? 'commenting' : 'highlighting'];
  if (a.tags.length > 0) motivations.push('tagging');

  const extension: AnnotationExtensionJson = { color: a.color, kind: a.kind, orphan: a.orphan };
  if (a.speaker) extension.speaker = a.speaker;
  const pageJson = page ? pageFieldsOf(page) : undefined;
  if (pageJson) extension.page = pageJson;

  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    created: toIso(a.created),
    modified: toIso(a.updated),
    motivation: motivations.length === 1 ? motivations[0]! : motivations,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: a.url,
      // Copied field by field: whatever else a stored record carries stays out of the file.
      selector: [
        { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
      ],
    },
    marginalia: extension,
  };
}

function pageFieldsOf(page: PageMeta): PageJson | undefined {
  const out: PageJson = {};
  let any = false;
  for (const key of PAGE_FIELDS) {
    const value = page[key];
    if (value) {
      out[key] = value;
      any = true;
    }
  }
  return any ? out : undefined;
}

/** The whole export as one object: for small exports and for tests. */
export function toAnnotationCollection(
  annotations: readonly Annotation[],
  pages: ReadonlyMap<string, PageMeta>,
  meta: ExportMeta,
): AnnotationCollectionJson {
  const collection = collectionShell(annotations.length, meta);
  collection.first.items = annotations.map((a) => toWebAnnotation(a, pages.get(a.url)));
  return collection;
}

/**
 * The export as a sequence of strings whose concatenation is the JSON document (the same value as
 * `toAnnotationCollection`, one annotation per line). Each chunk holds up to `perChunk` annotations;
 * nothing is concatenated across chunks, so the work is linear in the size of the export.
 */
export function* jsonChunks(
  annotations: readonly Annotation[],
  pages: ReadonlyMap<string, PageMeta>,
  meta: ExportMeta,
  perChunk = 500,
): Generator<string, void, undefined> {
  const writer = jsonWriter(annotations.length, meta, perChunk);
  yield* writer.write(annotations, pages);
  yield* writer.end();
}

/**
 * Writes the JSON export as annotations arrive in batches (an export page receives them from the
 * background a chunk at a time): only `total` must be known first, for the collection's header.
 * The pieces are those of `jsonChunks`, so a file written batch by batch is the same file.
 */
export function jsonWriter(total: number, meta: ExportMeta, perChunk = 500): ExportWriter {
  const shell = JSON.stringify(collectionShell(total, meta), null, 2);
  // `first` is the last key and `items` the last key inside it, so the last empty list is ours.
  const hole = shell.lastIndexOf('"items": []');
  const indent = '\n      ';
  let written = 0;
  return {
    *write(batch, pages) {
      if (batch.length > 0 && written === 0) yield shell.slice(0, hole) + '"items": [';
      for (let start = 0; start < batch.length; start += perChunk) {
        const end = Math.min(start + perChunk, batch.length);
        const lines: string[] = [];
        for (let i = start; i < end; i++) {
          const a = batch[i]!;
          lines.push(indent + JSON.stringify(toWebAnnotation(a, pages.get(a.url))));
        }
        yield (written === 0 ? '' : ',') + lines.join(',');
        written += end - start;
      }
    },
    *end() {
      // The header promised `total` items; a file that says otherwise must not be saved.
      if (written !== total) throw new Error(`The export announced ${total} annotations but received ${written}.`);
      if (total === 0) yield shell + '\n';
      else yield '\n    ]' + shell.slice(hole + '"items": ['.length + 1) + '\n';
    },
  };
}

function collectionShell(total: number, meta: ExportMeta): AnnotationCollectionJson {
  const generated = toIso(meta.generated);
  const { scope } = meta;
  const extension: CollectionExtensionJson = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    appVersion: meta.appVersion,
    scope: scope.kind,
    ...(scope.kind === 'page' ? { page: scope.url } : {}),
    ...(scope.kind === 'search' ? { query: scope.query } : {}),
  };
  // A name-based id: the same export made twice at the same instant gets the same id, and the
  // builder needs no random source.
  const id = uuidV5(`export ${generated} ${scope.kind} ${extension.page ?? extension.query ?? ''} ${total}`, NS);
  return {
    '@context': EXPORT_CONTEXT,
    id: `urn:uuid:${id}`,
    type: 'AnnotationCollection',
    label: exportLabel(meta),
    generated,
    generator: { type: 'Software', name: `Marginalia ${meta.appVersion}` },
    total,
    marginalia: extension,
    first: { id: `urn:uuid:${uuidV5(`${id} page 1`, NS)}`, type: 'AnnotationPage', startIndex: 0, items: [] },
  };
}
