/**
 * Reading posting lists for a search (src/background/search.ts), newest keys first and only as far
 * as needed: one query term (a word's prefix, a phrase word, a filter) is a range of posting terms,
 * read first in one request; a range too long for that is split into its terms, each read in
 * growing windows of blocks. Runs inside the search's read transaction (raw IndexedDB requests
 * on its `postings` store).
 */
import Dexie from 'dexie';
import { consecutiveRuns, indexInBlock, lowerBound, META, positionOffsets, positionsAt, type PostingBlock } from '@/src/core/search/postings';
import { blockAt } from '@/src/core/search/doc-blocks';
import { WeightedKeys } from '@/src/core/search/weighted-keys';
import { request } from './idb-request';
import type { SearchClock } from './search-clock';

/** One posting term's keys read so far. */
export interface PostingList {
  term: string;
  /** Every key of the term up to this one (inclusive) has been read; Infinity once all have. */
  bound: number;
  /** The `last` of each of the term's blocks not read yet, in order (from a read of the range's keys). */
  ahead: number[];
  /** Blocks read so far. */
  read: number;
}

/** A query term as postings answer it: every key read so far with its best weight, and how far that is exact. */
export interface TermKeys {
  /** Keys read, each 2 if one of the term's words is in the body, 1 if only in the title or site (filters: 2). */
  weights: WeightedKeys;
  /** The term's posting lists in store order (by term). */
  lists: PostingList[];
  /** False when the range stands for too many terms to read them one by one: only documents can tell. */
  posted: boolean;
  /**
   * For a phrase word: the blocks read that hold positions, by `last` ascending; a key's positions
   * are decoded only when asked for (`positionsOf`), since most keys read are never candidates.
   */
  positioned?: PostingBlock[];
}

/** A term left to the documents: no keys read, no lists (see `TermKeys.posted`). */
export const unposted = (): TermKeys => ({ weights: new WeightedKeys(), lists: [], posted: false });

/** Decoding offsets of the blocks whose positions were asked for. */
const offsetsOf = new WeakMap<PostingBlock, Uint32Array>();

/** The positions of `key` in the term's body word, or undefined when not read or not known. */
export function positionsOf(keys: TermKeys, key: number): number[] | undefined {
  const blocks = keys.positioned;
  if (!blocks) return undefined;
  // The first block whose `last` is not smaller holds the key if any does.
  const block = blocks[blockAt(blocks, key)];
  if (!block) return undefined;
  const index = indexInBlock(block, key);
  if (index < 0) return undefined;
  let offsets = offsetsOf.get(block);
  if (!offsets) offsetsOf.set(block, (offsets = positionOffsets(block)));
  return positionsAt(block, index, offsets);
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
  /** Block keys read per request when listing a range's blocks (default KEYS_PAGE). */
  keysPage?: number;
}

/** Block keys read per request when listing a range's blocks. */
const KEYS_PAGE = 1024;
/**
 * Blocks a read may take beyond those it needs when that saves a request: the rest of a list
 * (it is then complete), or the few already read at the start of the next one.
 */
const SPARE = 2;

/** The weight of a posting term: a body word or filter 2, a title or site word 1. */
export const weightOf = (term: string): 1 | 2 => (term.endsWith(META) ? 1 : 2);

/** The range `[from, to]` of posting terms, as keys of the postings table. */
const rangeOf = (from: string, to: string) => IDBKeyRange.bound([from, -Infinity], [to, Infinity]);

function addBlocks(keys: TermKeys, blocks: readonly PostingBlock[]): void {
  for (const block of blocks) {
    keys.weights.add(block.keys, weightOf(block.term));
    if (keys.positioned && block.pos) {
      const list = keys.positioned;
      list.push(block);
      // Reads come newest first, so this is rare.
      if (list.length > 1 && list[list.length - 2]!.last > block.last) list.sort((a, b) => a.last - b.last);
    }
  }
}

/** Raw IndexedDB: Dexie's collections cannot hop from one key to the next distinct term. */
const store = (): IDBObjectStore => Dexie.currentTransaction.idbtrans.objectStore('postings');

type BlockKey = [string, number];

const keysPage = (from: IDBKeyRange, size: number): Promise<BlockKey[]> =>
  request(store().getAllKeys(from, size) as unknown as IDBRequest<BlockKey[]>);

/** Whether block key `a` sorts after `b` (by term, then by last). */
const isAfter = (a: BlockKey, b: BlockKey): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * The keys `[term, last]` of the blocks in `[from, to]` after block `[term, last]`, or null when
 * they belong to more than `max` terms. Keys only, so a common word's hundreds of blocks cost
 * one cheap request, where a cursor hopping from term to term paid a round trip per term.
 * `listed`: the range's first page of keys, when already read.
 */
async function blockKeys(from: BlockKey, to: string, max: number, size: number, listed?: BlockKey[]): Promise<BlockKey[] | null> {
  const out: BlockKey[] = [];
  let terms = 0;
  for (let after = from; ; ) {
    const full = listed ? listed.length === size : undefined;
    const page = listed ? listed.filter((key) => isAfter(key, after)) : await keysPage(IDBKeyRange.bound(after, [to, Infinity], true), size);
    listed = undefined;
    for (const key of page) {
      if (key[0] !== (out[out.length - 1] ?? after)[0] && ++terms > max) return null;
      out.push(key);
    }
    if (!(full ?? page.length === size)) return out;
    after = page[page.length - 1] ?? after;
  }
}

/**
 * First read of a query term standing for the posting terms in `[from, to]`: the whole range in
 * one request when it is short, else its first blocks and the keys of all the others, so that
 * later reads take exactly the blocks they need.
 */
export async function openTerm(from: string, to: string, tuning: ListTuning, clock: SearchClock, withPositions = false): Promise<TermKeys> {
  const keys: TermKeys = { weights: new WeightedKeys(), lists: [], posted: true, ...(withPositions ? { positioned: [] } : {}) };
  // The range's block keys are listed alongside, in the same round trip: a long range needs
  // them next, and a short one's few keys cost next to nothing.
  const [blocks, listed] = await Promise.all([
    request(store().getAll(rangeOf(from, to), tuning.rangeBlocks) as IDBRequest<PostingBlock[]>),
    keysPage(rangeOf(from, to), tuning.keysPage ?? KEYS_PAGE),
  ]);
  clock.count('blocks', blocks.length);
  addBlocks(keys, blocks);
  const read = new Map<string, number>();
  for (const b of blocks) read.set(b.term, (read.get(b.term) ?? 0) + 1);
  const complete = (term: string): PostingList => ({ term, bound: Infinity, ahead: [], read: read.get(term)! });
  if (blocks.length < tuning.rangeBlocks) {
    keys.lists = [...read.keys()].map(complete);
    return keys;
  }
  // The last term read may go on; the terms after it are not read yet.
  const lastBlock = blocks[blocks.length - 1]!;
  const seen = [...read.keys()].slice(0, -1);
  const rest = await blockKeys([lastBlock.term, lastBlock.last], to, Math.max(0, tuning.maxTerms - seen.length - 1), tuning.keysPage ?? KEYS_PAGE, listed);
  if (rest === null) return unposted();
  const last: PostingList = { term: lastBlock.term, bound: lastBlock.last, ahead: [], read: read.get(lastBlock.term)! };
  const lists = [...seen.map(complete), last];
  for (const [term, end] of rest) {
    let list = lists[lists.length - 1]!;
    if (list.term !== term) lists.push((list = { term, bound: -Infinity, ahead: [], read: 0 }));
    list.ahead.push(end);
  }
  if (!last.ahead.length) last.bound = Infinity;
  keys.lists = lists;
  return keys;
}

/** Every key up to this one has been read in every list of the term. */
export const termBound = (keys: TermKeys): number => Math.min(...keys.lists.map((l) => l.bound));

/** Blocks `list` reads to have every key up to `target`: up to the first block ending at or past it. */
function blocksFor(list: PostingList, target: number): number {
  if (target === Infinity) return list.ahead.length;
  const i = list.ahead.findIndex((end) => end >= target);
  const needed = i < 0 ? list.ahead.length : i + 1;
  // A list left with no more than SPARE blocks is read whole: then it is complete.
  return list.ahead.length - needed <= SPARE ? list.ahead.length : needed;
}

/**
 * Reads every posting list of these terms far enough that each holds every key up to the same
 * target: where the list that gets least far in `window` more blocks stops (all with Infinity).
 * Lists that reach it sooner read less. Neighbouring lists whose reads meet (one read to its
 * end, the next from its start) are read in one request.
 */
export async function readMore(terms: readonly TermKeys[], window: number, clock: SearchClock): Promise<void> {
  let target = Infinity;
  for (const t of terms) for (const l of t.lists) if (l.ahead.length > window) target = Math.min(target, l.ahead[window - 1]!);
  const reads: Promise<void>[] = [];
  for (const t of terms) {
    // Runs of lists read in one request: each run's lists with how many blocks each reads, and
    // the complete lists of few blocks after its end, which a run may take again to go on.
    let run: { list: PostingList; count: number }[] = [];
    let bridge: PostingList[] = [];
    const flush = () => {
      if (run.length) reads.push(readRun(t, run, clock));
      run = [];
      bridge = [];
    };
    for (const list of t.lists) {
      const count = blocksFor(list, target);
      const previous = run[run.length - 1];
      const open = previous !== undefined && previous.count === previous.list.ahead.length && list.read <= SPARE;
      if (count === 0) {
        if (open && list.bound === Infinity) bridge.push(list);
        else flush();
        continue;
      }
      if (!open) flush();
      run.push(...bridge.map((l) => ({ list: l, count: 0 })), { list, count });
      bridge = [];
    }
    flush();
  }
  await Promise.all(reads);
}

/** One request for a run of neighbouring lists: from where its first list stands to its last list's last block wanted. */
async function readRun(keys: TermKeys, run: readonly { list: PostingList; count: number }[], clock: SearchClock): Promise<void> {
  const first = run[0]!;
  const end = run[run.length - 1]!;
  // A list joined in the middle of a run is read from its start (its first blocks again).
  const range = IDBKeyRange.bound([first.list.term, first.list.bound], [end.list.term, end.list.ahead[end.count - 1]!], true);
  const blocks = await request(store().getAll(range) as IDBRequest<PostingBlock[]>);
  clock.count('blocks', blocks.length);
  addBlocks(keys, blocks);
  for (const { list, count } of run) {
    if (count === 0) continue;
    list.read += count;
    list.bound = count === list.ahead.length ? Infinity : list.ahead[count - 1]!;
    list.ahead.splice(0, count);
  }
}

/** Whether every list of the term has been read to its end. */
export const isComplete = (keys: TermKeys): boolean => keys.lists.every((l) => l.bound === Infinity);

/** Blocks not read yet in the lists of these terms. */
export const blocksAhead = (terms: readonly TermKeys[]): number => terms.reduce((n, t) => n + t.lists.reduce((m, l) => m + l.ahead.length, 0), 0);

/**
 * For each list of `keys`, the indexes into its `ahead` of the blocks that may hold one of `wanted`
 * (ascending): for each key past what the list has read, the first block ending at or after it.
 */
export function coveringBlocks(keys: TermKeys, wanted: ArrayLike<number>): number[][] {
  return keys.lists.map((list) => {
    const out: number[] = [];
    for (let i = lowerBound(wanted, list.bound); i < wanted.length; i++) {
      const key = wanted[i]!;
      if (key <= list.bound) continue;
      const at = lowerBound(list.ahead, key);
      if (at >= list.ahead.length) break; // past the list's last block: not in it
      if (out[out.length - 1] !== at) out.push(at);
    }
    return out;
  });
}

/**
 * Reads, in every list of these terms, only the blocks that may hold one of some wanted keys:
 * `covering[t]` is `coveringBlocks(terms[t], wanted)`. Neighbouring blocks are read in one
 * request. Afterwards each term's weights are exact for every wanted key, and for nothing else
 * beyond what was read before: the search then asks them about those keys only (a rare word's
 * keys, checked against a common word's list).
 */
export async function readCovering(terms: readonly TermKeys[], covering: readonly number[][][], clock: SearchClock): Promise<void> {
  const reads: Promise<void>[] = [];
  terms.forEach((t, n) => {
    covering[n]!.forEach((indexes, l) => {
      const list = t.lists[l]!;
      for (const [first, last] of consecutiveRuns(indexes)) {
        const from = first === 0 ? list.bound : list.ahead[first - 1]!;
        const range = IDBKeyRange.bound([list.term, from], [list.term, list.ahead[last]!], true);
        reads.push(
          request(store().getAll(range) as IDBRequest<PostingBlock[]>).then((blocks) => {
            clock.count('blocks', blocks.length);
            addBlocks(t, blocks);
          }),
        );
      }
    });
  });
  await Promise.all(reads);
}
