/**
 * Reading a search's documents by key (src/background/search.ts): the results shown and the
 * candidates checked. IndexedDB costs per request far more than per record: one `get` per key
 * is several times slower than the same documents in one `getAll` over their key range, even
 * with a few unwanted documents in between. The results of a common word or filter lie close
 * together (newest first), so the keys between the wanted ones are listed first (keys only,
 * cheap) and every stretch that holds few unwanted documents is read in one request; the rest
 * key by key. Runs inside the search's read transaction (raw requests on its `search` store).
 */
import Dexie from 'dexie';
import type { SearchDoc } from '@/src/core/search/document';

/** A stretch is read whole when it holds at most this many documents per wanted one. */
export const SPREAD = 3;
/** Fewer wanted keys than this are read key by key, without listing the keys between. */
const FEW = 4;

/** One request: the documents with keys in `[from, to]` (one key when equal). */
export interface DocRead {
  from: number;
  to: number;
}

/** Index of the first element ≥ key in an ascending array. */
function lowerBound(keys: ArrayLike<number>, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  if (wanted.length >= FEW) {
    const cap = SPREAD * wanted.length;
    const range = IDBKeyRange.bound(wanted[0], wanted[wanted.length - 1]);
    const present = (await request(store.getAllKeys(range, cap))) as number[];
    reads = planDocReads(wanted, present, present.length < cap ? Infinity : present[present.length - 1]!);
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
