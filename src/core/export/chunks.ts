/**
 * Cutting a long list of annotations into chunks for the runtime messages between an export page
 * and the background: by count, and by the size of their text, so that a chunk of long notes stays
 * far below the browsers' message limit (Chrome: 64 MiB) whatever the count.
 */
import type { Annotation } from '../model';

/** Most characters of text in one chunk; one annotation alone is bounded far below it (LIMITS). */
export const MAX_CHUNK_CHARS = 4_000_000;
/**
 * Longest chunk as JSON that the background accepts: above what MAX_CHUNK_CHARS of text can become
 * once escaped, and below the message limit even if every character takes three bytes in UTF-8.
 */
export const MAX_CHUNK_JSON = 20_000_000;

/** A rough upper bound on the characters an annotation takes in a message. */
export function annotationSize(a: Annotation): number {
  let size = 300 + a.url.length + a.note.length + a.quote.exact.length + a.quote.prefix.length + a.quote.suffix.length;
  size += a.speaker?.length ?? 0;
  for (const tag of a.tags) size += tag.length + 3;
  return size;
}

/**
 * The chunk starting at `from`: at most `maxItems` items and, unless it is the first item alone,
 * at most `maxChars` characters by `size`. Returns the end index (exclusive).
 */
export function chunkEnd<T>(list: readonly T[], from: number, maxItems: number, size: (item: T) => number, maxChars = MAX_CHUNK_CHARS): number {
  let end = from;
  let chars = 0;
  while (end < list.length && end - from < maxItems) {
    const next = size(list[end]!);
    if (end > from && chars + next > maxChars) break;
    chars += next;
    end++;
  }
  return end;
}
