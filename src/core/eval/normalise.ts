/**
 * How the evaluation compares strings (../shared/eval/README.md, "Scoring"): one normalisation
 * for every string, SQuAD-style token-overlap F1, and the whole-word tests of the speaker rule.
 */

/**
 * Every quotation mark the README lists, and their relatives: straight, curly and low-9 ones,
 * single and double guillemets, reversed-9 and CJK/ornamental marks. Fullwidth ＂ ＇ become " '
 * under NFKC first. Apostrophes go too (they are the same characters as the closing single mark),
 * on both sides of every comparison, so "it's" and "it’s" compare equal.
 */
const QUOTATION_MARKS = /["'«»‹›‘’‚‛“”„‟〝〞〟❛❜❝❞⹂]/gu;

/** Punctuation or whitespace at an end of the string. */
const EDGE_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu;

/**
 * The README's normalisation, in its order: Unicode NFKC, quotation marks removed, whitespace
 * collapsed to one space, leading and trailing punctuation and space trimmed, lower case.
 */
export function normalise(s: string): string {
  return s
    .normalize('NFKC')
    .replace(QUOTATION_MARKS, '')
    .replace(/\s+/gu, ' ')
    .replace(EDGE_PUNCTUATION, '')
    .toLowerCase();
}

/** The tokens of a string: its normalised form split at spaces (inner punctuation stays). */
export function tokens(s: string): string[] {
  const n = normalise(s);
  return n ? n.split(' ') : [];
}

/**
 * SQuAD's token-overlap F1 between two strings (normalised here): the multiset overlap of their
 * tokens against both lengths. Computed as 2·common / (|a| + |b|), the same value as SQuAD's
 * 2PR/(P+R), but exact at the 0.8 threshold (4/5 is not lost to rounding). Two empty strings agree.
 */
export function tokenF1(a: string, b: string): number {
  return tokenF1Of(tokens(a), tokens(b));
}

/** `tokenF1` on strings already split by `tokens`. */
export function tokenF1Of(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of a) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      common++;
      counts.set(t, left - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** The last word of a normalised string ('' for an empty one). */
export function lastWord(normalised: string): string {
  return normalised.slice(normalised.lastIndexOf(' ') + 1);
}

/** Whether one normalised string holds the other as whole words ("whole foods" in "whole foods market"). */
export function containsAsWords(a: string, b: string): boolean {
  if (!a || !b) return false;
  return ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}
