/**
 * Splits a shown text into pieces, marking the words that the query matched, and cuts long texts
 * to a window around the first match. For the popup; pure, so it is tested without a DOM.
 */
import type { ParsedQuery } from './query';
import { wordSpans } from './text';

export interface Piece {
  text: string;
  marked: boolean;
}

/** Whether a word (in search form) is one the query looks for. */
function wanted(q: ParsedQuery): (token: string) => boolean {
  const exact = new Set(q.phrases.flat());
  return (token) => exact.has(token) || q.words.some((w) => token.startsWith(w));
}

/**
 * The text as pieces with matched words marked; longer than `max` characters, a window of about
 * `max` characters from a little before the first match, with ellipses.
 */
export function markMatches(text: string, q: ParsedQuery, max = Infinity): Piece[] {
  const isWanted = wanted(q);
  const spans = q.words.length || q.phrases.length ? wordSpans(text).filter((s) => s.token && isWanted(s.token)) : [];
  let from = 0;
  let to = text.length;
  if (text.length > max) {
    const first = spans[0]?.start ?? 0;
    from = Math.max(0, Math.min(first - Math.floor(max / 4), text.length - max));
    // Start and end on a word boundary where there is one nearby.
    if (from > 0) from = text.indexOf(' ', from) + 1 || from;
    to = Math.min(text.length, from + max);
    if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  }
  const pieces: Piece[] = [];
  const push = (piece: string, marked: boolean) => piece && pieces.push({ text: piece, marked });
  if (from > 0) push('…', false);
  let at = from;
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    push(text.slice(at, start), false);
    push(text.slice(start, end), true);
    at = end;
  }
  push(text.slice(at, to), false);
  if (to < text.length) push('…', false);
  return pieces;
}
