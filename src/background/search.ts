/**
 * Answers a search from the index (the `search` table). Reading IndexedDB costs per request and
 * per entry, so the plan reads little, newest first, and stops as soon as the best results are
 * certain:
 *
 * 1. Each term (a word's prefix in `tokens`, a filter's in `facets`) is expanded to the distinct
 *    words it stands for. One that stands for too many (a one-letter prefix, say) is "broad" and
 *    only checked on the documents.
 * 2. Every other term is read word by word from the posting blocks (src/core/search/postings.ts),
 *    which hold each word's keys in order, newest first: reading the first `window` blocks of each
 *    word gives every match newer than some bound. Terms are intersected inside that bound, the
 *    candidates' documents are checked newest first, and the window grows (×4) only if that was
 *    not enough. A term whose words all ended inside the window is complete: its set alone gives
 *    the candidates. (src/background/search-read.ts)
 * 3. With nothing but broad terms, the table itself is read newest first.
 *
 * Checking stops once more than `limit` documents have the best possible score: nothing older can
 * rank above them. Documents carry what a result shows, so nothing else is read.
 */
import Dexie from 'dexie';
import type { SearchDoc } from '@/src/core/search/document';
import { facetTerm } from '@/src/core/search/postings';
import { isEmptyQuery, parseQuery, type ParsedQuery } from '@/src/core/search/query';
import type { SearchResults } from '@/src/messaging/protocol';
import type { MarginaliaDb } from './db';
import { SearchClock } from './search-clock';
import { Ranking, readWordByWord, scan, TUNING, type SearchTuning, type WordTerm } from './search-read';

export { TUNING, type SearchTuning } from './search-read';

/** Results returned when the request names no limit. */
export const DEFAULT_RESULTS = 50;

/** One term as the index can look it up: a prefix or an exact key in one multi-entry index. */
export interface IndexTerm {
  index: 'tokens' | 'facets';
  key: string;
  exact: boolean;
  /** Guess of how selective the term is: higher is probed first. */
  rank: number;
}

/** The query's terms, most selective-looking first. */
export function planTerms(q: ParsedQuery): IndexTerm[] {
  const terms: IndexTerm[] = [];
  // Every word of a phrase must be there, whole (exact words are rarer than prefixes); the
  // documents then tell whether they are in a row.
  const phraseWords = new Set(q.phrases.flat());
  for (const word of phraseWords) terms.push({ index: 'tokens', key: word, exact: true, rank: 100 + word.length });
  for (const word of q.words) terms.push({ index: 'tokens', key: word, exact: false, rank: 10 + Math.min(word.length, 20) * 4 });
  const filterRank = { tag: 60, site: 50, is: 40, kind: 5, color: 4 } as const;
  for (const f of q.filters) {
    terms.push({ index: 'facets', key: `${f.field}:${f.value}`, exact: f.exact, rank: filterRank[f.field] + (f.exact ? 5 : 0) });
  }
  return terms.sort((a, b) => b.rank - a.rank);
}

/** The distinct index keys (words, or filter values) a term stands for, or null when more than `max`. */
function expand(term: IndexTerm, max: number): Promise<string[] | null> {
  if (term.exact) return Promise.resolve([term.key]);
  // Dexie has no way to hop from one distinct key to the next: its unique-key reads step over
  // every entry in between (hundreds of ms for a common word); a native key cursor can jump.
  const index = Dexie.currentTransaction.idbtrans.objectStore('search').index(term.index);
  return new Promise((resolve, reject) => {
    const found: string[] = [];
    const request = index.openKeyCursor(IDBKeyRange.bound(term.key, `${term.key}\uffff`));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(found);
      if (found.length === max) return resolve(null);
      const key = String(cursor.key);
      found.push(key);
      // The smallest string after `key`: the next distinct key, in one seek.
      cursor.continue(`${key}\u0000`);
    };
    request.onerror = () => reject(request.error);
  });
}

/** Runs the plan for a non-empty query. */
async function searchTerms(
  db: MarginaliaDb,
  q: ParsedQuery,
  limit: number,
  tuning: SearchTuning,
  clock: SearchClock,
): Promise<{ docs: SearchDoc[]; more: boolean }> {
  const ranking = new Ranking(q, limit);
  const terms: WordTerm[] = [];
  const planned = planTerms(q);
  const expanded = await clock.time('expand', () => Promise.all(planned.map((term) => expand(term, tuning.maxExpansion))));
  for (const [i, words] of expanded.entries()) {
    // A term standing for no word at all matches nothing.
    if (words?.length === 0) return { docs: [], more: false };
    if (words) terms.push({ words: planned[i]!.index === 'facets' ? words.map(facetTerm) : words, keys: new Set(), bound: 0 });
  }
  if (terms.length) await readWordByWord(db, ranking, terms, tuning, clock);
  else await scan(db, ranking, tuning, clock);
  return ranking.result();
}

/** Searches every saved annotation; the empty query gives the most recent ones. */
export function searchAnnotations(
  db: MarginaliaDb,
  input: string,
  limit = DEFAULT_RESULTS,
  tuning: SearchTuning = TUNING,
): Promise<SearchResults> {
  const clock = new SearchClock();
  const q = parseQuery(input);
  clock.timings.parse = performance.now() - clock.started;
  const notices = [...q.notices];
  if (isEmptyQuery(q) && input.trim() !== '') notices.push('Nothing to search for: type a word, or a filter such as tag:ice.');
  return db.transaction('r', db.search, db.postings, async () => {
    if (isEmptyQuery(q)) {
      const newest = await clock.time('docs', () => db.search.limit(limit + 1).toArray());
      clock.count('docsRead', newest.length);
      return { hits: newest.slice(0, limit).map((doc) => doc.view), more: newest.length > limit, notices, timings: clock.finish() };
    }
    const { docs, more } = await searchTerms(db, q, limit, tuning, clock);
    return { hits: docs.map((doc) => doc.view), more, notices, timings: clock.finish() };
  });
}
