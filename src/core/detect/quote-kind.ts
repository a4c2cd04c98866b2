/**
 * Speech or term? A quotation is a term when it names, titles or mentions rather than reports:
 * after "so-called", "dubbed", "called", "known as"; a title-cased name ("Blue House"); "as if to
 * say". Otherwise sentences and longer stretches are speech, and a short fragment is speech only
 * in a reported-speech context (`said it was "distressing"`), a scare-quoted phrase otherwise.
 */
import type { Analysis } from './analysis';
import { TERM_CUE } from './lexicon/speech';
import { speechVerbAt } from './verbs';

/** Words in a quote, at or above which it is speech whatever its context. */
const LONG = 4;
const TITLE_WORD = /^\p{Lu}/u;

export function quoteKind(a: Analysis, qi: number, attributed: boolean, previousKind: 'speech' | 'term' | null): 'speech' | 'term' {
  const { toks } = a;
  const [qa, qb] = a.quoteToks[qi]!;
  const before = (n: number): string => toks[qa - n]?.w ?? '';
  const sameSentence = (n: number): boolean => toks[qa - n]?.sent === toks[qa]!.sent;

  // "so-called ‘metadata’", "Dubbed “DisGrace”", "known as “X”" (but "called it “a disgrace”" is speech).
  if (TERM_CUE.has(before(1)) || (TERM_CUE.has(before(2)) && ['as', 'the', 'a', 'le', 'la'].includes(before(1)))) return 'term';
  if (before(1) === 'say' && before(2) === 'to' && before(3) === 'if') return 'term'; // "as if to say"
  // “DisGrace” or “Gucci Grace”: a quote coordinated with the previous one shares its kind.
  const link = toks[qa - 1];
  if (previousKind && link && ['or', 'and', 'ou', 'et', 'oder', 'und', 'o', 'y', 'e'].includes(link.w) && toks[qa - 2]?.q === qi - 1) {
    return previousKind;
  }

  const inner = toks.slice(qa + 1, qb).filter((t) => t.k !== 'p');
  const words = inner.length;
  const endsSentence = /[.!?…]$/u.test(a.quotes[qi]!.text);
  const titleCased = words >= 1 && words <= 6 && !endsSentence && inner.every((t) => t.k === 'n' || t.w.length < 4 || TITLE_WORD.test(t.t));
  if (titleCased && !attributed && !isSentenceStartQuote()) return 'term';
  if (words >= LONG || endsSentence || attributed) return 'speech';

  // A short fragment: speech when a verb of saying governs it earlier in the sentence.
  for (let k = qa - 1; k >= 0 && k >= qa - 15 && sameSentence(qa - k); k--) {
    if (toks[k]!.q < 0 && speechVerbAt(toks, k) >= 0) return 'speech';
  }
  return 'term';

  function isSentenceStartQuote(): boolean {
    const prev = toks[qa - 1];
    return !prev || prev.sent !== toks[qa]!.sent;
  }
}
