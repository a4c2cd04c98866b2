/**
 * The reading strategies behind `searchAnnotations` (src/background/search.ts): intersecting the
 * terms' posting blocks in growing windows, newest first, or reading the whole table newest first;
 * and the ranking they feed, which says when reading can stop. Runs inside the search's
 * read transaction.
 */
import type { SearchDoc } from '@/src/core/search/document';
import type { ParsedQuery } from '@/src/core/search/query';
import { compareHits, maxScore, scoreDoc, type Hit } from '@/src/core/search/rank';
import type { MarginaliaDb } from './db';
import { readBlocks } from './postings';
import type { SearchClock } from './search-clock';

/** The planner's thresholds; tests shrink them to drive every path with little data. */
export interface SearchTuning {
  /** Most distinct words a term may stand for and still be read word by word. */
  maxExpansion: number;
  /** Posting blocks read per word in the first window; each later window is four times larger. */
  firstWindow: number;
  /** Windows stop growing past this many blocks per word: the rest is checked on documents. */
  lastWindow: number;
  /** Most candidates left to check on documents (past some term's window) before reading further. */
  unsettledMax: number;
  /** Documents read in the first batch; each later batch is twice as large, up to `lastBatch`. */
  firstBatch: number;
  lastBatch: number;
}

export const TUNING: SearchTuning = {
  maxExpansion: 8,
  firstWindow: 1,
  lastWindow: 64,
  unsettledMax: 100,
  firstBatch: 51,
  lastBatch: 1024,
};

/** The search state shared by the reading strategies: scored documents and when to stop. */
export class Ranking {
  readonly hits: Hit[] = [];
  readonly docs = new Map<number, SearchDoc>();
  private checked = new Set<number>();
  private topCount = 0;
  private readonly top: number;

  constructor(
    private q: ParsedQuery,
    private limit: number,
  ) {
    this.top = maxScore(q);
  }

  /** True once more than `limit` documents have the best possible score. */
  get done(): boolean {
    return this.topCount > this.limit;
  }

  has(key: number): boolean {
    return this.checked.has(key);
  }

  add(doc: SearchDoc | undefined, key: number): void {
    this.checked.add(key);
    if (!doc) return;
    const score = scoreDoc(doc, this.q);
    if (score < 0) return;
    this.hits.push({ key: doc.key, id: doc.id, score });
    this.docs.set(doc.key, doc);
    if (score === this.top) this.topCount++;
  }

  result(): { docs: SearchDoc[]; more: boolean } {
    this.hits.sort(compareHits);
    const docs = this.hits.slice(0, this.limit).map((h) => this.docs.get(h.key)!);
    return { docs, more: this.hits.length > this.limit };
  }
}

/** Reads the documents of `keys` (newest first) in growing batches until the ranking is done. */
async function check(db: MarginaliaDb, ranking: Ranking, keys: readonly number[], tuning: SearchTuning, clock: SearchClock): Promise<void> {
  let batch = tuning.firstBatch;
  const todo = keys.filter((k) => !ranking.has(k));
  for (let at = 0; at < todo.length && !ranking.done; at += batch, batch = Math.min(batch * 2, tuning.lastBatch)) {
    const slice = todo.slice(at, at + batch);
    const docs = await clock.time('docs', () => db.search.bulkGet(slice));
    clock.count('docsRead', slice.length);
    slice.forEach((key, i) => ranking.add(docs[i], key));
  }
}

/** A term read word by word: its words' posting terms, and the keys read so far. */
export interface WordTerm {
  words: string[];
  keys: Set<number>;
  /** Every match newer than (or at) this key has been read; Infinity when all have. */
  bound: number;
}

/** Reads the first `window` posting blocks of each word of the term. */
async function readWindow(db: MarginaliaDb, term: WordTerm, window: number, clock: SearchClock): Promise<void> {
  const lists = await Promise.all(term.words.map((word) => readBlocks(db, word, window)));
  for (const blocks of lists) clock.count('blocks', blocks.length);
  term.bound = Infinity;
  for (const blocks of lists) {
    for (const block of blocks) for (const key of block.keys) term.keys.add(key);
    if (blocks.length === window) term.bound = Math.min(term.bound, blocks[window - 1]!.last);
  }
}

/**
 * Intersects the terms' keys in growing windows, newest first, checking candidates until done.
 * Where a term was read, its set is exact; past its bound only the documents can tell, and reading
 * further blocks is far cheaper than reading documents, so windows grow until few candidates are
 * left unsettled (or the windows are large, for words found in most documents).
 */
export async function readWordByWord(
  db: MarginaliaDb,
  ranking: Ranking,
  terms: WordTerm[],
  tuning: SearchTuning,
  clock: SearchClock,
): Promise<void> {
  for (let window = tuning.firstWindow; ; window *= 4) {
    await clock.time('postings', () => Promise.all(terms.filter((t) => t.bound !== Infinity).map((t) => readWindow(db, t, window, clock))));
    const complete = terms.filter((t) => t.bound === Infinity).sort((a, b) => a.keys.size - b.keys.size);
    const partial = terms.filter((t) => t.bound !== Infinity);
    const inAll = (key: number) => partial.every((t) => key > t.bound || t.keys.has(key));
    if (complete.length) {
      const [first, ...rest] = complete;
      const inComplete = [...first!.keys].filter((k) => rest.every((t) => t.keys.has(k)));
      const candidates = inComplete.filter(inAll).sort((a, b) => a - b);
      const unsettled = candidates.filter((k) => partial.some((t) => k > t.bound)).length;
      // Where the partial terms were read, how many candidates did they keep? Most kept (a word
      // found nearly everywhere) means reading further would filter nothing.
      const settled = inComplete.filter((k) => partial.every((t) => k <= t.bound));
      const kept = settled.length ? settled.filter(inAll).length / settled.length : 0;
      if (unsettled > tuning.unsettledMax && kept < 0.5 && window < tuning.lastWindow) continue;
      await check(db, ranking, candidates, tuning, clock);
      return;
    }
    const bound = Math.min(...partial.map((t) => t.bound));
    const smallest = partial.reduce((a, b) => (b.keys.size < a.keys.size ? b : a));
    const candidates = [...smallest.keys].filter((k) => k <= bound && inAll(k));
    await check(db, ranking, candidates.sort((a, b) => a - b), tuning, clock);
    if (ranking.done) return;
  }
}

/** Reads the whole table newest first, in growing batches, until the ranking is done. */
export async function scan(db: MarginaliaDb, ranking: Ranking, tuning: SearchTuning, clock: SearchClock): Promise<void> {
  let last: number | undefined;
  for (let batch = tuning.firstBatch; !ranking.done; batch = Math.min(batch * 2, tuning.lastBatch)) {
    const from = last === undefined ? db.search.toCollection() : db.search.where(':id').above(last);
    const docs = await clock.time('docs', () => from.limit(batch).toArray());
    clock.count('docsRead', docs.length);
    for (const doc of docs) ranking.add(doc, doc.key);
    if (docs.length < batch) return;
    last = docs[docs.length - 1]!.key;
  }
}

