/**
 * Posting lists in blocks: for each search term, the keys of the documents that have it, sorted
 * (newest first), cut into blocks of at most BLOCK_MAX keys. A term is a word of the highlight,
 * note or tags (`mayor`); a word found only in the page title or site, marked (`mayor` + META);
 * or `#` and a filter value. Keeping the two kinds of words apart lets a search score candidates
 * (body above title, src/core/search/rank.ts) from the postings alone, without their documents.
 * IndexedDB costs per entry read, so reading a common word's 16,000 matches from a multi-entry
 * index is 16,000 entries; from blocks it is 16 records. A body word's block also holds where the
 * word stands in each document (`pos`), so that a phrase is checked on the postings instead of on
 * every candidate's document. Pure: building and editing blocks, no database
 * (src/background/postings.ts stores them). Every writer of the index (per edit, bulk import,
 * upgrades) builds its blocks with the helpers here.
 */
import type { SearchDoc } from './document';

/** A block is split in two when it grows past this many keys. */
export const BLOCK_MAX = 1024;

export interface PostingBlock {
  term: string;
  /** The block's largest (oldest) key: with the term, the record's key. */
  last: number;
  /** Ascending, no duplicates; every key ≤ `last` and > the previous block's `last`. */
  keys: number[];
  /**
   * Body words: key by key, how many positions the word has in that document's body and then
   * those positions (word indexes, see `docPositions`), each number one UTF-16 code unit; a count
   * of 0 means not known (the document is checked instead: a body past MAX_POSITION words).
   * A string, because IndexedDB copies a string whole where it reads an array number by
   * number: a search for plain words reads these blocks too, and should hardly pay for them.
   * Absent when no key's positions are known.
   */
  pos?: string;
}

/** Largest word position (and count) a block holds; a document with more is checked on its body. */
export const MAX_POSITION = 0xffff;

/** Word positions by key, as blocks are built from and unpacked to. */
export type Positions = ReadonlyMap<number, readonly number[]>;

/** A filter value as a posting term; `#` keeps filters apart from words (no word starts with it). */
export const facetTerm = (facet: string): string => `#${facet}`;

/**
 * Ends the term of a word found only in the title or site. A control character: no word holds
 * one, and `word` + META sorts right after `word`, inside every prefix range of the word.
 */
export const META = '\u0001';

/** The words of a ` w w | w ` field string (src/core/search/document.ts). */
const fieldWords = (field: string): string[] => field.split(' ').filter((w) => w !== '' && w !== '|');

/**
 * Where each body word stands: its indexes among the body's words and group marks (` a b | c `:
 * a 0, b 1, c 3). Two words are next to each other in the body — ` a b ` in it — exactly when
 * their positions differ by one, so a phrase is checked from positions as `scoreDoc` checks it.
 */
export function docPositions(doc: Pick<SearchDoc, 'body'>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let at = 0;
  for (const piece of doc.body.split(' ')) {
    if (piece === '') continue;
    if (piece !== '|') {
      const list = out.get(piece);
      if (list) list.push(at);
      else out.set(piece, [at]);
    }
    at++;
  }
  return out;
}

/** Whether two position lists are the same (an edit that moves a word rewrites its posting). */
export const samePositions = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((p, i) => p === b[i]));

/** Every posting term of a document: its body words, its title and site words not in the body, its filter values. */
export function docTerms(doc: Pick<SearchDoc, 'body' | 'meta' | 'facets'>): string[] {
  const body = new Set(fieldWords(doc.body));
  const metaOnly = new Set(fieldWords(doc.meta).filter((w) => !body.has(w)));
  return [...body, ...[...metaOnly].map((w) => w + META), ...doc.facets.map(facetTerm)];
}

/** One block of a term's keys (ascending), with the positions known for them. */
export function packBlock(term: string, keys: number[], positions?: Positions): PostingBlock {
  return packSorted(term, keys, positions?.size ? keys.map((key) => positions.get(key)) : undefined);
}

/** One block of a term's keys (ascending), with each key's positions where known (`pos[i]` for `keys[i]`). */
function packSorted(term: string, keys: number[], pos?: readonly (readonly number[] | undefined)[]): PostingBlock {
  const block: PostingBlock = { term, last: keys[keys.length - 1]!, keys };
  if (!pos?.some((list) => list !== undefined)) return block;
  const codes: number[] = [];
  for (const list of pos) {
    if (!list || list.length > MAX_POSITION || list.some((p) => p > MAX_POSITION)) {
      codes.push(0);
      continue;
    }
    codes.push(list.length);
    for (const p of list) codes.push(p);
  }
  let text = '';
  // In slices: a call takes only so many arguments.
  for (let i = 0; i < codes.length; i += 4096) text += String.fromCharCode(...codes.slice(i, i + 4096));
  block.pos = text;
  return block;
}

/** Where each key's entry starts in the block's `pos` (by the key's index in `keys`), for `positionsAt`. */
export function positionOffsets(block: PostingBlock): Uint32Array {
  const offsets = new Uint32Array(block.keys.length);
  const pos = block.pos ?? '';
  let at = 0;
  for (let i = 0; i < offsets.length; i++) {
    offsets[i] = at;
    at += 1 + (at < pos.length ? pos.charCodeAt(at) : 0);
  }
  return offsets;
}

/** The positions of the block's `index`-th key, or undefined when not known. */
export function positionsAt(block: PostingBlock, index: number, offsets: Uint32Array): number[] | undefined {
  const pos = block.pos;
  const at = offsets[index];
  if (!pos || at === undefined || at >= pos.length) return undefined;
  const count = pos.charCodeAt(at);
  if (count === 0) return undefined;
  const list: number[] = [];
  for (let i = 1; i <= count; i++) list.push(pos.charCodeAt(at + i));
  return list;
}

/** The positions a block holds, by key (keys without known positions left out). */
export function blockPositions(block: PostingBlock): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (!block.pos) return out;
  const offsets = positionOffsets(block);
  block.keys.forEach((key, i) => {
    const list = positionsAt(block, i, offsets);
    if (list) out.set(key, list);
  });
  return out;
}

/** Index of `key` in the block's keys, or -1. */
export function indexInBlock(block: PostingBlock, key: number): number {
  const at = lowerBound(block.keys, key);
  return block.keys[at] === key ? at : -1;
}

/** The blocks of one term's keys (any order, no duplicates), each at most half full so inserts fit. */
export function blocksOf(term: string, keys: number[], positions?: Positions): PostingBlock[] {
  const sorted = Array.from(Float64Array.from(keys).sort());
  return sortedBlocks(term, sorted, positions?.size ? sorted.map((key) => positions.get(key)) : undefined);
}

/** The blocks of one term's keys given ascending, no duplicates, with their positions alongside (`pos[i]` for `keys[i]`). */
export function sortedBlocks(term: string, keys: number[], pos?: readonly (readonly number[] | undefined)[]): PostingBlock[] {
  const blocks: PostingBlock[] = [];
  const size = BLOCK_MAX / 2;
  for (let i = 0; i < keys.length; i += size) blocks.push(packSorted(term, keys.slice(i, i + size), pos?.slice(i, i + size)));
  return blocks;
}

/**
 * Gathers the postings of many documents, term by term, for building the index in one go; fed
 * documents in ascending key order, every term's keys arrive sorted.
 */
export function postingsBuilder(): { add(doc: Pick<SearchDoc, 'key' | 'body' | 'meta' | 'facets'>): void; blocks(): Iterable<PostingBlock[]> } {
  const byTerm = new Map<string, { keys: number[]; pos: (number[] | undefined)[] }>();
  let previous = -Infinity;
  let sorted = true;
  return {
    add(doc) {
      if (doc.key <= previous) sorted = false;
      previous = doc.key;
      const positions = docPositions(doc);
      for (const term of docTerms(doc)) {
        let list = byTerm.get(term);
        if (!list) byTerm.set(term, (list = { keys: [], pos: [] }));
        list.keys.push(doc.key);
        list.pos.push(positions.get(term));
      }
    },
    *blocks() {
      for (const [term, { keys, pos }] of byTerm) {
        if (sorted) yield sortedBlocks(term, keys, pos);
        else yield blocksOf(term, keys, new Map(keys.flatMap((key, i) => (pos[i] ? [[key, pos[i]!] as const] : []))));
      }
    },
  };
}

/** All blocks for a set of documents, term by term (for building the index in one go). */
export function buildPostings(docs: Iterable<Pick<SearchDoc, 'key' | 'body' | 'meta' | 'facets'>>): PostingBlock[] {
  const builder = postingsBuilder();
  for (const doc of [...docs].sort((a, b) => a.key - b.key)) builder.add(doc);
  return [...builder.blocks()].flat();
}

/** Runs of consecutive integers in an ascending list of distinct ones, as [first, last] pairs: [1, 2, 3, 7] → [[1, 3], [7, 7]]. */
export function consecutiveRuns(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const run = runs[runs.length - 1];
    if (run && n === run[1] + 1) run[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** Index of the first element ≥ key in an ascending array. */
export function lowerBound<K extends number | string>(keys: ArrayLike<K>, key: K): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The block with `key` added (or its positions replaced), split in two when it outgrows BLOCK_MAX. */
export function insertKey(block: PostingBlock, key: number, pos?: readonly number[]): PostingBlock[] {
  const at = lowerBound(block.keys, key);
  const present = block.keys[at] === key;
  const positions = blockPositions(block);
  if (present && samePositions(positions.get(key), pos)) return [block];
  if (pos?.length) positions.set(key, [...pos]);
  else positions.delete(key);
  const keys = present ? block.keys : [...block.keys.slice(0, at), key, ...block.keys.slice(at)];
  if (keys.length <= BLOCK_MAX) return [packBlock(block.term, keys, positions)];
  const half = keys.length >> 1;
  return [packBlock(block.term, keys.slice(0, half), positions), packBlock(block.term, keys.slice(half), positions)];
}

/** The block with `key` removed; null when that leaves it empty. */
export function removeKey(block: PostingBlock, key: number): PostingBlock | null {
  const at = lowerBound(block.keys, key);
  if (block.keys[at] !== key) return block;
  const keys = [...block.keys.slice(0, at), ...block.keys.slice(at + 1)];
  return keys.length ? packBlock(block.term, keys, blockPositions(block)) : null;
}
