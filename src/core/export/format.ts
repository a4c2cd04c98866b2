/**
 * The JSON export format: a W3C Web Annotation `AnnotationCollection` (JSON-LD) with our own fields
 * under one extension property, `marginalia`. The shapes here are what we write; what we read is
 * wider (any W3C annotation with a TextQuoteSelector, see read-annotation.ts). The JSON Schema in
 * schema/annotation-collection.schema.json describes the same shapes; tests keep the two in step.
 */
import type { AnnotationKind, Color } from '../model';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The IRI that names our extension property. It only has to name, not resolve; the `.invalid`
 * top-level domain is reserved (RFC 2606), so nobody else can ever own it.
 */
export const MARGINALIA_NS = 'https://marginalia.invalid/ns#';

/**
 * The full `@context`. `marginalia` is typed `@json` (JSON-LD 1.1): a JSON-LD processor keeps the
 * whole object as one literal, so its inner keys need no terms of their own and can grow freely.
 */
export const EXPORT_CONTEXT = [
  ANNO_CONTEXT,
  { '@version': 1.1, marginalia: { '@id': `${MARGINALIA_NS}marginalia`, '@type': '@json' } },
] as const;

/** Bumped on any change a reader of version N could misread; import refuses newer versions. */
export const FORMAT_VERSION = 1;
/** Names the format inside `marginalia` on the collection, so a file says what it is. */
export const FORMAT_NAME = 'marginalia-annotations';

/** What an export covers: everything, one page's notes, or the current search results. */
export type ExportScope =
  | { kind: 'all' }
  | { kind: 'page'; url: string; title?: string }
  | { kind: 'search'; query: string };

/** What the collection says about itself; the caller supplies the clock and the app's version. */
export interface ExportMeta {
  /** When the export was made, milliseconds since the epoch. */
  generated: number;
  scope: ExportScope;
  /** The extension's version (the manifest's), recorded as the generator's. */
  appVersion: string;
}

/** A title for the export, used as the collection's label and the Markdown file's heading. */
export function exportLabel({ scope }: ExportMeta): string {
  switch (scope.kind) {
    case 'all':
      return 'Marginalia: all notes';
    case 'page':
      return `Marginalia: notes on ${scope.title || scope.url}`;
    case 'search':
      return `Marginalia: notes matching “${scope.query}”`;
  }
}

export interface TextualBodyJson {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/plain';
}

export interface TextQuoteSelectorJson {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelectorJson {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Page fields, in the order they are written. */
export const PAGE_FIELDS = ['title', 'byline', 'siteName', 'publishedTime', 'lang'] as const;

/** Page metadata from Readability, carried on each item so that every item stands alone. */
export interface PageJson {
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  lang?: string;
}

/** Our fields that the W3C model has no term for. */
export interface AnnotationExtensionJson {
  color: Color;
  kind: AnnotationKind;
  orphan: boolean;
  speaker?: string;
  page?: PageJson;
}

export type Motivation = 'highlighting' | 'commenting' | 'tagging';

export interface WebAnnotationJson {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  motivation: Motivation | Motivation[];
  body?: TextualBodyJson[];
  target: { source: string; selector: [TextQuoteSelectorJson, TextPositionSelectorJson] };
  marginalia: AnnotationExtensionJson;
}

export interface CollectionExtensionJson {
  format: typeof FORMAT_NAME;
  formatVersion: number;
  appVersion: string;
  scope: ExportScope['kind'];
  /** The page exported (scope `page`) or the search (scope `search`). */
  page?: string;
  query?: string;
}

export interface AnnotationCollectionJson {
  '@context': typeof EXPORT_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generated: string;
  generator: { type: 'Software'; name: string };
  total: number;
  marginalia: CollectionExtensionJson;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotationJson[] };
}
