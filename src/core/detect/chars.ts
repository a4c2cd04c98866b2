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

const CLASS_MASK = 7;
/** The code unit changes under toLowerCase(): an upper-case (or title-case) letter. */
const UPPER = 8;
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
  // Latin-1 letters; the quotation marks, dashes and ellipsis of typeset text.
  if (code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7) return LETTER;
  if ((code >= 0x2010 && code <= 0x2027 && code !== 0x2028) || code === 0xab || code === 0xbb) return OTHER;
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

/** LETTER, DIGIT, SPACE or OTHER. */
export function charClass(code: number): number {
  return info(code) & CLASS_MASK;
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
