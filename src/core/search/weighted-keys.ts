/**
 * The document keys a search has read for one query term, each with its best weight (2: in the
 * body, or a filter; 1: only in the title or site; src/background/search-lists.ts). Kept as two
 * sorted typed arrays, one per weight, built from whole posting blocks: a common word's first
 * blocks hold thousands of keys, of which a search looks up a few hundred at most, and a Map
 * entry per key read cost more than the reads (and their garbage). Pure, no database.
 */

import { lowerBound } from './postings';

/** Index of the first element > key in an ascending array (a key is there once, or a few times). */
function past(keys: Float64Array, key: number): number {
  let i = lowerBound(keys, key);
  while (keys[i] === key) i++;
  return i;
}

const has = (keys: Float64Array, key: number): boolean => keys[lowerBound(keys, key)] === key;

/** Sorted union of a sorted array and added key lists (duplicates kept; lookups do not mind). */
function merged(sorted: Float64Array, added: readonly (readonly number[])[]): Float64Array {
  if (!added.length) return sorted;
  const out = new Float64Array(sorted.length + added.reduce((n, list) => n + list.length, 0));
  out.set(sorted);
  let at = sorted.length;
  for (const list of added) for (const key of list) out[at++] = key;
  return out.sort();
}

export class WeightedKeys {
  /** Keys added since the arrays were last sorted, by weight. */
  private pending: [number[][], number[][]] = [[], []];
  private byWeight: [Float64Array, Float64Array] = [new Float64Array(0), new Float64Array(0)];
  private added = 0;

  /** Adds a block's keys (ascending or not) with the weight of its term. */
  add(keys: readonly number[], weight: 1 | 2): void {
    this.pending[weight - 1]!.push(keys as number[]);
    this.added += keys.length;
  }

  /** Keys added (a key added twice counts twice): which term has fewest, to drive a search. */
  get size(): number {
    return this.added;
  }

  private settle(): void {
    for (const i of [0, 1] as const) {
      if (!this.pending[i].length) continue;
      this.byWeight[i] = merged(this.byWeight[i], this.pending[i]);
      this.pending[i] = [];
    }
  }

  /** The key's best weight, or undefined when it was not read. */
  weight(key: number): 2 | 1 | undefined {
    this.settle();
    if (has(this.byWeight[1], key)) return 2;
    if (has(this.byWeight[0], key)) return 1;
    return undefined;
  }

  /** Every distinct key read up to `bound` (inclusive), ascending: newest first. */
  upTo(bound: number): Float64Array {
    this.settle();
    const [meta, body] = this.byWeight;
    const m = past(meta, bound);
    const b = past(body, bound);
    const out = new Float64Array(m + b);
    let n = 0;
    let i = 0;
    let j = 0;
    while (i < m || j < b) {
      const next = j >= b || (i < m && meta[i]! <= body[j]!) ? meta[i++]! : body[j++]!;
      if (n === 0 || out[n - 1] !== next) out[n++] = next;
    }
    return out.subarray(0, n);
  }
}

