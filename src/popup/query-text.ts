/** Adds and removes a filter (`tag:ice`) in the query text, for the chips; pure. */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The filter as a whole piece of the query, case-insensitive. */
const pieceOf = (filter: string) => new RegExp(`(^|\\s)${escape(filter)}(?=\\s|$)`, 'i');

export function hasFilter(query: string, filter: string): boolean {
  return pieceOf(filter).test(query);
}

/** The query with the filter taken out if it is there, else added at the end. */
export function toggleFilter(query: string, filter: string): string {
  if (hasFilter(query, filter)) return query.replace(pieceOf(filter), '$1').replace(/\s+/g, ' ').trim();
  const base = query.trimEnd();
  return `${base ? `${base} ` : ''}${filter} `;
}
