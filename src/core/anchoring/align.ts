/**
 * Maps offsets in the extracted article's text (Readability's clone, paragraphs joined by "\n\n")
 * onto the live page's whitespace-collapsed text, so that spans found by the detectors can be
 * painted on the page itself. Paragraphs are found in document order with one forward search
 * each, so the whole article aligns in linear time; a paragraph the page does not contain
 * verbatim (Readability rewrote it) is left unaligned and its spans are not painted.
 */
import type { ArticleText } from '@/src/core/detect/types';

export interface Alignment {
  /** The live normalised offset of an article offset, or null where its paragraph is not on the page. */
  toLive(offset: number): number | null;
  /** How many paragraphs were found on the page. */
  aligned: number;
}

/** The paragraph's text as it appears once the page's whitespace is collapsed. */
const collapse = (s: string) => s.replace(/\s+/g, ' ');

export function alignArticle(article: ArticleText, liveNormalized: string): Alignment {
  const { paragraphs, text } = article;
  // Live start of each paragraph, or -1.
  const bases = new Int32Array(paragraphs.length).fill(-1);
  let cursor = 0;
  let aligned = 0;
  paragraphs.forEach((p, i) => {
    const needle = collapse(text.slice(p.start, p.end));
    // Only a paragraph whose collapsed text has the same length maps offsets one to one.
    if (!needle || needle.length !== p.end - p.start) return;
    const at = liveNormalized.indexOf(needle, cursor);
    if (at < 0) return;
    bases[i] = at;
    cursor = at + needle.length;
    aligned++;
  });

  const starts = paragraphs.map((p) => p.start);
  /** Index of the paragraph containing `offset` (the last one starting at or before it). */
  const paragraphOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  return {
    aligned,
    toLive(offset) {
      if (!paragraphs.length) return null;
      const i = paragraphOf(offset);
      const p = paragraphs[i]!;
      const base = bases[i]!;
      if (base < 0 || offset < p.start || offset > p.end) return null;
      return base + (offset - p.start);
    },
  };
}
