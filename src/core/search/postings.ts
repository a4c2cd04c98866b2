/**
 * Posting lists in blocks: for each search term, the keys of the documents that have it, sorted
 * (newest first), cut into blocks of at most BLOCK_MAX keys. A term is a word of the highlight,
 * note or tags (`mayor`); a word found only in the page title or site, marked (`mayor` + META);
 * or `#` and a filter value. Keeping the two kinds of words apart lets a search score candidates
 * (body above title, src/core/search/rank.ts) from the postings alone, without their documents.
 * IndexedDB costs per entry read, so reading a common word's 16,000 matches from a multi-entry
 * index is 16,000 entries; from blocks it is 16 records. Pure: building and editing blocks, no
 * database (src/background/postings.ts stores them).
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
}

/** A filter value as a posting term; `#` keeps filters apart from words (no word starts with it). */
export const facetTerm = (facet: string): string => `#${facet}`;

/**
 * Ends the term of a word found only in the title or site. A control character: no word holds
 * one, and `word` + META sorts right after `word`, inside every prefix range of the word.
 */
export const META = '\u0001';

/** The words of a ` w w | w ` field string (src/core/search/document.ts). */
const fieldWords = (field: string): string[] => field.split(' ').filter((w) => w !== '' && w !== '|');

/** Every posting term of a document: its body words, its title and site words not in the body, its filter values. */
export function docTerms(doc: Pick<SearchDoc, 'body' | 'meta' | 'facets'>): string[] {
  const body = new Set(fieldWords(doc.body));
  const metaOnly = new Set(fieldWords(doc.meta).filter((w) => !body.has(w)));
  return [...body, ...[...metaOnly].map((w) => w + META), ...doc.facets.map(facetTerm)];
}

/** The blocks of one term's keys (any order, no duplicates), each at most half full so inserts fit. */
export function blocksOf(term: string, keys: number[]): PostingBlock[] {
  const sorted = [...keys].sort((a, b) => a - b);
  const blocks: PostingBlock[] = [];
  const size = BLOCK_MAX / 2;
  for (let i = 0; i < sorted.length; i += size) {
    const slice = sorted.slice(i, i + size);
    blocks.push({ term, last: slice[slice.length - 1]!, keys: slice });
  }
  return blocks;
}

/** All blocks for a set of documents, term by term (for building the index in one go). */
export function buildPostings(docs: Iterable<Pick<SearchDoc, 'key' | 'body' | 'meta' | 'facets'>>): PostingBlock[] {
  const byTerm = new Map<string, number[]>();
  for (const doc of docs) {
    for (const term of docTerms(doc)) {
      const list = byTerm.get(term);
      if (list) list.push(doc.key);
      else byTerm.set(term, [doc.key]);
    }
  }
  return [...byTerm].flatMap(([term, keys]) => blocksOf(term, keys));
}

/** Index of the first element ≥ key in an ascending array. */
function lowerBound(keys: readonly number[], key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The block with `key` added (if absent), split in two when it outgrows BLOCK_MAX. */
export function insertKey(block: PostingBlock, key: number): PostingBlock[] {
  const at = lowerBound(block.keys, key);
  if (block.keys[at] === key) return [block];
  const keys = [...block.keys.slice(0, at), key, ...block.keys.slice(at)];
  if (keys.length <= BLOCK_MAX) return [{ term: block.term, last: keys[keys.length - 1]!, keys }];
  const half = keys.length >> 1;
  return [
    { term: block.term, last: keys[half - 1]!, keys: keys.slice(0, half) },
    { term: block.term, last: keys[keys.length - 1]!, keys: keys.slice(half) },
  ];
}

/** The block with `key` removed; null when that leaves it empty. */
export function removeKey(block: PostingBlock, key: number): PostingBlock | null {
  const at = lowerBound(block.keys, key);
  if (block.keys[at] !== key) return block;
  const keys = [...block.keys.slice(0, at), ...block.keys.slice(at + 1)];
  return keys.length ? { term: block.term, last: keys[keys.length - 1]!, keys } : null;
}
