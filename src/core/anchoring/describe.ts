/** Turns a DOM range (a reader's selection) into the selectors that are stored with an annotation. */
import { LIMITS, type Selectors } from '../model';
import { buildTextIndex, type TextIndex } from './text';
import { collapseWhitespace, trimOffsets } from './whitespace';

/**
 * Up to `size` characters of context ending at `end`, whitespace collapsed. Pages pad their blocks
 * with runs of newlines and indentation; collapsed, the context holds words that tell occurrences
 * apart instead of layout. The raw window grows until it holds enough.
 */
export function contextBefore(text: string, end: number, size: number = LIMITS.context): string {
  if (size <= 0) return '';
  for (let width = size; ; width *= 2) {
    const from = Math.max(0, end - width);
    const context = collapseWhitespace(text.slice(from, end));
    if (context.length >= size || from === 0) return context.slice(-size);
  }
}

/** Up to `size` characters of context starting at `start`, whitespace collapsed. */
export function contextAfter(text: string, start: number, size: number = LIMITS.context): string {
  if (size <= 0) return '';
  for (let width = size; ; width *= 2) {
    const to = Math.min(text.length, start + width);
    const context = collapseWhitespace(text.slice(start, to));
    if (context.length >= size || to === text.length) return context.slice(0, size);
  }
}

/**
 * Selectors for `range` within `root`: the quote with its context and the position, in offsets of
 * the root's text. Whitespace at the ends of the range is left out (a triple-click takes the line
 * break). Pass `index` when describing several ranges of an unchanged page.
 */
export function describe(root: Element, range: Range, index: TextIndex = buildTextIndex(root)): Selectors {
  const { text } = index;
  const raw = index.offsetsFromRange(range);
  const { start, end } = trimOffsets(text, raw.start, raw.end);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: contextBefore(text, start),
      suffix: contextAfter(text, end),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
