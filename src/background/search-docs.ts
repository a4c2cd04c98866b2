/**
 * Reading a search's documents by key (src/background/search.ts): the results shown and the
 * candidates checked. IndexedDB costs per request far more than per record: one `get` per key
 * is several times slower than the same documents in one `getAll` over their key range, even
 * with a few unwanted documents in between. The results of a common word or filter lie close
 * together (newest first), so the keys between the wanted ones are listed first (keys only,
 * cheap) and every stretch that holds few unwanted documents is read in one request; the rest
 * key by key. Keys spread far apart (a rare word's results) are read key by key at once. Runs inside the search's read transaction (raw requests on its `search` store).
 */
import Dexie from 'dexie';
import type { SearchDoc } from '@/src/core/search/document';
import { lowerBound } from '@/src/core/search/postings';

/** A stretch is read whole when it holds at most this many documents per wanted one. */
export const SPREAD = 2;
/** Fewer wanted keys than this are read key by key, without listing the keys between. */
const FEW = 4;

/** One request: the documents with keys in `[from, to]` (one key when equal). */
export interface DocRead {
  from: number;
  to: number;
}

/**
 * The requests that read `wanted` (ascending, distinct), given the store's keys from the first
 * wanted one on (`present`, ascending), complete up to `known` (beyond it, what lies between is not
 * known). Each stretch of wanted keys whose range holds at most SPREAD documents per wanted key
 * is one range; the others are single keys. Pure, for tests.
 */
export function planDocReads(wanted: readonly number[], present: readonly number[], known: number): DocRead[] {
  const reads: DocRead[] = [];
  const at = wanted.map((key) => (key <= known ? lowerBound(present, key) : -1));
  for (let i = 0; i < wanted.length; ) {
    let end = i;
    if (at[i]! >= 0) {
      for (let j = i + 1; j < wanted.length && at[j]! >= 0; j++) {
        if (at[j]! - at[i]! + 1 <= SPREAD * (j - i + 1)) end = j;
      }
    }
    reads.push({ from: wanted[i]!, to: wanted[end]! });
    i = end + 1;
  }
  return reads;
}

/**
 * Documents per unit of key seen by the last listing of keys. Keys are creation times, so this is
 * how densely the reader saved highlights around then: when the wanted keys span far more
 * documents than a listing may take, they are read key by key without listing. Only a guess
 * that saves a request (a wrong one costs one); it never changes what is read.
 */
const density = { perKey: 0 };

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** The documents under these keys (any order; duplicates allowed), by key; a key without one is left out. */
export async function readDocs(keys: readonly number[]): Promise<Map<number, SearchDoc>> {
  const store = Dexie.currentTransaction.idbtrans.objectStore('search');
  const wanted = Array.from(new Set(keys)).sort((a, b) => a - b);
  const out = new Map<number, SearchDoc>();
  if (!wanted.length) return out;
  let reads: DocRead[] = wanted.map((key) => ({ from: key, to: key }));
  const first = wanted[0]!;
  const last = wanted[wanted.length - 1]!;
  const cap = SPREAD * wanted.length;
  if (wanted.length >= FEW && !(density.perKey * (last - first + 1) > 2 * cap)) {
    const present = (await request(store.getAllKeys(IDBKeyRange.bound(first, last), cap))) as number[];
    const known = present.length < cap ? Infinity : present[present.length - 1]!;
    density.perKey = present.length / ((known === Infinity ? last : known) - first + 1);
    reads = planDocReads(wanted, present, known);
  }
  const want = new Set(wanted);
  const batches = await Promise.all(
    reads.map(async ({ from, to }) => {
      if (from === to) {
        const doc = (await request(store.get(from))) as SearchDoc | undefined;
        return doc ? [doc] : [];
      }
      return (await request(store.getAll(IDBKeyRange.bound(from, to)))) as SearchDoc[];
    }),
  );
  for (const docs of batches) for (const doc of docs) if (want.has(doc.key)) out.set(doc.key, doc);
  return out;
}
