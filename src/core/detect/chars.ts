/**
 * What the tokenizer and the quotation-mark scanner ask of a single UTF-16 code unit — letter,
 * digit, space, upper case — looked up in a table filled on first sight of each code unit. The
 * Unicode regular expressions behind it are costly to build (a fraction of a millisecond each,
 * on every page, since the detector runs cold there) and to run per character, so ASCII, Latin-1
 * letters and the usual typographic marks are settled without them.
 */

/** Character classes. */
export const LETTER = 1; // \p{L} or \p{M}
export const DIGIT = 2; // \p{N}
export const SPACE = 3; // \s
export const OTHER = 4;

export const CLASS_MASK = 7;
/** The code unit changes under toLowerCase(): an upper-case (or title-case) letter. */
export const UPPER = 8;
/** The code unit changes under toUpperCase(). */
const UPPERS = 16;
const KNOWN = 32;

const TABLE = new Uint8Array(65536);
let letterRe: RegExp | undefined;
let digitRe: RegExp | undefined;

function classOf(code: number): number {
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return LETTER;
    if (code >= 48 && code <= 57) return DIGIT;
    return code === 32 || (code >= 9 && code <= 13) ? SPACE : OTHER;
  }
  // Latin-1 (letters, no-break space, superscripts and fractions) and General Punctuation (spaces,
  // quotation marks, dashes, ellipsis): the non-ASCII characters of most news text.
  if (code < 0x100) {
    if (code >= 0xc0) return code === 0xd7 || code === 0xf7 ? OTHER : LETTER;
    if (code === 0xa0) return SPACE;
    if (code === 0xaa || code === 0xb5 || code === 0xba) return LETTER;
    if (code === 0xb2 || code === 0xb3 || code === 0xb9 || (code >= 0xbc && code <= 0xbe)) return DIGIT;
    return OTHER;
  }
  if (code >= 0x2000 && code <= 0x206f) {
    return code <= 0x200a || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f ? SPACE : OTHER;
  }
  const ch = String.fromCharCode(code);
  if ((letterRe ??= /[\p{L}\p{M}]/u).test(ch)) return LETTER;
  if ((digitRe ??= /\p{N}/u).test(ch)) return DIGIT;
  return /\s/u.test(ch) ? SPACE : OTHER;
}

function info(code: number): number {
  let v = TABLE[code]!;
  if (v === 0) {
    const ch = String.fromCharCode(code);
    v = KNOWN | classOf(code);
    if (ch.toLowerCase() !== ch) v |= UPPER;
    if (ch.toUpperCase() !== ch) v |= UPPERS;
    TABLE[code] = v;
  }
  return v;
}

/**
 * Each code unit's class and case bits, in one pass (one call, not one per character: the
 * detector mostly runs cold, where calls cost most). Two more entries past the end read as
 * spaces, so that the tokenizer can look one or two ahead without a bounds check.
 */
export function charInfo(text: string): Uint8Array {
  const n = text.length;
  const out = new Uint8Array(n + 2);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const v = TABLE[code]!;
    out[i] = v === 0 ? info(code) : v;
  }
  out[n] = out[n + 1] = KNOWN | SPACE;
  return out;
}

/** LETTER, DIGIT, SPACE or OTHER. */
export function charClass(code: number): number {
  return (TABLE[code] || info(code)) & CLASS_MASK;
}

/** `ch !== ch.toLowerCase()` for the one code unit. */
export function isUpperUnit(code: number): boolean {
  return (info(code) & UPPER) !== 0;
}

/** `s.toUpperCase() === s` for text[from, to), without building either string. */
export function isUpperCased(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character whose case a lone code unit does not tell.
    if (code >= 0xd800 && code <= 0xdfff) {
      const s = text.slice(from, to);
      return s.toUpperCase() === s;
    }
    if ((info(code) & UPPERS) !== 0) return false;
  }
  return true;
}

/** One character (a string of one code unit, or '') is white space: `/\s/u.test(ch)`. */
export function isSpace(ch: string): boolean {
  return ch.length > 0 && charClass(ch.charCodeAt(0)) === SPACE;
}

/** `/[\p{L}\p{M}\p{N}]/u.test(ch)` for one character. */
export function isWordChar(ch: string): boolean {
  if (ch.length === 0) return false;
  const c = charClass(ch.charCodeAt(0));
  return c === LETTER || c === DIGIT;
}

/** `/\p{N}/u.test(ch)` for one character. */
export function isDigit(ch: string): boolean {
  return ch.length > 0 && charClass(ch.charCodeAt(0)) === DIGIT;
}

/**
 * `/[\p{L}\p{N}]/u.test(s)`: the table settles it unless all s has are characters it does not tell
 * from combining marks (from U+0300 on) or from outside the BMP.
 */
export function hasLetterOrDigit(s: string): boolean {
  let unsure = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const c = charClass(code);
    if (c === DIGIT || (c === LETTER && code < 0x300)) return true;
    if (c === LETTER || (code >= 0xd800 && code <= 0xdfff)) unsure = true;
  }
  return unsure && /[\p{L}\p{N}]/u.test(s);
}

/** `/^\p{Lu}/u.test(s)`: the table settles ASCII and Latin-1, the regular expression the rest. */
export function startsUpperCase(s: string): boolean {
  const code = s.charCodeAt(0);
  if (code < 0x100) return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
  return /^\p{Lu}/u.test(s);
}
