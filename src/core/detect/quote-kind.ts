/**
 * Speech or term? A quotation is a term when it names, titles or mentions rather than reports:
 * after "so-called", "dubbed", "called", "known as"; a title-cased name ("Blue House"); "as if to
 * say". Otherwise sentences and longer stretches are speech, and a short fragment is speech only
 * in a reported-speech context (`said it was "distressing"`), a scare-quoted phrase otherwise.
 */
import type { Analysis } from './analysis';
import { startsUpperCase } from './chars';
import { TERM_CUE } from './lexicon/speech';
import { COORDINATOR, DETERMINER, set, STOP } from './lexicon/words';
import type { Token } from './tokens';
import type { QuoteKind } from './types';
import { speechVerbAt } from './verbs';

/** Words in a quote, at or above which it is speech whatever its context. */
const LONG = 4;
const OBJECT = set('it them him her this that');
const OR = set('or ou oder o');
const ROMANCE = set('fr es pt it');
/** Between a naming verb and the quote: "known as “X”", "calling it the “X”" (not "called it a “shame”"). */
const NAMING = set('as the le la les');

/**
 * The kind of quote qi. `attributed`: a rule named who said it; `direct`: the attribution is the
 * quote's own ("…," she said; She said: "…"), which a title of a work never has.
 */
export function quoteKind(
  a: Analysis,
  qi: number,
  attributed: boolean,
  direct: boolean,
  previousKind: QuoteKind | null,
): QuoteKind {
  const { toks } = a;
  const [qa, qb] = a.quoteToks[qi]!;
  const before = (n: number): string => toks[qa - n]?.w ?? '';
  const sameSentence = (n: number): boolean => toks[qa - n]?.sent === toks[qa]!.sent;

  // "so-called ‘ghost guns’", "Dubbed “the Stump”", "known as “X”", "calling it the “reserve
  // raid”"; but calling something a name is a judgement said aloud: Ford called it “a disgrace”.
  if (TERM_CUE.has(before(1))) return 'term';
  if (OBJECT.has(before(1)) && TERM_CUE.has(before(2))) return 'speech';
  if (TERM_CUE.has(before(2)) && NAMING.has(before(1))) return 'term';
  if (TERM_CUE.has(before(3)) && OBJECT.has(before(2)) && NAMING.has(before(1))) return 'term';
  if (before(1) === 'say' && before(2) === 'to' && before(3) === 'if') return 'term'; // "as if to say"
  // “the Stump” or “the Pencil”: a quote coordinated with the previous one shares its kind.
  const link = toks[qa - 1];
  if (previousKind && link && (COORDINATOR.has(link.w) || OR.has(link.w)) && toks[qa - 2]?.q === qi - 1) {
    return previousKind;
  }

  const inner = toks.slice(qa + 1, qb).filter((t) => t.k !== 'p');
  const words = inner.length;
  const endsSentence = /[.!?…]$/u.test(a.quotes[qi]!.text);
  const titleWord = (t: Token): boolean => t.k === 'n' || t.w.length < 4 || startsUpperCase(t.t);
  // Short words pass as a title's ("the Lord of the Rings"), but only beside a capital: “fed up” is no title.
  // German capitalises every noun: a title has all its words so („Der Untergang“), not „am Ende“.
  const capitalWord = a.lang === 'de' ? (t: Token): boolean => t.k === 'n' || startsUpperCase(t.t) : titleWord;
  const titleCased = words >= 1 && words <= 6 && !endsSentence && inner.every(capitalWord) && inner.some((t) => startsUpperCase(t.t));
  // And one noun said by someone named is a word of theirs (sprach von einem „Offenbarungseid“),
  // unless it names something: der „Bild“-Zeitung.
  const named = a.text.charCodeAt(a.quotes[qi]!.end) === 45; // a hyphen right after the closing mark
  const germanNoun = a.lang === 'de' && attributed && words === 1 && !named;
  if (titleCased && !direct && !germanNoun && !isSentenceStartQuote()) return 'term';
  // Used as a modifier, between a determiner and its noun, a short quote is a scare quote: the
  // agency's “tiered” alert system (not: described as “historic” left…). The Romance
  // languages put adjectives after the noun: « faute grave » lundi.
  const next = toks[qb + 1];
  const prev = toks[qa - 1];
  const determined = prev !== undefined && (prev.poss || DETERMINER.has(prev.w));
  const noun = next?.k === 'w' && !next.cap && !STOP.has(next.w);
  if (words <= 2 && determined && noun && !ROMANCE.has(a.lang)) return 'term';
  // American style puts the final stop inside the marks: “reserve raid.” is no sentence, “We lost.” is.
  if (words >= LONG || (endsSentence && (words > 2 || isSentenceStartQuote())) || attributed) return 'speech';

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
