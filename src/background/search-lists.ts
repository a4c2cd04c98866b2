/**
 * Reading posting lists for a search (src/background/search.ts), newest keys first and only as far
 * as needed: one query term (a word's prefix, a phrase word, a filter) is a range of posting terms,
 * read first in one request; a range too long for that is split into its terms, each read in
 * growing windows of blocks. Runs inside the search's read transaction (raw IndexedDB requests
 * on its `postings` store).
 */
import Dexie from 'dexie';
import { META, type PostingBlock } from '@/src/core/search/postings';
import type { SearchClock } from './search-clock';

/** One posting term's keys read so far. */
export interface PostingList {
  term: string;
  /** Every key of the term up to this one (inclusive) has been read; Infinity once all have. */
  bound: number;
}

/** A query term as postings answer it: every key read so far with its best weight, and how far that is exact. */
export interface TermKeys {
  /** Key → 2 if one of the term's words is in the body, 1 if only in the title or site (filters: 2). */
  weights: Map<number, number>;
  lists: PostingList[];
  /** False when the range stands for too many terms to read them one by one: only documents can tell. */
  posted: boolean;
}

/** The planner's thresholds; tests shrink them to drive every path with little data. */
export interface ListTuning {
  /** Blocks read at once for a whole term range; a range with more is read term by term. */
  rangeBlocks: number;
  /** Most posting terms a range may stand for and still be read term by term. */
  maxTerms: number;
  /** Blocks per term in the first window; each later window is `growth` times larger, and past `lastWindow` all the rest. */
  firstWindow: number;
  growth: number;
  lastWindow: number;
}

/** The weight of a posting term: a body word or filter 2, a title or site word 1. */
export const weightOf = (term: string): number => (term.endsWith(META) ? 1 : 2);

/** The range `[from, to]` of posting terms, as keys of the postings table. */
const rangeOf = (from: string, to: string) => IDBKeyRange.bound([from, -Infinity], [to, Infinity]);

function addBlocks(keys: TermKeys, blocks: readonly PostingBlock[]): void {
  for (const block of blocks) {
    const weight = weightOf(block.term);
    for (const key of block.keys) {
      if ((keys.weights.get(key) ?? 0) < weight) keys.weights.set(key, weight);
    }
  }
}

/** Raw IndexedDB: Dexie's collections cannot hop from one key to the next distinct term. */
const store = (): IDBObjectStore => Dexie.currentTransaction.idbtrans.objectStore('postings');

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** The distinct posting terms in `[from, to]` after `after`, or null when more than `max`. */
function termsIn(from: string, to: string, after: string | undefined, max: number): Promise<string[] | null> {
  // Nothing lies after the range's last term (and IndexedDB refuses an empty open range).
  if (after !== undefined && after >= to) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const found: string[] = [];
    const range = after === undefined ? rangeOf(from, to) : IDBKeyRange.bound([after, Infinity], [to, Infinity], true);
    const cursor = store().openKeyCursor(range);
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return resolve(found);
      if (found.length === max) return resolve(null);
      const term = (c.key as [string, number])[0];
      found.push(term);
      // Past every block of this term, in one seek.
      c.continue([term, Infinity]);
    };
    cursor.onerror = () => reject(cursor.error);
  });
}

/**
 * First read of a query term standing for the posting terms in `[from, to]`: the whole range in
 * one request when it is short, else the terms it holds, of which those read whole are complete.
 */
export async function openTerm(from: string, to: string, tuning: ListTuning, clock: SearchClock): Promise<TermKeys> {
  const keys: TermKeys = { weights: new Map(), lists: [], posted: true };
  const blocks = await request(store().getAll(rangeOf(from, to), tuning.rangeBlocks) as IDBRequest<PostingBlock[]>);
  clock.count('blocks', blocks.length);
  addBlocks(keys, blocks);
  const seen = [...new Set(blocks.map((b) => b.term))];
  if (blocks.length < tuning.rangeBlocks) {
    keys.lists = seen.map((term) => ({ term, bound: Infinity }));
    return keys;
  }
  // The last term read may go on; the terms after it are not read yet.
  const last = seen.pop()!;
  const rest = await termsIn(from, to, last, Math.max(0, tuning.maxTerms - seen.length));
  if (rest === null) return { weights: new Map(), lists: [], posted: false };
  keys.lists = [
    ...seen.map((term) => ({ term, bound: Infinity })),
    { term: last, bound: blocks[blocks.length - 1]!.last },
    ...rest.map((term) => ({ term, bound: -Infinity })),
  ];
  return keys;
}

/** Every key up to this one has been read in every list of the term. */
export const termBound = (keys: TermKeys): number => Math.min(...keys.lists.map((l) => l.bound));

/** Reads the next `window` blocks (all with Infinity) of every list of the term not read whole. */
export async function readMore(keys: TermKeys, window: number, clock: SearchClock): Promise<void> {
  await Promise.all(
    keys.lists
      .filter((list) => list.bound !== Infinity)
      .map(async (list) => {
        const range = IDBKeyRange.bound([list.term, list.bound], [list.term, Infinity], true);
        const blocks = await request(store().getAll(range, window === Infinity ? undefined : window) as IDBRequest<PostingBlock[]>);
        clock.count('blocks', blocks.length);
        addBlocks(keys, blocks);
        list.bound = blocks.length < window ? Infinity : blocks[blocks.length - 1]!.last;
      }),
  );
}
