/**
 * Places stored selectors on the page again: the stored position if the quote is still there, else
 * an exact search for the quote, else a fuzzy one; what cannot be placed safely is an orphan.
 */
import { LIMITS, type Selectors } from '../model';
import { contextAfter, contextBefore } from './describe';
import { SHORT_QUOTE, contextConfirms, matchQuote } from './match-quote';
import { buildTextIndex, type TextIndex } from './text';
import { collapseWhitespace, trimOffsets } from './whitespace';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface Anchored {
  range: Range;
  /** Offsets of the range in the root's text as it is now (the position to store back). */
  start: number;
  end: number;
  method: AnchorMethod;
}

/**
 * Why a target could not be placed: its quote is empty, nothing close enough is on the page, or
 * candidates were found but their context does not confirm any (a short or much changed quote).
 */
export type OrphanReason = 'empty-quote' | 'not-found' | 'unconfirmed';

export interface Orphan {
  orphan: true;
  reason: OrphanReason;
}

export type AnchorResult = Anchored | Orphan;

/** Places one target. Pass `index` when anchoring many; `anchorAll` does so. */
export function anchor(root: Element, selectors: Selectors, index: TextIndex = buildTextIndex(root)): AnchorResult {
  const { quote, position } = selectors;
  const needle = collapseWhitespace(quote.exact).trim();
  if (needle.length === 0) return { orphan: true, reason: 'empty-quote' };
  const prefix = collapseWhitespace(quote.prefix);
  const suffix = collapseWhitespace(quote.suffix);
  const { text } = index;

  // 1. The stored position, when the quote is still there: O(quote length), no search.
  const { start, end } = position;
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length) {
    const there = text.slice(start, end);
    const same = there === quote.exact || collapseWhitespace(there).trim() === needle;
    // A short quote such as "the" can sit at its old offset by chance once the page has changed.
    const sure = (): boolean =>
      needle.length >= SHORT_QUOTE ||
      contextConfirms(
        { prefix, suffix },
        contextBefore(text, start, prefix.length || LIMITS.context),
        contextAfter(text, end, suffix.length || LIMITS.context),
      );
    if (same && sure()) return place(index, start, end, 'position');
  }

  // 2 and 3. Search the whitespace-collapsed text, so that changed spacing or line breaks still match.
  const normalized = index.normalized();
  const hint = normalized.fromRaw(Number.isFinite(start) ? Math.min(Math.max(start, 0), text.length) : 0);
  const found = matchQuote(normalized.text, needle, { prefix, suffix, hint });
  if ('failure' in found) return { orphan: true, reason: found.failure };
  const rawStart = normalized.toRaw(found.start);
  const rawEnd = normalized.toRaw(found.end - 1) + 1;
  return place(index, rawStart, rawEnd, found.method);
}

function place(index: TextIndex, start: number, end: number, method: AnchorMethod): Anchored {
  const trimmed = trimOffsets(index.text, start, end);
  return { range: index.rangeFromOffsets(trimmed.start, trimmed.end), ...trimmed, method };
}

/** Anchors many targets over one walk of the page's text: the path taken on every page load. */
export function anchorAll(
  root: Element,
  list: readonly Selectors[],
  index: TextIndex = buildTextIndex(root),
): AnchorResult[] {
  return list.map((selectors) => anchor(root, selectors, index));
}
