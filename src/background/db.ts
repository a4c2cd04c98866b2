/**
 * The extension's IndexedDB, opened only in the background: a database opened anywhere else would
 * live in a web page's origin (see DESIGN.md). The schema history is append-only — a change is a new
 * `db.version(n)` with an upgrade function, never an edit of an old one, because users' databases
 * are still at every version ever shipped.
 */
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { PageMeta } from '@/src/core/model';
import type { IdBlock } from '@/src/core/store/id-blocks';
import type { PageAnnotations } from '@/src/core/store/page-records';
import type { DocBlock } from '@/src/core/search/doc-blocks';
import type { PostingBlock } from '@/src/core/search/postings';
import { upgradeToV4, upgradeToV6 } from './migrate-postings';
import type { TagCount } from './annotation-store';
import { upgradeToV10, upgradeToV2, upgradeToV3, upgradeToV8, upgradeToV9 } from './migrations';

export const DB_NAME = 'marginalia';

/** Version 1, the first schema. Exported so tests can build a v1 database and upgrade it. */
export const SCHEMA_V1 = {
  annotations: 'id, url, created',
  pages: 'url',
} as const;

/**
 * Version 2: indexes for sorting by edit time, filtering by kind and tag, and listing one page's
 * annotations oldest first without a sort in memory; records backfilled by `upgradeToV2`.
 */
export const SCHEMA_V2 = {
  annotations: 'id, url, created, updated, kind, *tags, [url+created]',
  pages: 'url',
} as const;

/**
 * Version 3: the search index, kept in the same transaction as every write and built for older
 * annotations by `upgradeToV3`. `search` holds one document per annotation
 * (src/core/search/document.ts), keyed newest first, with multi-entry indexes of its normalised
 * words (`tokens`) and filter values (`facets`), and `id` to find an annotation's document.
 * `postings` holds, per word or filter value, the document keys in blocks
 * (src/core/search/postings.ts): the same index, packed so that reading a common word's matches
 * takes a few records instead of thousands of index entries.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  search: 'key, id, *tokens, *facets',
  postings: '[term+last]',
} as const;

/**
 * Version 4: the same stores; the posting terms changed (title and site words apart from body
 * words, so that candidates are scored without their documents), rebuilt by `upgradeToV4`.
 */
export const SCHEMA_V4 = SCHEMA_V3;

/**
 * Version 5: `search` loses its multi-entry `tokens` and `facets` indexes. Search reads only the
 * postings (prefixes are key ranges of `[term+last]`), and those two indexes cost some 40 index
 * entries per document on every write: most of the time of a large import. The documents keep
 * their `tokens` and `facets` fields (edits diff them to update the postings). No data changes.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  search: 'key, id',
} as const;

/**
 * Version 6: the same stores; a body word's posting blocks also hold where the word stands in each
 * document's body (`pos`, src/core/search/postings.ts), so that a quoted phrase is checked on the
 * postings instead of on candidate documents. `upgradeToV6` builds the postings again.
 */
export const SCHEMA_V6 = SCHEMA_V5;

/**
 * Version 7: `annotations` loses its `url`, `updated` and `kind` indexes. Nothing reads `updated`
 * or `kind` through an index, and `[url+created]` answers every lookup by page; each index entry is
 * a write on every save, and 100,000 of each on a large import. No data changes. (From here on
 * new search documents no longer carry their `tokens`, which nothing read: a quarter of their size.
 * Older documents kept theirs, unread, until version 8 packed them.)
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  annotations: 'id, created, *tags, [url+created]',
} as const;

/**
 * Version 8: the search documents move from `search`, one record each, to `docBlocks`, up to
 * DOC_BLOCK_MAX consecutive documents per record (as JSON text, with their keys and ids) keyed by
 * the largest key (src/core/search/doc-blocks.ts), and `search` goes with its `id` index.
 * IndexedDB costs per record: 100,000 documents took some 16 s of the browser's CPU to write on
 * import, in blocks about 2 s. An annotation's documents are found in its creation time's key
 * range instead of by `id`. `upgradeToV8` packs the saved documents.
 */
export const SCHEMA_V8 = {
  ...SCHEMA_V7,
  search: null,
  docBlocks: 'last',
} as const;

/**
 * Version 9: annotations move from `annotations`, one record each with four indexes, to
 * `pageAnnotations`, one record per page holding its annotations oldest first
 * (src/core/store/page-records.ts); `idBlocks` says which page each id is on, in blocks of ids
 * (src/core/store/id-blocks.ts), and `tagCounts` holds each tag's number of uses, which the `tags`
 * index answered before. IndexedDB costs per record and per index entry: importing 100,000
 * annotations wrote 100,000 records and some 260,000 index entries, 35–39 s of the browser's CPU
 * outside the extension (import-100k's applyCpuOtherS; 7–9 s since). `upgradeToV9` moves the saved annotations; Dexie deletes `annotations` after it. The same
 * version stores each `docBlocks` record's documents as UTF-8 bytes instead of JSON strings
 * (src/core/search/doc-blocks.ts), which the upgrade re-encodes: the same stores and keys.
 */
export const SCHEMA_V9 = {
  ...SCHEMA_V8,
  annotations: null,
  pageAnnotations: 'url',
  idBlocks: 'last',
  tagCounts: 'tag',
} as const;

/**
 * Version 10: each `docBlocks` record stores what its documents are built from (the result's view,
 * and whether its site is the page's site name) instead of whole documents; their words and
 * facets are derived on reading (src/core/search/doc-blocks.ts). Blocks are half the bytes, for
 * IndexedDB to copy on every import and every search (import-100k: 15.7–17.2 s instead of 19.6–21.0 s).
 * `upgradeToV10` rewrites the blocks: the same stores and keys.
 */
export const SCHEMA_V10 = SCHEMA_V9;

/** The newest version; tests compare against it. */
export const DB_VERSION = 10;

export type MarginaliaDb = Dexie & {
  pageAnnotations: EntityTable<PageAnnotations, 'url'>;
  idBlocks: EntityTable<IdBlock, 'last'>;
  tagCounts: EntityTable<TagCount, 'tag'>;
  pages: EntityTable<PageMeta, 'url'>;
  docBlocks: EntityTable<DocBlock, 'last'>;
  postings: Table<PostingBlock, [string, number]>;
};

/**
 * The database with its whole version history declared. Dexie opens it on first use, upgrading
 * an older database in place. `name` and `options` let tests use fresh databases.
 */
export function openDatabase(name: string = DB_NAME, options?: DexieOptions): MarginaliaDb {
  const db = new Dexie(name, options) as MarginaliaDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
  db.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
  db.version(5).stores(SCHEMA_V5);
  db.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
  db.version(7).stores(SCHEMA_V7);
  db.version(8).stores(SCHEMA_V8).upgrade(upgradeToV8);
  db.version(9).stores(SCHEMA_V9).upgrade(upgradeToV9);
  db.version(10).stores(SCHEMA_V10).upgrade(upgradeToV10);
  return db;
}
