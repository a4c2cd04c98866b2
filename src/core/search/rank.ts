/**
 * Matching and ranking one search document against a parsed query. Every term must match
 * somewhere; a term found in the highlight, note or tags scores more than one found only in the
 * page title or site, and equal scores go newest first. The same functions rank the index's
 * candidates and the full scan, so both give the same order.
 */
import type { SearchDoc } from './document';
import type { Filter, ParsedQuery } from './query';

/** Score of a term matched in the highlight, note or tags; in the title or site it scores 1. */
const BODY = 2;
const META = 1;

/** A matched document, with what orders it. */
export interface Hit {
  key: number;
  id: string;
  score: number;
}

/** The highest score a document can reach for this query: every term in the body. */
export function maxScore(q: ParsedQuery): number {
  return BODY * (q.words.length + q.phrases.length);
}

const facetMatches = (facets: readonly string[], f: Filter): boolean => {
  const wanted = `${f.field}:${f.value}`;
  return f.exact ? facets.includes(wanted) : facets.some((facet) => facet.startsWith(wanted));
};

/** The document's score, or -1 if some term does not match it. */
export function scoreDoc(doc: Pick<SearchDoc, 'body' | 'meta' | 'facets'>, q: ParsedQuery): number {
  for (const f of q.filters) if (!facetMatches(doc.facets, f)) return -1;
  let score = 0;
  for (const word of q.words) {
    // Fields are ` w w | w `: a word starting with `word` is one preceded by a space.
    const needle = ' ' + word;
    if (doc.body.includes(needle)) score += BODY;
    else if (doc.meta.includes(needle)) score += META;
    else return -1;
  }
  for (const phrase of q.phrases) {
    const needle = ` ${phrase.join(' ')} `;
    if (doc.body.includes(needle)) score += BODY;
    else if (doc.meta.includes(needle)) score += META;
    else return -1;
  }
  return score;
}

/** Best first: higher score, then newer (smaller key). */
export function compareHits(a: Hit, b: Hit): number {
  return b.score - a.score || a.key - b.key;
}

/**
 * The full scan: every document scored, the best `limit` returned (and whether there were more).
 * The baseline the index is measured against, and the reference its results are tested against.
 */
export function scanSearch(docs: Iterable<SearchDoc>, q: ParsedQuery, limit: number): { hits: Hit[]; more: boolean } {
  const hits: Hit[] = [];
  for (const doc of docs) {
    const score = scoreDoc(doc, q);
    if (score >= 0) hits.push({ key: doc.key, id: doc.id, score });
  }
  hits.sort(compareHits);
  return { hits: hits.slice(0, limit), more: hits.length > limit };
}
