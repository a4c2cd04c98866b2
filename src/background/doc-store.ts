/**
 * The search documents as stored: packed in blocks of consecutive keys (src/core/search/doc-blocks.ts)
 * in the `docBlocks` table. Every function runs inside the caller's transaction, which must include
 * `docBlocks` (read-write for `writeDocs`). Reads on the search's path are raw IndexedDB requests
 * on the running transaction: one request per block or per run of blocks, issued at once.
 */
import Dexie from 'dexie';
import { blockAt, DOC_BLOCK_MAX, docAt, docsIn, mergeDocBlocks, storedAt, type DocBlock } from '@/src/core/search/doc-blocks';
import { KEY_SLOTS, searchKey, type PagePartsCache, type SearchDoc, type StoredDoc } from '@/src/core/search/document';
import { consecutiveRuns, lowerBound } from '@/src/core/search/postings';
import type { MarginaliaDb } from './db';
import { zonedRequest as request } from './idb-request';

/** Past this many keys, a write or a lookup reads every block instead of the blocks of each key. */
export const READ_ALL_FROM = 512;
/** Fewer wanted keys than this are read block by block, without listing the blocks first. */
const FEW = 4;
/** Documents created this far apart seldom share a block: a reader saves highlights in bursts. */
const APART_MS = 60 * 60 * 1000;

/**
 * Whether the wanted keys (ascending) lie far apart in time: three in four or more of them an
 * hour or more from the one before. A block holds DOC_BLOCK_MAX documents of consecutive keys, so
 * such keys are nearly always in blocks of their own, and listing the blocks first would only
 * cost a round trip (search-100k: a word's results days apart). Keys close in time (one reading
 * session's highlights) often share blocks, which the listing finds.
 */
function apart(wanted: readonly number[]): boolean {
  let close = 0;
  for (let i = 1; i < wanted.length; i++) if ((wanted[i]! - wanted[i - 1]!) / KEY_SLOTS < APART_MS) close++;
  return close * 4 <= wanted.length;
}

const rawStore = (): IDBObjectStore => Dexie.currentTransaction.idbtrans.objectStore('docBlocks');

/** What a read of documents cost: blocks read, the requests that read them, and block keys listed to plan them. */
export interface ReadCost {
  blocks: number;
  requests: number;
  listed: number;
}

/** The block that holds or would hold `key` (the first whose `last` is not smaller), if any. */
const blockOf = (store: IDBObjectStore, key: number): Promise<DocBlock | undefined> =>
  request(store.getAll(IDBKeyRange.lowerBound(key), 1)).then((found) => (found as DocBlock[])[0]);

/**
 * The documents under these keys (any order; duplicates allowed), by key, as stored (`expandDoc`
 * makes one whole); a key without one is left out. The keys of the blocks from the first wanted
 * key to the last are listed first (keys only, up to one per wanted key), then every run of
 * needed blocks is read in one request, the block after the listing among them when wanted keys
 * lie past it; wanted keys past an incomplete listing are read block by block, as are keys far
 * apart in time (`apart`), without a listing. Blocks not needed are never read: in Chromium,
 * reading a block's value costs more than a request (search-100k's database: 50 blocks in one
 * range read took as long as 50 single reads, about 10 ms; listing 100 block keys 1.6 ms, 50
 * about 1 ms). `cost`, when given, counts the blocks and requests.
 */
export async function readDocs(keys: readonly number[], cost?: ReadCost): Promise<Map<number, StoredDoc>> {
  const store = rawStore();
  const wanted = Array.from(new Set(keys)).sort((a, b) => a - b);
  const out = new Map<number, StoredDoc>();
  if (!wanted.length) return out;
  const reads: Promise<DocBlock[]>[] = [];
  let rest = wanted;
  if (wanted.length >= FEW && !apart(wanted)) {
    // As many block keys as wanted keys: enough for every wanted key's block when they share
    // blocks; when each is in a block of its own, the listing stops early.
    const cap = wanted.length;
    const last = wanted[wanted.length - 1]!;
    const lasts = (await request(store.getAllKeys(IDBKeyRange.bound(wanted[0]!, last), cap))) as number[];
    if (cost) {
      cost.requests++;
      cost.listed += lasts.length;
    }
    const needed: number[] = [];
    rest = [];
    for (const key of wanted) {
      const i = lowerBound(lasts, key);
      if (i < lasts.length) needed[needed.length - 1] !== i && needed.push(i);
      else rest.push(key);
    }
    // Every block up to the last wanted key listed: the keys past the listing are all in the next
    // block (number `lasts.length`), which a run may take as its last.
    if (lasts.length < cap && rest.length) {
      needed.push(lasts.length);
      rest = [];
    }
    // Runs of consecutive needed blocks, each one request: a count of records from the run's first.
    for (const [first, end] of consecutiveRuns(needed)) {
      const from = first < lasts.length ? lasts[first]! : last;
      reads.push(request(store.getAll(IDBKeyRange.lowerBound(from), end - first + 1)) as Promise<DocBlock[]>);
    }
  }
  for (const key of rest) reads.push(blockOf(store, key).then((b) => (b ? [b] : [])));
  if (cost) cost.requests += reads.length;
  // Only the wanted documents of each block are parsed.
  const want = new Set(wanted);
  for (const blocks of await Dexie.Promise.all(reads)) {
    if (cost) cost.blocks += blocks.length;
    for (const block of blocks) block.keys.forEach((key, i) => want.has(key) && !out.has(key) && out.set(key, storedAt(block, i)));
  }
  return out;
}

/** The newest documents as stored, up to `count`, newest first. */
export async function newestDocs(db: MarginaliaDb, count: number): Promise<StoredDoc[]> {
  const out: StoredDoc[] = [];
  let after: number | undefined;
  // Blocks are at least a few documents full; a second read is rare.
  for (let batch = Math.ceil(count / DOC_BLOCK_MAX) + 1; out.length < count; batch *= 2) {
    const range = after === undefined ? db.docBlocks.toCollection() : db.docBlocks.where(':id').above(after);
    const blocks = await range.limit(batch).toArray();
    for (const block of blocks) for (let i = 0; i < block.keys.length && out.length < count; i++) out.push(storedAt(block, i));
    if (blocks.length < batch) break;
    after = blocks[blocks.length - 1]!.last;
  }
  return out.slice(0, count);
}

/** Every saved block, sorted by `last`. */
export const allBlocks = (db: MarginaliaDb): Promise<DocBlock[]> => db.docBlocks.toArray();

/** The key range of documents created at `created` (every slot). */
const timeRange = (created: number): [number, number] => [searchKey(created, KEY_SLOTS - 1), searchKey(created, 0)];

/**
 * The saved documents of these annotations by id. An annotation's documents lie in its creation
 * time's key range; `before` gives another creation time to look under (the one saved, when an
 * import changes it). Many annotations: every block is read once instead.
 */
export async function docsOf(
  db: MarginaliaDb,
  annotations: readonly { id: string; created: number }[],
  before: ReadonlyMap<string, number> = new Map(),
  blocks?: readonly DocBlock[],
): Promise<Map<string, SearchDoc[]>> {
  const ids = new Set(annotations.map((a) => a.id));
  const out = new Map<string, SearchDoc[]>();
  const cache: PagePartsCache = new Map();
  // Matched by the blocks' ids: only these annotations' documents are parsed.
  const keep = (block: DocBlock) =>
    block.ids.forEach((id, i) => {
      if (!ids.has(id)) return;
      const list = out.get(id);
      const key = block.keys[i]!;
      if (!list) out.set(id, [docAt(block, i, cache)]);
      else if (!list.some((d) => d.key === key)) list.push(docAt(block, i, cache));
    });
  if (blocks || annotations.length >= READ_ALL_FROM) {
    for (const block of blocks ?? (await allBlocks(db))) keep(block);
    return out;
  }
  const times = new Set<number>();
  for (const a of annotations) {
    times.add(a.created);
    const old = before.get(a.id);
    if (old !== undefined) times.add(old);
  }
  const found = await Dexie.Promise.all(
    [...times].map((created) => {
      const [lo, hi] = timeRange(created);
      // The blocks whose `last` lies in the range, and the first one past it.
      return db.docBlocks
        .where(':id')
        .aboveOrEqual(lo)
        .until((b) => b.last > hi, true)
        .toArray();
    }),
  );
  for (const list of found) for (const block of list) keep(block);
  return out;
}

/**
 * The saved blocks that hold or would hold these keys, sorted by `last`: the first block whose
 * `last` is not smaller for each key, and the table's last block when a key lies past every block.
 * With `all` given (every block), taken from it.
 */
export async function blocksFor(db: MarginaliaDb, keys: readonly number[], all?: readonly DocBlock[]): Promise<DocBlock[]> {
  if (!keys.length) return [];
  const blocks = all ?? (keys.length >= READ_ALL_FROM ? await allBlocks(db) : undefined);
  const found = new Map<number, DocBlock>();
  if (blocks) {
    for (const key of keys) {
      const block = blocks[Math.min(blockAt(blocks, key), blocks.length - 1)];
      if (block) found.set(block.last, block);
    }
  } else {
    const store = rawStore();
    const each = await Dexie.Promise.all(keys.map((key) => blockOf(store, key)));
    for (const block of each) if (block) found.set(block.last, block);
    if (each.some((b) => b === undefined)) {
      const last = await db.docBlocks.orderBy(':id').last();
      if (last) found.set(last.last, last);
    }
  }
  return [...found.values()].sort((a, b) => a.last - b.last);
}

/** The blocks to write and drop after putting `put` and deleting the documents under `remove`. */
export async function planDocWrites(
  db: MarginaliaDb,
  put: readonly StoredDoc[],
  remove: readonly number[],
  all?: readonly DocBlock[],
): Promise<{ put: DocBlock[]; drop: number[] }> {
  if (!put.length && !remove.length) return { put: [], drop: [] };
  const blocks = await blocksFor(db, [...put.map((d) => d.key), ...remove], all);
  return mergeDocBlocks(blocks, put, remove);
}

/** Puts these documents (replacing any under the same keys) and deletes those under `remove`. */
export async function writeDocs(db: MarginaliaDb, put: readonly StoredDoc[], remove: readonly number[] = []): Promise<void> {
  const writes = await planDocWrites(db, put, remove);
  if (writes.drop.length) await db.docBlocks.bulkDelete(writes.drop);
  if (writes.put.length) await db.docBlocks.bulkPut(writes.put);
}

/** Every saved document, newest first: for tests, checks and whole-table reads. */
export async function allDocs(db: MarginaliaDb): Promise<SearchDoc[]> {
  const cache: PagePartsCache = new Map();
  return (await allBlocks(db)).flatMap((block) => docsIn(block, cache));
}
