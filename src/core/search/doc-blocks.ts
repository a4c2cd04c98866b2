/**
 * Search documents in blocks: consecutive documents (by key, so newest first) packed into one
 * record of at most DOC_BLOCK_MAX, keyed by its largest key, as posting lists are
 * (postings.ts). IndexedDB's cost is per record far more than per byte: in Chromium, writing
 * 100,000 one-kilobyte documents in one transaction took about 16 s of the browser's CPU, the same
 * documents in 3,125 blocks about 2 s. Each document is kept as the JSON text of what it is built
 * from (`StoredDoc`: what a result shows; its words and facets are derived again on reading, by
 * `docAt`, where a search scores a document or an edit compares its words), in UTF-8, the
 * block's documents one after another in one byte array: IndexedDB copies bytes whole where it
 * rebuilds an object field by field, so a search that reads a block for one of its documents pays
 * little for the others and decodes only the one it wants; and a JavaScript string with one
 * character past Latin-1 (a curly quote, an accent), as news text nearly always has, is stored at
 * two bytes a character: UTF-8 halves what a write stores and a read copies. Pure: finding and
 * editing blocks, no database (src/background/doc-store.ts stores them).
 */
import { expandDoc, type PagePartsCache, type SearchDoc, type StoredDoc } from './document';

/**
 * A block is split when it grows past this many documents. Small, because a search reads a whole
 * block for each result it shows, and results of a rare word lie one to a block: 8 documents of
 * about 500 bytes. (With 32, search-100k's document reads took three times as long.)
 */
export const DOC_BLOCK_MAX = 8;

export interface DocBlock {
  /** The largest of `keys`: the record's key. */
  last: number;
  /** The documents' keys, ascending and distinct; every key ≤ `last` and > the previous block's `last`. */
  keys: number[];
  /** `ids[i]`: the annotation id of document `keys[i]`, to find an annotation's documents without parsing. */
  ids: string[];
  /** The documents' JSON in UTF-8, in key order: document `keys[i]` ends at byte `ends[i]`, and starts where the one before ends. */
  text: Uint8Array;
  ends: number[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The UTF-8 of document `i` of a block (a view, not a copy). */
const bytesAt = (block: DocBlock, i: number): Uint8Array => block.text.subarray(i ? block.ends[i - 1]! : 0, block.ends[i]!);

/** Document `i` of a block, its JSON parsed and not checked: for upgrades, which read older forms. */
export const jsonAt = (block: DocBlock, i: number): unknown => JSON.parse(decoder.decode(bytesAt(block, i)));

/** What a block holds for each document, as JSON (`StoredDoc` less the key and id, which the block lists). */
type StoredJson = Pick<StoredDoc, 'view' | 'named'>;

/** Document `i` of a block as stored: what a result shows, without the words (see `docAt`). */
export function storedAt(block: DocBlock, i: number): StoredDoc {
  const { view, named } = jsonAt(block, i) as StoredJson;
  return { key: block.keys[i]!, id: block.ids[i]!, view, named };
}

/** Document `i` of a block, whole (see `expandDoc` for `cache`). */
export const docAt = (block: DocBlock, i: number, cache?: PagePartsCache): SearchDoc => expandDoc(storedAt(block, i), cache);

/** Every document of a block, whole, in key order. */
export const docsIn = (block: DocBlock, cache?: PagePartsCache): SearchDoc[] => block.keys.map((_, i) => docAt(block, i, cache));

/** A document as a block stores it. */
interface Entry {
  key: number;
  id: string;
  bytes: Uint8Array;
}

const entryOf = (doc: StoredDoc): Entry => {
  const json: StoredJson = { view: doc.view, named: doc.named };
  return { key: doc.key, id: doc.id, bytes: encoder.encode(JSON.stringify(json)) };
};

function blockOf(entries: Entry[]): DocBlock {
  entries.sort((a, b) => a.key - b.key);
  const text = new Uint8Array(entries.reduce((n, e) => n + e.bytes.length, 0));
  const ends: number[] = [];
  let at = 0;
  for (const e of entries) {
    text.set(e.bytes, at);
    ends.push((at += e.bytes.length));
  }
  return { last: entries[entries.length - 1]!.key, keys: entries.map((e) => e.key), ids: entries.map((e) => e.id), text, ends };
}

/** A block as version 8 stored it: each document's JSON as a string. */
export interface V8DocBlock {
  last: number;
  keys: number[];
  ids: string[];
  docs: string[];
}

/** A version 8 block in version 9's form: the same whole documents, their JSON in UTF-8 (`upgradeToV10` then stores their views). */
export const fromV8Block = (block: V8DocBlock): DocBlock =>
  blockOf(block.keys.map((key, i) => ({ key, id: block.ids[i]!, bytes: encoder.encode(block.docs[i]!) })));

function cut(entries: Entry[], size: number): DocBlock[] {
  entries.sort((a, b) => a.key - b.key);
  const out: DocBlock[] = [];
  for (let i = 0; i < entries.length; i += size) out.push(blockOf(entries.slice(i, i + size)));
  return out;
}

/** Documents (any order, distinct keys) cut into blocks of `size`, for building a table from scratch. */
export function packDocs(docs: readonly StoredDoc[], size = DOC_BLOCK_MAX): DocBlock[] {
  return cut(docs.map(entryOf), size);
}

/** Index of the first block whose `last` is ≥ key, in blocks sorted by `last` (document, posting or id blocks); blocks.length past every block. */
export function blockAt<K extends number | string>(blocks: readonly { last: K }[], key: K): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.last < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The blocks after putting `put` (documents, replacing any under the same key) and deleting the
 * documents under `remove`, given the saved blocks that hold or would hold those keys (sorted by
 * `last`, and the table's last block among them whenever a key lies past every block). A key goes
 * to the first block whose `last` is not smaller, past every block to the last one, as in
 * postings.ts. A block outgrown by a few is cut into half-full blocks so that later single inserts
 * fit; by many (an import), into full ones. Returns the blocks to write and the `last`s of saved
 * records to delete.
 */
export function mergeDocBlocks(
  blocks: readonly DocBlock[],
  put: readonly StoredDoc[],
  remove: Iterable<number>,
  max = DOC_BLOCK_MAX,
): { put: DocBlock[]; drop: number[] } {
  if (blocks.length === 0) {
    const gone = new Set(remove);
    const byKey = new Map<number, Entry>();
    for (const doc of put) if (!gone.has(doc.key)) byKey.set(doc.key, entryOf(doc));
    return { put: cut([...byKey.values()], max), drop: [] };
  }
  const touched = new Map<number, Map<number, Entry | null>>();
  const change = (key: number, entry: Entry | null) => {
    const i = Math.min(blockAt(blocks, key), blocks.length - 1);
    let edits = touched.get(i);
    if (!edits) touched.set(i, (edits = new Map()));
    edits.set(key, entry);
  };
  for (const key of remove) change(key, null);
  for (const doc of put) change(doc.key, entryOf(doc));
  const out: DocBlock[] = [];
  const drop: number[] = [];
  for (const [i, edits] of touched) {
    const block = blocks[i]!;
    const byKey = new Map<number, Entry>(block.keys.map((key, j) => [key, { key, id: block.ids[j]!, bytes: bytesAt(block, j) }]));
    for (const [key, entry] of edits) {
      if (entry) byKey.set(key, entry);
      else byKey.delete(key);
    }
    const entries = [...byKey.values()];
    const next = entries.length > 2 * max ? cut(entries, max) : entries.length > max ? cut(entries, Math.max(1, max >> 1)) : entries.length ? [blockOf(entries)] : [];
    if (!next.some((b) => b.last === block.last)) drop.push(block.last);
    out.push(...next);
  }
  return { put: out, drop };
}
