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
import { CLASS_MASK, charInfo, DIGIT, isUpperCased, LETTER, OTHER, SPACE, UPPER } from './chars';
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
    'cllr sec lieut mt ft no vs inc co corp mme mlle sra messrs rev hon brig cpl pvt spc pfc',
);
const ELISION = /^(?:l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu|quoiqu)['’](?=\p{L})/iu;
const ELIDED = set('l d qu n s j c m t jusqu lorsqu puisqu quoiqu');
const INVERSION = /^(\p{L}+)-(?:t-)?(il|elle|ils|elles|on)$/iu;

/**
 * The text lower-cased as a whole, where that equals lower-casing any part of it alone: it does
 * unless a letter changes length ("İ") or depends on its neighbours (the final sigma); else null.
 * One conversion instead of one per token or quote matters: typeset text is stored as UTF-16,
 * whose case mapping is slow.
 */
export function lowerCased(text: string): string | null {
  const whole = text.toLowerCase();
  return whole.length === text.length && !text.includes('Σ') ? whole : null;
}

/**
 * Tokenises the article; `quotes` must be sorted (as findQuotes returns them). Written for a cold
 * engine (the content script runs it once per page, mostly interpreted): the character table is
 * read inline rather than through helpers, and punctuation and numbers, two tokens in five, take
 * a short path of their own.
 */
export function tokenize(article: ArticleText, quotes: readonly QuoteSpan[], lower = lowerCased(article.text)): Token[] {
  const { text } = article;
  const n = text.length;
  const toks: Token[] = [];
  // Class and case of every code unit, and of two spaces past the end.
  const info = charInfo(text);

  for (let i = 0; i < n; ) {
    const c = info[i]! & CLASS_MASK;
    if (c === SPACE) {
      i++;
      continue;
    }
    const s = i;
    if (c === OTHER) {
      i++;
      other(s, i, 'p');
      continue;
    }
    if (c === DIGIT) {
      // 2,000 · 9/11 · 10am · 1990s
      for (;;) {
        if ((info[i]! & CLASS_MASK) === DIGIT) i++;
        else if ((info[i + 1]! & CLASS_MASK) === DIGIT && isNumberJoin(text.charCodeAt(i))) i++;
        else break;
      }
      while ((info[i]! & CLASS_MASK) === LETTER) i++;
      other(s, i, 'n');
      continue;
    }
    // Initials: "J.B.", "U.S." (a capital and a period, twice or more).
    let k = s;
    while ((info[k]! & UPPER) !== 0 && text.charCodeAt(k + 1) === PERIOD) k += 2;
    if (k - s >= 4) {
      add(s, k, true, false);
      i = k;
      continue;
    }
    // A word: letters, digits, and inner apostrophes or hyphens followed by a letter or digit.
    let apostrophe = false;
    let hyphen = false;
    i++;
    for (;;) {
      const d = info[i]! & CLASS_MASK;
      if (d === LETTER || d === DIGIT) {
        i++;
        continue;
      }
      if (d === SPACE) break; // (and the end of the text)
      const j = text.charCodeAt(i);
      if (!isJoin(j)) break;
      const after = info[i + 1]! & CLASS_MASK;
      if (after !== LETTER && after !== DIGIT) break;
      if (j === HYPHEN) hyphen = true;
      else if (j !== HYPHEN_U) apostrophe = true;
      i += 2;
    }
    // "D-N.Y.": a legislator's party and a state in initials is one word, whose periods end no sentence.
    if (hyphen && i - s === 3 && text.charCodeAt(i) === PERIOD) i = partyState(s, i);
    i = word(s, i, apostrophe, hyphen);
  }
  assign(article, quotes, toks);
  return toks;

  /** A punctuation mark or a number: never capitalised, possessive or abbreviated. */
  function other(s: number, e: number, k: 'p' | 'n'): void {
    const t = text.slice(s, e);
    const w = !lower ? t.toLowerCase() : hasUpper(s, e) ? lower.slice(s, e) : t;
    toks.push({ s, e, t, w, k, cap: false, caps: false, init: false, abbr: false, poss: false, para: 0, sent: 0, q: -1, title: undefined });
  }

  function add(s: number, e: number, init: boolean, abbr: boolean): void {
    const t = text.slice(s, e);
    // The lower-case form ends before a possessive "'s" and an abbreviation's or initial's period.
    let we = e;
    const poss = e - s > 2 && isS(text.charCodeAt(e - 1)) && isApostrophe(text.charCodeAt(e - 2));
    if (poss) we -= 2;
    if (abbr || (init && we - s === 2)) we--; // "Mr." → mr, "M." → m
    // Most tokens are in lower case already: their lower-case form is the same string (one string
    // fewer to make, and to hash when the rules look it up). A lone surrogate (a character outside
    // the BMP is two 'p' tokens) is its own lower case, as the per-token toLowerCase() had it.
    const w = !lower ? lowerForm(t, poss, abbr, init) : we === e && !hasUpper(s, e) ? t : lower.slice(s, we);
    // Most words start in lower case, which settles their case.
    const upper = (info[s]! & UPPER) !== 0;
    const caps = upper && !init && (poss ? e - 2 : e) - s > 1 && isUpperCased(text, s, poss ? e - 2 : e);
    const cap = init || (upper && !caps);
    toks.push({ s, e, t, w, k: 'w', cap, caps, init, abbr, poss, para: 0, sent: 0, q: -1, title: undefined });
  }

  function hasUpper(s: number, e: number): boolean {
    for (let i = s; i < e; i++) if ((info[i]! & UPPER) !== 0) return true;
    return false;
  }

  /** Adds the word [s, e) (split, or with its abbreviation's period); returns where it ends. */
  function word(s: number, e: number, apostrophe: boolean, hyphen: boolean): number {
    const el = apostrophe ? elision(s, e) : 0;
    const inv = el === 0 && hyphen && mayInvert(s, e) ? INVERSION.exec(text.slice(s, e)) : null;
    if (el > 0) {
      add(s, s + el, false, false);
      add(s + el, e, false, false);
    } else if (inv && inv[1]) {
      add(s, s + inv[1].length, false, false);
      add(e - inv[2]!.length, e, false, false);
    } else if (text.charCodeAt(e) === PERIOD && ((e - s === 1 && (info[s]! & UPPER) !== 0) || isAbbreviation(s, e))) {
      // "Mr." and the initial "J." keep their period: it ends no sentence.
      add(s, e + 1, e - s === 1, e - s > 1);
      return e + 1;
    } else {
      add(s, e, false, false);
    }
    return e;
  }

  /** The length of the elided article or pronoun opening the word [s, e) ("l’", "qu’"), or 0:
   *  ELISION's match, read without it where the word's start is ASCII and a Latin letter follows. */
  function elision(s: number, e: number): number {
    let p = s;
    while (p < e && !isApostrophe(text.charCodeAt(p))) p++;
    if (p - s > 6 || p + 1 >= e) return 0; // "quoiqu" is the longest
    const next = text.charCodeAt(p + 1);
    let ascii = next < 0x300;
    for (let k = s; k < p && ascii; k++) ascii = text.charCodeAt(k) < 128;
    if (!ascii) return ELISION.exec(text.slice(s, e))?.[0].length ?? 0;
    const head = lower ? lower.slice(s, p) : text.slice(s, p).toLowerCase();
    return ELIDED.has(head) && (info[p + 1]! & CLASS_MASK) === LETTER ? p - s + 1 : 0;
  }

  /** Could INVERSION match the word [s, e)? It ends in "-il", "-on", "-ils", "-elle" or "-elles". */
  function mayInvert(s: number, e: number): boolean {
    const last = text.charCodeAt(e - 1) | 0x20; // ASCII lower case (ſ stays itself)
    if (last !== 108 && last !== 101 && last !== 115 && last !== 110 && last !== 0x17f) return false; // l e s n ſ
    for (let k = Math.max(s, e - 6); k <= e - 3; k++) if (text.charCodeAt(k) === HYPHEN) return true;
    return false;
  }

  /** Where a party tag with a state in initials ("D-N.Y", "R-W.Va") starting at s ends (its last period left out), or e. */
  function partyState(s: number, e: number): number {
    const m = PARTY_STATE.exec(text.slice(s, s + 12));
    return m ? s + m[0].length : e;
  }

  function isAbbreviation(s: number, e: number): boolean {
    return e - s <= 7 && ABBREVIATIONS.has(lower ? lower.slice(s, e) : text.slice(s, e).toLowerCase());
  }
}

/** The token's lower-case form when the text could not be lower-cased as a whole. */
function lowerForm(t: string, poss: boolean, abbr: boolean, init: boolean): string {
  let w = t.toLowerCase();
  if (poss) w = w.slice(0, -2);
  if (abbr || (init && w.length === 2)) w = w.slice(0, -1);
  return w;
}

const PERIOD = 46;
const PARTY_STATE = /^[DRI]-(?:\p{Lu}\p{Ll}?\.)+\p{Lu}\p{Ll}?(?=\.)/u;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 45;
const HYPHEN_U = 0x2010;

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_QUOTE;
}
function isS(code: number): boolean {
  return code === 115 || code === 83; // s, S
}
function isJoin(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_QUOTE || code === HYPHEN || code === HYPHEN_U;
}
function isNumberJoin(code: number): boolean {
  return code === PERIOD || code === 44 || code === 58 || code === 47; // . , : /
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
    // (A lower-case word never starts a sentence: endsSentence's first answer, without the call.)
    if (prev && (prev.para !== p || (!(tok.k === 'w' && !tok.cap && !tok.caps) && endsSentence(toks, i - 1)))) sent++;
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
  if (tok.q < 0) return isSentenceEnd(tok.t);
  // The closing mark of a quote that ends with a stop, followed by something outside it.
  if (next.q === tok.q) return false;
  const before = toks[i - 1];
  return before !== undefined && before.q === tok.q && isSentenceEnd(before.t);
}

function isSentenceEnd(t: string): boolean {
  return t === '.' || t === '!' || t === '?' || t === '…';
}
