/**
 * Splits the article into word and punctuation tokens with their offsets, paragraph, sentence
 * and enclosing quote, in one linear pass over the characters (no regular expression per
 * token: this runs on every article). Tokens carry what the rules ask of them: lower-case form
 * without a possessive "'s", capitalisation, initials ("J.B."), abbreviations with their period
 * ("Sen."), and French elisions and inversions split off ("l’", "a-t-il" → "a" "il").
 */
import type { QuoteSpan } from './quote-marks';
import type { TitleMatch } from './titles';
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
  /** Capitalised word ("Whitlock", "O'Brien", "Attorney-General") or initials. */
  cap: boolean;
  /** All capitals, two letters or more ("ICE", "AS"). */
  caps: boolean;
  /** Initials: "J.", "J.B.", "U.S.". */
  init: boolean;
  /** A known abbreviation whose period is part of the token ("Mr.", "Gov."). */
  abbr: boolean;
  /** Possessive: "Whitlock’s" (w = "whitlock"). */
  poss: boolean;
  para: number;
  sent: number;
  /** Index of the quotation the token lies in (marks included), or -1. */
  q: number;
  /** The title starting here, once looked up (titles.ts). */
  title?: TitleMatch | null;
}

const ABBREVIATIONS = set(
  'mr mrs ms dr st sen rep gov lt gen col sgt supt ald jr sr prof capt maj cmdr adm insp det atty pres amb ' +
    'cllr sec lieut mt ft no vs inc co corp mme mlle sra messrs rev hon',
);
const ELISION = /^(?:l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu|quoiqu)['’](?=\p{L})/iu;
const INVERSION = /^(\p{L}+)-(?:t-)?(il|elle|ils|elles|on)$/iu;
const SENTENCE_END = /^[.!?…]$/u;

// Character classes, memoised per UTF-16 code unit: 1 letter or mark, 2 digit, 3 space, 4 other.
const CLASS = new Uint8Array(65536);
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;
const SPACE = /\s/u;
function charClass(code: number): number {
  let c = CLASS[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = LETTER.test(ch) ? 1 : DIGIT.test(ch) ? 2 : SPACE.test(ch) ? 3 : 4;
    CLASS[code] = c;
  }
  return c;
}

/** Tokenises the article; `quotes` must be sorted (as findQuotes returns them). */
export function tokenize(article: ArticleText, quotes: readonly QuoteSpan[]): Token[] {
  const { text } = article;
  const n = text.length;
  const toks: Token[] = [];
  const cls = (i: number): number => (i < n ? charClass(text.charCodeAt(i)) : 3);
  const add = (s: number, e: number, k: Token['k'], init = false, abbr = false): void => {
    const t = text.slice(s, e);
    let w = t.toLowerCase();
    const poss = k === 'w' && w.length > 2 && w.endsWith('s') && (w[w.length - 2] === '’' || w[w.length - 2] === "'");
    if (poss) w = w.slice(0, -2);
    if (abbr || (init && w.length === 2)) w = w.slice(0, -1); // "Mr." → mr, "M." → m
    // Case is read by comparing with the case-mapped forms: cheaper than a Unicode regex per token,
    // and most words start in lower case, which settles it.
    const first = t[0]!;
    const upper = k === 'w' && first !== first.toLowerCase();
    const bare = upper && poss ? t.slice(0, -2) : t;
    const caps = upper && bare.length > 1 && bare.toUpperCase() === bare && !init;
    const cap = k === 'w' && (init || (upper && !caps));
    toks.push({ s, e, t, w, k, cap, caps, init, abbr, poss, para: 0, sent: 0, q: -1, title: undefined });
  };

  for (let i = 0; i < n; ) {
    const c = cls(i);
    if (c === 3) {
      i++;
      continue;
    }
    const s = i;
    if (c === 2) {
      // 2,000 · 9/11 · 10am · 1990s
      while (cls(i) === 2 || (isNumberJoin(text[i]!) && cls(i + 1) === 2)) i++;
      while (cls(i) === 1) i++;
      add(s, i, 'n');
      continue;
    }
    if (c === 4) {
      add(s, ++i, 'p');
      continue;
    }
    // Initials: "J.B.", "U.S." (a capital and a period, twice or more).
    let k = s;
    while (isUpper(text[k]!) && text[k + 1] === '.') k += 2;
    if (k - s >= 4) {
      add(s, k, 'w', true);
      i = k;
      continue;
    }
    // A word: letters, digits, and inner apostrophes or hyphens followed by a letter or digit.
    i++;
    for (;;) {
      const d = cls(i);
      if (d === 1 || d === 2) i++;
      else if (isJoin(text[i]!) && (cls(i + 1) === 1 || cls(i + 1) === 2)) i += 2;
      else break;
    }
    i = word(s, i);
  }
  assign(article, quotes, toks);
  return toks;

  /** Adds the word [s, e) (split, or with its abbreviation's period); returns where it ends. */
  function word(s: number, e: number): number {
    const w = text.slice(s, e);
    const el = w.includes('’') || w.includes("'") ? ELISION.exec(w) : null;
    const inv = w.includes('-') ? INVERSION.exec(w) : null;
    if (el) {
      add(s, s + el[0].length, 'w');
      add(s + el[0].length, e, 'w');
    } else if (inv && inv[1]) {
      add(s, s + inv[1].length, 'w');
      add(e - inv[2]!.length, e, 'w');
    } else if (text[e] === '.' && (ABBREVIATIONS.has(w.toLowerCase()) || (w.length === 1 && isUpper(w)))) {
      // "Mr." and the initial "J." keep their period: it ends no sentence.
      add(s, e + 1, 'w', w.length === 1, w.length > 1);
      return e + 1;
    } else {
      add(s, e, 'w');
    }
    return e;
  }
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}
function isJoin(ch: string): boolean {
  return ch === "'" || ch === '’' || ch === '-' || ch === '‐';
}
function isNumberJoin(ch: string): boolean {
  return ch === '.' || ch === ',' || ch === ':' || ch === '/';
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
