/**
 * Upgrade functions between schema versions. Each one reads records as they were stored by the
 * older code, so it checks every field instead of trusting today's types.
 */
import type { Transaction } from 'dexie';
import { isFastColor, isFastKind } from '@/src/core/field-fast';
import { COLORS, type Annotation, type PageMeta } from '@/src/core/model';
import { buildSearchDoc, expandDoc, KEY_SLOTS, preferredSlot, searchKey, type SearchDoc, type StoredDoc } from '@/src/core/search/document';
import { DOC_BLOCK_MAX, fromV8Block, jsonAt, packDocs, type DocBlock, type V8DocBlock } from '@/src/core/search/doc-blocks';
import { blocksOf, docTerms, type PostingBlock } from '@/src/core/search/postings';
import type { IdBlock } from '@/src/core/store/id-blocks';
import { packAnnotations } from '@/src/core/store/pack';
import type { PageAnnotations } from '@/src/core/store/page-records';
import { normalizeTags } from '@/src/core/tags';
import { siteOf } from '@/src/core/url';
import type { TagCount } from './annotation-store';

/** An annotation as version 1 stored it: no kind, no orphan flag, tags and `updated` optional. */
export interface V1Annotation {
  id: string;
  url: string;
  color: string;
  note?: string;
  tags?: string[];
  quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  position: { type: 'TextPositionSelector'; start: number; end: number };
  created: number;
  updated?: number;
}


/** Fills in, in place, the fields a v1 record may lack; v1 used the same colour names. */
export function backfillV2(record: Record<string, unknown>): void {
  if (!isFastKind(record.kind)) record.kind = 'highlight';
  if (typeof record.orphan !== 'boolean') record.orphan = false;
  const tags = Array.isArray(record.tags) ? record.tags.filter((t): t is string => typeof t === 'string') : [];
  record.tags = normalizeTags(tags);
  if (typeof record.note !== 'string') record.note = '';
  if (!isFastColor(record.color)) record.color = COLORS[0];
  if (typeof record.created !== 'number') record.created = 0;
  if (typeof record.updated !== 'number') record.updated = record.created;
}

/** Version 1 → 2: backfill every annotation; runs inside Dexie's upgrade transaction. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<Record<string, unknown>, string>('annotations')
    .toCollection()
    .modify((record) => backfillV2(record));
}

/** Annotations read per step while building the index, so memory stays flat at any size. */
const UPGRADE_CHUNK = 1000;

/**
 * Version 2 → 3: builds the search document of every annotation. Records come from the v2 code
 * (already backfilled by `upgradeToV2` when upgrading from v1), read in key order chunk by chunk;
 * a record too damaged to index is left out of the index, never dropped from the data.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const annotations = tx.table<Record<string, unknown>, string>('annotations');
  const pages = tx.table<PageMeta, string>('pages');
  const search = tx.table<SearchDoc, number>('search');
  const postings = tx.table<PostingBlock, [string, number]>('postings');
  // Every term's keys, gathered over all chunks and written as blocks at the end.
  const byTerm = new Map<string, number[]>();
  // The index starts empty here, so the keys handed out so far are all the keys there are.
  const taken = new Set<number>();
  const keyFor = (a: Annotation): number => {
    for (let i = 0; i < KEY_SLOTS; i++) {
      const key = searchKey(a.created, (preferredSlot(a.id) + i) % KEY_SLOTS);
      if (!taken.has(key)) return taken.add(key), key;
    }
    throw new Error(`No free search key for annotations created at ${a.created}.`);
  };
  let last: string | undefined;
  for (;;) {
    const range = last === undefined ? annotations.toCollection() : annotations.where(':id').above(last);
    const chunk = await range.limit(UPGRADE_CHUNK).toArray();
    const lastRecord = chunk.at(-1);
    if (!lastRecord) break;
    last = String(lastRecord.id);
    const indexable = chunk.filter(isIndexable);
    const urls = [...new Set(indexable.map((a) => a.url))];
    const found = await pages.bulkGet(urls);
    const byUrl = new Map(urls.map((url, i) => [url, found[i]]));
    const docs = indexable.map((a) => buildSearchDoc(a, byUrl.get(a.url), keyFor(a)));
    await search.bulkPut(docs);
    for (const doc of docs) {
      for (const term of docTerms(doc)) {
        const keys = byTerm.get(term);
        if (keys) keys.push(doc.key);
        else byTerm.set(term, [doc.key]);
      }
    }
    if (chunk.length < UPGRADE_CHUNK) break;
  }
  let blocks: PostingBlock[] = [];
  for (const [term, keys] of byTerm) {
    blocks.push(...blocksOf(term, keys));
    if (blocks.length >= UPGRADE_CHUNK) {
      await postings.bulkPut(blocks);
      blocks = [];
    }
  }
  if (blocks.length) await postings.bulkPut(blocks);
}

/** Whether a stored record has the fields the index reads, with the types it expects. */
function isIndexable(record: Record<string, unknown>): record is Record<string, unknown> & Annotation {
  const quote = record.quote as { exact?: unknown } | undefined;
  return (
    typeof record.id === 'string' &&
    typeof record.url === 'string' &&
    typeof quote?.exact === 'string' &&
    typeof record.note === 'string' &&
    Array.isArray(record.tags) &&
    record.tags.every((t) => typeof t === 'string') &&
    isFastKind(record.kind) &&
    isFastColor(record.color) &&
    typeof record.orphan === 'boolean' &&
    typeof record.created === 'number'
  );
}

/**
 * Version 7 → 8: the search documents, one record each in `search`, packed into `docBlocks`
 * (src/core/search/doc-blocks.ts), read in key order a chunk at a time. Dexie deletes `search`
 * after this runs.
 */
export async function upgradeToV8(tx: Transaction): Promise<void> {
  const search = tx.table<WholeDoc, number>('search');
  const blocks = tx.table<DocBlock, number>('docBlocks');
  let last: number | undefined;
  for (;;) {
    const range = last === undefined ? search.toCollection() : search.where(':id').above(last);
    // A multiple of the block size, so that every block but the table's last is full.
    const chunk = await range.limit(DOC_BLOCK_MAX * 64).toArray();
    if (!chunk.length) break;
    await blocks.bulkPut(packDocs(chunk.map(storedOfWhole)));
    last = chunk[chunk.length - 1]!.key;
  }
}

/**
 * Version 8 → 9: the search documents' blocks hold their JSON in UTF-8 instead of strings; and
 * the annotations, one record each in `annotations`, move to one record per page in
 * `pageAnnotations` (oldest first), with the blocks of which page each id is on (`idBlocks`) and
 * each tag's number of uses (`tagCounts`). Every record moves, a damaged one too, mended only
 * where the stores key and count on it (no URL: the page ''; tags not a list of strings: the
 * strings among them): an upgrade never drops data. Dexie deletes `annotations` after
 * this runs.
 */
export async function upgradeToV9(tx: Transaction): Promise<void> {
  const annotations = tx.table<Record<string, unknown>, string>('annotations');
  const all: Annotation[] = [];
  let last: string | undefined;
  for (;;) {
    const range = last === undefined ? annotations.toCollection() : annotations.where(':id').above(last);
    const chunk = await range.limit(UPGRADE_CHUNK).toArray();
    if (!chunk.length) break;
    last = String(chunk[chunk.length - 1]!.id);
    for (const record of chunk) {
      // Only what the stores key and count on is mended; the rest stays as it was stored.
      const tags = Array.isArray(record.tags) ? record.tags.filter((t): t is string => typeof t === 'string') : [];
      const fixed = { ...record, url: typeof record.url === 'string' ? record.url : '', created: typeof record.created === 'number' ? record.created : 0 };
      all.push({ ...(fixed as unknown as Annotation), ...(Array.isArray(record.tags) && tags.length === record.tags.length ? {} : { tags }) });
    }
    if (chunk.length < UPGRADE_CHUNK) break;
  }
  const packed = packAnnotations(all);
  const pages = tx.table<PageAnnotations, string>('pageAnnotations');
  for (let i = 0; i < packed.pageAnnotations.length; i += UPGRADE_CHUNK) await pages.bulkPut(packed.pageAnnotations.slice(i, i + UPGRADE_CHUNK));
  await tx.table<IdBlock, string>('idBlocks').bulkPut(packed.idBlocks);
  await tx.table<TagCount, string>('tagCounts').bulkPut(packed.tagCounts);
  // Search documents stored by version 8 (`docs`, strings) take version 9's form (UTF-8 bytes);
  // blocks packed by `upgradeToV8` in this same upgrade are in version 10's form already.
  await tx
    .table<Record<string, unknown>, number>('docBlocks')
    .toCollection()
    .modify((record, ref) => {
      if (Array.isArray(record.docs)) ref.value = fromV8Block(record as unknown as V8DocBlock) as unknown as Record<string, unknown>;
    });
}

/** A search document as versions 3 to 9 stored it: whole, its words and facets with it, and (before version 10) no `named`. */
type WholeDoc = Omit<SearchDoc, 'named'> & { named?: boolean };

/**
 * A whole document as version 10 stores it. Where it does not say whether its site is the page's
 * site name, its words do: a site that is not the host came from the name; an empty one (no host,
 * no name) did not; one that is the host did if the document's title and site words are what they
 * would be with the name.
 */
export function storedOfWhole(doc: WholeDoc): StoredDoc {
  const { key, id, view } = doc;
  const named = doc.named ?? (view.site !== siteOf(view.url) || (view.site !== '' && expandDoc({ key, id, view, named: true }).meta === doc.meta));
  return { key, id, view, named };
}

/**
 * Version 9 → 10: document blocks store each document's view only (`StoredDoc`), its words and
 * facets derived again on reading: the blocks of whole documents are rewritten. Blocks that
 * `upgradeToV8` packed in this same upgrade are in version 10's form already.
 */
export async function upgradeToV10(tx: Transaction): Promise<void> {
  await tx
    .table<DocBlock, number>('docBlocks')
    .toCollection()
    .modify((block, ref) => {
      const docs = block.keys.map((_, i) => jsonAt(block, i) as Partial<WholeDoc>);
      if (!docs.some((d) => typeof d.body === 'string')) return;
      const stored = docs.map((d, i) => (typeof d.body === 'string' ? storedOfWhole(d as WholeDoc) : ({ ...d, key: block.keys[i]!, id: block.ids[i]! } as StoredDoc)));
      ref.value = packDocs(stored, stored.length)[0]!;
    });
}
