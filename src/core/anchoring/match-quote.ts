/**
 * Finds a quote in a string: exact occurrences first, then approximate ones, each candidate scored
 * by its context and its closeness to where the quote was (after Hypothesis's match-quote.ts).
 * Pure string code; `anchor.ts` maps the result back to the DOM.
 */
import approxSearch from 'approx-string-match';

/** Below this length a quote is too common to place on its own: its context must confirm it. */
export const SHORT_QUOTE = 20;
/** Most edits a fuzzy match may have, as a share of the quote's length (quote similarity ≥ 0.75). */
const MAX_ERROR_RATE = 0.25;
/** Cap on fuzzy errors: the search costs O(errors / 32 × text length). */
const MAX_ERRORS = 256;
/**
 * A fuzzy match less similar than this must also have its context confirm it: pages repeat their
 * own sentences nearly word for word (teasers, summaries, pull quotes).
 */
const SURE_SIMILARITY = 0.95;
/** Mean prefix/suffix similarity that confirms a place: one side intact, or both mostly so. */
const CONFIRMING_CONTEXT = 0.7;
// Weights of a candidate's score, as in Hypothesis: the quote counts most, position least (it
// only breaks ties between occurrences whose context is equally good).
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Where the quote was expected to start, in the same text. */
  hint: number;
}

export type QuoteMatch =
  | { start: number; end: number; method: 'exact' | 'fuzzy' }
  | { failure: 'not-found' | 'unconfirmed' };

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

interface Scored extends Candidate {
  score: number;
  /** Mean of the prefix and suffix similarities, in [0, 1]. */
  context: number;
}

/**
 * How well `stored` context matches the text `actual` found beside a candidate, in [0, 1]: one
 * minus the edits needed to find `stored` in `actual`, per character. A side that was empty when
 * the quote was described (the quote began or ended the text) tells little once text is added.
 */
export function contextSimilarity(stored: string, actual: string): number {
  if (stored.length === 0) return actual.length === 0 ? 1 : 0.5;
  if (actual === stored) return 1;
  if (actual.length === 0) return 0;
  const [best] = approxSearch(actual, stored, stored.length);
  return best ? 1 - best.errors / stored.length : 0;
}

function scoreCandidate(text: string, quote: string, context: QuoteContext, c: Candidate): Scored {
  const { prefix, suffix } = context;
  const prefixScore = contextSimilarity(prefix, text.slice(Math.max(0, c.start - prefix.length), c.start));
  const suffixScore = contextSimilarity(suffix, text.slice(c.end, c.end + suffix.length));
  const positionScore = 1 - Math.abs(c.start - context.hint) / Math.max(text.length, 1);
  const quoteScore = 1 - c.errors / quote.length;
  const score =
    (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) /
    (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
  return { ...c, score, context: (prefixScore + suffixScore) / 2 };
}

function best(text: string, quote: string, context: QuoteContext, candidates: Candidate[]): Scored {
  let top: Scored | undefined;
  for (const c of candidates) {
    const scored = scoreCandidate(text, quote, context, c);
    if (!top || scored.score > top.score) top = scored;
  }
  return top!;
}

/** True when the context around a place agrees with the stored context (see CONFIRMING_CONTEXT). */
export function contextConfirms(stored: { prefix: string; suffix: string }, actualPrefix: string, actualSuffix: string): boolean {
  const mean = (contextSimilarity(stored.prefix, actualPrefix) + contextSimilarity(stored.suffix, actualSuffix)) / 2;
  return mean >= CONFIRMING_CONTEXT;
}

/**
 * Approximate matches of the quote. approx-string-match reports only the matches with the fewest
 * errors, so a near copy of the quote elsewhere (a teaser repeating the sentence) would hide the
 * edited original; a second search with the context attached finds the original by its
 * surroundings, and the quote is then located within that match.
 */
function fuzzyCandidates(text: string, quote: string, context: QuoteContext, maxErrors: number): Candidate[] {
  const candidates = approxSearch(text, quote, maxErrors);
  const { prefix, suffix } = context;
  if (prefix.length + suffix.length === 0) return candidates;
  const whole = prefix + quote + suffix;
  const wholeErrors = Math.min(MAX_ERRORS, Math.floor(whole.length * MAX_ERROR_RATE));
  for (const around of approxSearch(text, whole, wholeErrors)) {
    const inner = approxSearch(text.slice(around.start, around.end), quote, maxErrors);
    // The quote should start about where the prefix ends.
    const nearest = inner.sort((a, b) => Math.abs(a.start - prefix.length) - Math.abs(b.start - prefix.length))[0];
    if (nearest) candidates.push({ ...nearest, start: around.start + nearest.start, end: around.start + nearest.end });
  }
  return candidates;
}

function exactOccurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * The best place for `quote` in `text`, or why there is none. An exact occurrence always beats a
 * fuzzy one (the fuzzy search does not run then); among several, context decides, then position.
 * A short quote, or a fuzzy match that is not near-identical, is kept only when its context
 * confirms it: an orphan is better than a highlight on the wrong words.
 */
export function matchQuote(text: string, quote: string, context: QuoteContext): QuoteMatch {
  const short = quote.length < SHORT_QUOTE;
  const exact = exactOccurrences(text, quote);
  if (exact.length > 0) {
    // One long occurrence needs no scoring: the usual case when text was added or moved.
    const only = exact.length === 1 && !short ? exact[0] : undefined;
    if (only) return { start: only.start, end: only.end, method: 'exact' };
    const top = best(text, quote, context, exact);
    if (short && top.context < CONFIRMING_CONTEXT) return { failure: 'unconfirmed' };
    return { start: top.start, end: top.end, method: 'exact' };
  }

  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length * MAX_ERROR_RATE));
  if (maxErrors === 0) return { failure: 'not-found' };
  const matches = fuzzyCandidates(text, quote, context, maxErrors);
  if (matches.length === 0) return { failure: 'not-found' };
  const top = best(text, quote, context, matches);
  const similarity = 1 - top.errors / quote.length;
  if ((short || similarity < SURE_SIMILARITY) && top.context < CONFIRMING_CONTEXT) return { failure: 'unconfirmed' };
  return { start: top.start, end: top.end, method: 'fuzzy' };
}
