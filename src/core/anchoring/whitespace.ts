/**
 * Whitespace, which pages change freely (reflowed HTML, a double space, a line break): the test
 * for it, and the collapsed view of a text in which quotes are searched, with its way back to
 * raw offsets. Plain strings, no DOM.
 */

/** The root's text with whitespace runs collapsed, for matching text whose spacing has changed. */
export interface NormalizedText {
  readonly text: string;
  /** `toRaw[i]` is the raw offset of `text[i]`; `toRaw[text.length]` is the raw text's length. */
  readonly toRaw: Uint32Array;
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

/** Collapses whitespace runs to one space and keeps, for each character, where it came from. */
export function normalize(raw: string): NormalizedText {
  const toRaw = new Uint32Array(raw.length + 1);
  const pieces: string[] = [];
  let n = 0;
  let i = 0;
  while (i < raw.length) {
    const from = i;
    if (isSpace(raw.charCodeAt(i))) {
      toRaw[n++] = i;
      while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
      pieces.push(' ');
    } else {
      while (i < raw.length && !isSpace(raw.charCodeAt(i))) toRaw[n++] = i++;
      pieces.push(raw.slice(from, i));
    }
  }
  toRaw[n] = raw.length;
  const map = toRaw.subarray(0, n + 1);
  return {
    text: pieces.join(''),
    toRaw: map,
    fromRaw(rawOffset: number): number {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (map[mid]! < rawOffset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}
