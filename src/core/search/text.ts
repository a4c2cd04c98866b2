/**
 * Text folding and tokenising for search, shared by the index (background), the query parser and
 * the popup's match marking, so that what is stored and what is typed are cut the same way.
 * The saved postings hold words cut by this code: changing what it gives for any text needs a
 * database version that rebuilds them (see document.ts). Pure: no DOM, no extension API.
 */

/** Longest token kept; longer words (URLs, hashes) are cut, and so are query words, alike. */
export const MAX_TOKEN_LENGTH = 32;

/** Letters that Unicode decomposition leaves alone but readers expect to match plain letters. */
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const SPECIAL_RE = /[ßæœøłđðþı]/g;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Case- and accent-insensitive form: compatibility decomposition, combining marks dropped, lower
 * case. "Élection" → "election", "ﬁnance" → "finance".
 */
export function fold(text: string): string {
  // ASCII is its own decomposition, has no marks and none of SPECIAL: lower case is all it needs.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

/** A word: letters and digits, with inner apostrophes ("city’s", "don't") kept inside it. */
const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;
/** What folding may leave that is not a letter or digit: apostrophes, and rare compatibility forms. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** One word's search form: folded, only letters and digits, bounded. */
function wordForm(word: string): string {
  // An ASCII word of WORD is letters, digits and inner "'": the same form without the regexes.
  if (ASCII.test(word)) return (word.includes("'") ? word.replaceAll("'", '') : word).toLowerCase().slice(0, MAX_TOKEN_LENGTH);
  return fold(word).replace(NOT_WORD, '').slice(0, MAX_TOKEN_LENGTH);
}

/** The words of a text in order, folded ("The Mayor’s plan" → the, mayors, plan). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const token = wordForm(match[0]);
    // Folding can empty a token made only of marks; it then says nothing.
    if (token) out.push(token);
  }
  return out;
}

/** Where each word of `text` is, with its search form: for marking matches in what is shown. */
export function wordSpans(text: string): { start: number; end: number; token: string }[] {
  const out: { start: number; end: number; token: string }[] = [];
  for (const match of text.matchAll(WORD)) {
    out.push({ start: match.index, end: match.index + match[0].length, token: wordForm(match[0]) });
  }
  return out;
}
