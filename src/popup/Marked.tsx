/** Text with the words the query matched wrapped in <mark>; always rendered as text, never as HTML. */
import { markMatches } from '@/src/core/search/mark';
import type { ParsedQuery } from '@/src/core/search/query';

export function Marked({ text, query, max }: { text: string; query: ParsedQuery; max?: number }) {
  return (
    <>
      {markMatches(text, query, max).map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : piece.text))}
    </>
  );
}
