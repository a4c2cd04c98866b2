/**
 * Whitespace, which pages change freely (reflowed HTML, a double space, a line break): the test
 * for it, and the collapsed view of a text in which quotes are searched, with its way back to
 * raw offsets. Plain strings, no DOM.
 */

/** The root's text with whitespace runs collapsed, for matching text whose spacing has changed. */
export interface NormalizedText {
  readonly text: string;
  /** The raw offset of `text[i]`; `toRaw(text.length)` is the raw text's length. */
  toRaw(i: number): number;
  /** The normalised offset of the first character at or after a raw offset. */
  fromRaw(raw: number): number;
}

/** Exactly the characters of JavaScript's `\s`, so `collapseWhitespace` and the index agree. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Runs of whitespace become one space; the ends are kept, so context strings still abut the quote. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Narrows `[start, end)` so that it neither starts nor ends in whitespace. */
export function trimOffsets(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Collapses whitespace runs to one space and keeps the way back to raw offsets. Only runs of two
 * or more characters shift offsets (a lone "\n" becomes " " in place), so the map is a short list
 * of those runs, found by a native regex scan: this runs over a whole page's text on every
 * article, cold, and a loop per character is what a cold JavaScript engine does slowest.
 */
export function normalize(raw: string): NormalizedText {
  const text = raw.replace(/\s+/g, ' ');
  // For the k-th multi-character run: its raw start, its raw end, and its normalised position
  // (the one space it became). `shift[k]` is raw minus normalised offset after the run.
  const runStart: number[] = [];
  const runEnd: number[] = [];
  const runAt: number[] = [];
  const shift: number[] = [];
  let removed = 0;
  for (const match of raw.matchAll(/\s{2,}/g)) {
    const at = match.index;
    runStart.push(at);
    runEnd.push(at + match[0].length);
    runAt.push(at - removed);
    removed += match[0].length - 1;
    shift.push(removed);
  }
  /** The number of runs whose key is below `value` (`keys` ascending). */
  const countBelow = (keys: readonly number[], value: number): number => {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    text,
    toRaw(i: number): number {
      // Runs whose space lies before i have shifted it; the space itself maps to its run's start.
      const k = countBelow(runAt, i);
      return k === 0 ? i : i + shift[k - 1]!;
    },
    fromRaw(rawOffset: number): number {
      const k = countBelow(runStart, rawOffset);
      if (k === 0) return rawOffset;
      // Inside a run (after its first character): the next character after its space.
      if (rawOffset < runEnd[k - 1]!) return runAt[k - 1]! + 1;
      return rawOffset - shift[k - 1]!;
    },
  };
}
