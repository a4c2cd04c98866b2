/**
 * Splits the article into word and punctuation tokens with their offsets, paragraph, sentence
 * and enclosing quote, in one linear pass. Tokens carry what the rules ask of them: lower-case
 * form without a possessive "'s", capitalisation, initials ("J.B."), abbreviations with their
 * period ("Sen."), and French elisions and inversions split off ("l’", "a-t-il" → "a" "il").
 */
import type { QuoteSpan } from './quote-marks';
import type { ArticleText } from './types';
import { set } from './lexicon/words';

export interface Token {
  s: number;
  e: number;
  /** Surface text. */
  t: string;
  /** Lower case, without a possessive ending or an abbreviation's period. */
  w: string;
  /** 'w' word, 'n' number, 'p' punctuation (quotation marks included). */
  k: 'w' | 'n' | 'p';
  /** Capitalised word ("Obama", "O'Brien", "Attorney-General") or initials. */
  cap: boolean;
  /** All capitals, two letters or more ("ICE", "AS"). */
  caps: boolean;
  /** Initials: "J.", "J.B.", "U.S.". */
  init: boolean;
  /** A known abbreviation whose period is part of the token ("Mr.", "Gov."). */
  abbr: boolean;
  /** Possessive: "Trump’s" (w = "trump"). */
  poss: boolean;
  para: number;
  sent: number;
  /** Index of the quotation the token lies in (marks included), or -1. */
  q: number;
}

const TOKEN =
  /((?:\p{Lu}\.){2,})|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-‐][\p{L}\p{M}\p{N}]+)*)|(\p{N}+(?:[.,:/]\p{N}+)*\p{L}*)|(\S)/gu;
const ABBREVIATIONS = set(
  'mr mrs ms dr st sen rep gov lt gen col sgt supt ald jr sr prof capt maj cmdr adm insp det atty pres amb ' +
    'cllr sec lieut mt ft no vs inc co corp mme mlle sra messrs rev hon',
);
const ELISION = /^(l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu|quoiqu)['’](?=[\p{L}])/iu;
const INVERSION = /^([\p{L}]+)-(?:t-)?(il|elle|ils|elles|on)$/iu;
const SENTENCE_END = /^[.!?…]$/u;

/** Tokenises the article; `quotes` must be sorted (as findQuotes returns them). */
export function tokenize(article: ArticleText, quotes: readonly QuoteSpan[]): Token[] {
  const { text } = article;
  const toks: Token[] = [];
  const add = (s: number, e: number, k: Token['k'], init = false, abbr = false): void => {
    const t = text.slice(s, e);
    let w = t.toLowerCase();
    const poss = k === 'w' && w.length > 2 && w.endsWith('s') && (w[w.length - 2] === '’' || w[w.length - 2] === "'");
    if (poss) w = w.slice(0, -2);
    if (abbr) w = w.slice(0, -1);
    const bare = poss ? t.slice(0, -2) : t;
    // Case is read by comparing with the case-mapped forms: cheaper than a Unicode regex per token.
    const upper = bare.toUpperCase();
    const caps = k === 'w' && bare.length > 1 && upper === bare && !init;
    const first = t[0]!;
    const cap = k === 'w' && (init || (first !== first.toLowerCase() && !caps));
    toks.push({ s, e, t, w, k, cap, caps, init, abbr, poss, para: 0, sent: 0, q: -1 });
  };

  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const s = m.index;
    let e = s + m[0].length;
    if (m[1]) {
      add(s, e, 'w', true);
    } else if (m[2]) {
      const word = m[2];
      const el = /['’]/u.test(word) ? ELISION.exec(word) : null;
      const inv = word.includes('-') ? INVERSION.exec(word) : null;
      if (el && el[0].length < word.length) {
        add(s, s + el[0].length, 'w');
        add(s + el[0].length, e, 'w');
      } else if (inv && inv[1]) {
        add(s, s + inv[1].length, 'w');
        add(e - inv[2]!.length, e, 'w');
      } else if (text[e] === '.' && (ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && word !== word.toLowerCase()))) {
        // "Mr." and the initial "J." keep their period: it ends no sentence.
        e++;
        add(s, e, 'w', word.length === 1, word.length > 1);
        TOKEN.lastIndex = e;
      } else {
        add(s, e, 'w');
      }
    } else {
      add(s, e, m[3] ? 'n' : 'p');
    }
  }
  assign(article, quotes, toks);
  return toks;
}

/** Sets each token's paragraph, quote and sentence. */
function assign(article: ArticleText, quotes: readonly QuoteSpan[], toks: Token[]): void {
  let p = 0;
  let q = 0;
  let sent = 0;
  const paras = article.paragraphs;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    const prev = toks[i - 1];
    while (p + 1 < paras.length && tok.s >= paras[p]!.end) p++;
    while (q < quotes.length && tok.s >= quotes[q]!.end) q++;
    tok.para = p;
    const quote = quotes[q];
    if (quote && tok.s >= quote.open && tok.e <= quote.end) tok.q = q;
    if (prev && (prev.para !== p || endsSentence(toks, i - 1))) sent++;
    tok.sent = sent;
  }
}

/** A sentence ends after a final stop outside a quote, or after a quote ending in one, before a non-lower-case word. */
function endsSentence(toks: readonly Token[], i: number): boolean {
  const tok = toks[i]!;
  const next = toks[i + 1];
  if (!next || next.para !== tok.para) return true;
  if (next.k === 'w' && !next.cap && !next.caps) return false;
  if (next.t === ',' || next.t === ';' || next.t === ')') return false;
  if (tok.q < 0) return SENTENCE_END.test(tok.t);
  // The closing mark of a quote that ends with a stop, followed by something outside it.
  if (next.q === tok.q) return false;
  const before = toks[i - 1];
  return before !== undefined && before.q === tok.q && SENTENCE_END.test(before.t);
}
