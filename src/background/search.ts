/**
 * Answers a search from the index. Reading IndexedDB costs per request and per entry, so the plan
 * reads little, newest first, and stops as soon as the best results are certain:
 *
 * 1. Each term of the query is a range of posting terms (src/core/search/postings.ts): a word's
 *    prefix covers every word it starts, in the body and (marked) in the title or site; a phrase
 *    word is exact; a filter is its value or prefix. A short range is read whole in one request;
 *    a longer one term by term in growing windows, newest keys first, every list as far as the
 *    same key (src/background/search-lists.ts). A range of too many terms (a one-letter prefix)
 *    is left to the documents.
 * 2. Up to the oldest key where every read term is complete, each candidate's score is known from
 *    the postings alone: whether each word is in the body or only in the title or site is in its
 *    posting term. Phrases (words in a row) and terms left to the documents are checked on the
 *    candidates' documents, best possible first, only until nothing unchecked can rank higher.
 * 3. Reading stops once more than `limit` candidates have the best possible score (nothing older
 *    can rank above them) or every list is read; only then are the results' documents read.
 *    With no term readable from the postings, the table itself is read newest first
 *    (src/background/search-read.ts).
 */
import { expandDoc, type PagePartsCache, type StoredDoc } from '@/src/core/search/document';
import { facetTerm, META } from '@/src/core/search/postings';
import { isEmptyQuery, parseQuery, type ParsedQuery } from '@/src/core/search/query';
import { maxScore, scoreDoc } from '@/src/core/search/rank';
import type { SearchResults } from '@/src/messaging/protocol';
import type { MarginaliaDb } from './db';
import { SearchClock } from './search-clock';
import { newestDocs, readDocs } from './doc-store';
import { blocksAhead, coveringBlocks, isComplete, openTerm, positionsOf, readCovering, readMore, termBound, unposted, type ListTuning, type TermKeys } from './search-lists';
import { Ranking, scan } from './search-read';

/** Results returned when the request names no limit. */
export const DEFAULT_RESULTS = 50;

/** The planner's thresholds; tests shrink them to drive every path with little data. */
export interface SearchTuning extends ListTuning {
  /** Documents checked in the first batch (phrases, broad terms); each later batch twice as many. */
  firstBatch: number;
  /**
   * Most keys that the complete terms may leave as candidates for the other terms to be read only
   * where those keys are (`readCovering`) instead of list by list; 0 never.
   */
  coverKeys: number;
  /**
   * A word with at least this many posting blocks left to read, beside a term read whole, is
   * checked on the candidates' documents instead (see `commonWords`); absent: never.
   */
  commonBlocks?: number;
}

export const TUNING: SearchTuning = { rangeBlocks: 12, maxTerms: 32, firstWindow: 1, growth: 8, lastWindow: 8, firstBatch: 64, coverKeys: 256, commonBlocks: 48 };

/** One term of the query and the range of posting terms that answers it. */
export interface PlannedTerm {
  role: 'word' | 'filter' | 'phrase';
  from: string;
  to: string;
}

/** The query's terms as posting ranges: words, each distinct phrase word, filters. */
export function planTerms(q: ParsedQuery): PlannedTerm[] {
  const terms: PlannedTerm[] = q.words.map((w) => ({ role: 'word', from: w, to: `${w}\uffff` }));
  for (const word of new Set(q.phrases.flat())) terms.push({ role: 'phrase', from: word, to: word + META });
  for (const f of q.filters) {
    const value = facetTerm(`${f.field}:${f.value}`);
    terms.push({ role: 'filter', from: value, to: f.exact ? value : `${value}\uffff` });
  }
  return terms;
}

interface Term extends PlannedTerm {
  keys: TermKeys;
}

/**
 * A candidate and its score: exact, or (with a phrase its postings cannot settle, or a term left
 * to the documents) the best it could have, to be checked on its document.
 */
interface Candidate {
  key: number;
  score: number;
  exact: boolean;
}

/** Best first: higher score, then newer (smaller key) — the order of compareHits. */
const byRank = (a: Candidate, b: Candidate) => b.score - a.score || a.key - b.key;

/** Whether the words, each with its positions, stand in a row somewhere (`a b c`: a at p, b at p + 1...). */
export function inRow(positions: readonly (readonly number[])[]): boolean {
  const [first, ...rest] = positions;
  return !!first?.some((p) => rest.every((list, i) => list.includes(p + i + 1)));
}

/**
 * The score of `key` as the postings see it (exact or a bound), or null when some read term rules
 * it out. `phrases` holds each phrase's words' postings (the same for every key).
 */
function scoreOf(key: number, terms: readonly Term[], phrases: readonly (TermKeys | undefined)[][]): { score: number; exact: boolean } | null {
  let score = 0;
  let exact = true;
  for (const t of terms) {
    if (!t.keys.posted) {
      // Left to the document: a word there scores at most as a body match.
      if (t.role === 'word') score += 2;
      exact = false;
      continue;
    }
    const weight = t.keys.weights.weight(key);
    if (weight === undefined) return null;
    if (t.role === 'word') score += weight;
  }
  for (const keys of phrases) {
    // In the body only if all its words are; with any of them only in the title, there or nowhere.
    if (!keys.every((k) => k === undefined || k.weights.weight(key) === 2)) {
      score += 1;
      exact = false;
      continue;
    }
    const positions = keys.map((k) => (k ? positionsOf(k, key) : undefined));
    if (positions.every((p) => p !== undefined)) {
      // Words in a row in the body: a body match. Else it may still be in the title or site.
      if (inRow(positions)) {
        score += 2;
        continue;
      }
      score += 1;
    } else {
      score += 2;
    }
    exact = false;
  }
  return { score, exact };
}

/**
 * Candidates in rank order. Scores are a few small numbers, so keys are grouped by score and each
 * group sorted as a typed array (natively, no comparator): thousands of candidates in well under a
 * millisecond.
 */
function inRankOrder(byScore: Map<number, { exact: number[]; bound: number[] }>): Candidate[] {
  const out: Candidate[] = [];
  for (const score of [...byScore.keys()].sort((a, b) => b - a)) {
    const group = byScore.get(score)!;
    const exact = new Set(group.exact);
    for (const key of Float64Array.from([...group.exact, ...group.bound]).sort()) out.push({ key, score, exact: exact.has(key) });
  }
  return out;
}

/** The search's progress: documents read and scores found, kept across reading rounds. */
class Checked {
  /** Documents read, as stored (a result shows them as they are). */
  readonly docs = new Map<number, StoredDoc>();
  /** Scores of documents checked against the query; -1 for no match (or no document). */
  readonly scores = new Map<number, number>();
  private readonly done = new Set<number>();
  /** Each page's share of its documents' words, for documents made whole to be scored. */
  private readonly pages: PagePartsCache = new Map();

  constructor(
    private q: ParsedQuery,
    private clock: SearchClock,
  ) {}

  /** Reads the documents of `keys` not read yet, and with `score`, scores them. */
  async read(keys: readonly number[], score: boolean): Promise<void> {
    const missing = keys.filter((k) => !this.done.has(k));
    if (!missing.length) return;
    const cost = { blocks: 0, requests: 0, listed: 0 };
    const docs = await this.clock.time('docs', () => readDocs(missing, cost));
    this.clock.count('docsRead', missing.length);
    this.clock.count('docBlocks', cost.blocks);
    this.clock.count('docRequests', cost.requests);
    for (const key of missing) {
      this.done.add(key);
      const doc = docs.get(key);
      if (doc) this.docs.set(key, doc);
      if (score) this.scores.set(key, doc ? scoreDoc(expandDoc(doc, this.pages), this.q) : -1);
    }
  }
}

/**
 * The exactly ranked candidates, best first: those whose scores are exact as they are, the others
 * checked on their documents, best possible first, in growing batches, until more than `limit`
 * results rank above anything unchecked could.
 */
async function rank(candidates: readonly Candidate[], checked: Checked, limit: number, tuning: SearchTuning): Promise<Candidate[]> {
  const ranked: Candidate[] = [];
  let at = 0;
  for (let batch = tuning.firstBatch; at < candidates.length; batch *= 2) {
    const pending: Candidate[] = [];
    for (; at < candidates.length && pending.length < batch; at++) {
      const c = candidates[at]!;
      if (c.exact) {
        ranked.push(c);
        continue;
      }
      // Everything from here on ranks at best as this one.
      if (!pending.length && ranked.filter((r) => byRank(r, c) < 0).length > limit) return ranked.sort(byRank);
      pending.push(c);
    }
    await checked.read(pending.map((c) => c.key), true);
    for (const c of pending) {
      const score = checked.scores.get(c.key)!;
      if (score >= 0) ranked.push({ key: c.key, score, exact: true });
    }
  }
  return ranked.sort(byRank);
}

/**
 * `keys` (ascending: newest first) that the postings do not rule out, grouped by score in rank
 * order. Scoring stops past the (limit + 1)-th key with the best score for certain: every later
 * key is older and no better, so ranks below more than `limit` results.
 */
function scored(keys: ArrayLike<number>, terms: readonly Term[], phrases: readonly (TermKeys | undefined)[][], limit: number, top: number): Candidate[] {
  const byScore = new Map<number, { exact: number[]; bound: number[] }>();
  let best = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const score = scoreOf(key, terms, phrases);
    if (!score) continue;
    let group = byScore.get(score.score);
    if (!group) byScore.set(score.score, (group = { exact: [], bound: [] }));
    (score.exact ? group.exact : group.bound).push(key);
    if (score.exact && score.score === top && ++best > limit) break;
  }
  return inRankOrder(byScore);
}

/**
 * The terms, with each word that stands in a large share of all documents (`the`, `said`: at
 * least `commonBlocks` posting blocks still to read) left to the documents, when another term has
 * been read whole and drives the search. Its candidates, newest first, are then checked on their
 * documents, which the results shown are read from anyway; and such a word is in most of them, so
 * few more are read than are shown. Read from its postings, it would be tens of blocks of 1,024
 * keys for the same answer (search-100k's `the efforts`: 65 blocks, about 8 ms). Not when every
 * match is wanted (no limit): then every candidate's document would be read.
 */
function commonWords(terms: Term[], limit: number, tuning: SearchTuning): Term[] {
  // Every match wanted (an export of the results): every candidate's document would be read.
  if (!Number.isFinite(limit)) return terms;
  const blocks = tuning.commonBlocks ?? Infinity;
  const common = (t: Term) => t.role === 'word' && t.keys.posted && blocksAhead([t.keys]) >= blocks;
  if (!terms.some((t) => t.keys.posted && isComplete(t.keys) && t.keys.lists.length > 0 && !common(t))) return terms;
  return terms.map((t) => (common(t) ? { ...t, keys: unposted() } : t));
}

/**
 * The keys found in every term read to its end (ascending), when some are and those keys are few
 * enough — and the blocks that hold them few enough beside what is left to read — for the other
 * terms (`rest`) to be read only there (`covering`, per term and list: see `readCovering`); else null.
 */
function fewCandidates(posted: readonly Term[], tuning: SearchTuning): { keys: Float64Array; rest: TermKeys[]; covering: number[][][] } | null {
  const complete = posted.filter((t) => isComplete(t.keys));
  if (!complete.length || complete.length === posted.length || tuning.coverKeys <= 0) return null;
  const [smallest, ...others] = [...complete].sort((a, b) => a.keys.weights.size - b.keys.weights.size);
  const keys = smallest!.keys.weights.upTo(Infinity).filter((key) => others.every((t) => t.keys.weights.weight(key) !== undefined));
  if (keys.length > tuning.coverKeys) return null;
  const rest = posted.filter((t) => !isComplete(t.keys)).map((t) => t.keys);
  const covering = rest.map((t) => coveringBlocks(t, keys));
  const blocks = covering.reduce((n, lists) => n + lists.reduce((m, l) => m + l.length, 0), 0);
  return blocks * 2 <= blocksAhead(rest) ? { keys, rest, covering } : null;
}

/** Runs the plan for a non-empty query: the best `limit` documents, and whether there are more. */
async function searchTerms(
  db: MarginaliaDb,
  q: ParsedQuery,
  limit: number,
  tuning: SearchTuning,
  clock: SearchClock,
): Promise<{ docs: StoredDoc[]; more: boolean }> {
  const planned = planTerms(q);
  const opened = await clock.time('postings', () =>
    Promise.all(planned.map((t) => openTerm(t.from, t.to, tuning, clock, t.role === 'phrase'))),
  );
  const terms = commonWords(
    planned.map((t, i) => ({ ...t, keys: opened[i]! })),
    limit,
    tuning,
  );
  const posted = terms.filter((t) => t.keys.posted);
  // A term standing for nothing matches nothing.
  if (posted.some((t) => t.keys.lists.length === 0)) return { docs: [], more: false };
  if (!posted.length) {
    const ranking = new Ranking(q, limit);
    await scan(db, ranking, clock);
    return ranking.result();
  }
  const top = maxScore(q);
  const phraseWords = new Map(terms.filter((t) => t.role === 'phrase').map((t) => [t.from, t.keys]));
  const phrases = q.phrases.map((phrase) => phrase.map((w) => phraseWords.get(w)));
  const checked = new Checked(q, clock);
  let ranked: Candidate[] = [];
  for (let window = tuning.firstWindow; ; window = window >= tuning.lastWindow ? Infinity : window * tuning.growth) {
    // Up to `bound`, every read term is complete: there, the candidates and their scores are exact.
    const bound = Math.min(...posted.map((t) => termBound(t.keys)));
    const driver = posted.reduce((a, b) => (b.keys.weights.size < a.keys.weights.size ? b : a));
    ranked = await rank(scored(driver.keys.weights.upTo(bound), terms, phrases, limit, top), checked, limit, tuning);
    // Anything past the bound is older, so ranks below every candidate with the best score.
    const best = ranked.filter((c) => c.score === top).length;
    if (bound === Infinity || best > limit) break;
    // Where the terms read to their end leave few candidates, the others need only the blocks
    // that hold those: a rare word beside a common one reads a few of the common word's blocks
    // instead of the whole list.
    const few = fewCandidates(posted, tuning);
    if (few) {
      await clock.time('postings', () => readCovering(few.rest, few.covering, clock));
      ranked = await rank(scored(few.keys, terms, phrases, limit, top), checked, limit, tuning);
      break;
    }
    // So few of the best, where every list has been read a little, that even a window `growth`
    // times larger would not do: read the rest at once.
    if (window > tuning.firstWindow && best * tuning.growth <= limit) window = Infinity;
    await clock.time('postings', () => readMore(posted.map((t) => t.keys), window, clock));
  }
  const shown = ranked.slice(0, limit).map((c) => c.key);
  await checked.read(shown, false);
  // A document missing beside its postings (never written apart, but not worth an error page) is left out.
  const docs = shown.map((key) => checked.docs.get(key)).filter((doc): doc is StoredDoc => doc !== undefined);
  return { docs, more: ranked.length > limit };
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
  return db.transaction('r', db.docBlocks, db.postings, async () => {
    if (isEmptyQuery(q)) {
      const newest = await clock.time('docs', () => newestDocs(db, limit + 1));
      clock.count('docsRead', newest.length);
      return { hits: newest.slice(0, limit).map((doc) => doc.view), more: newest.length > limit, notices, timings: clock.finish() };
    }
    const { docs, more } = await searchTerms(db, q, limit, tuning, clock);
    return { hits: docs.map((doc) => doc.view), more, notices, timings: clock.finish() };
  });
}
