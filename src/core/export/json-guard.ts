/**
 * Checks that run before `JSON.parse`, because parsing is where a hostile file does its damage: a
 * 200 MB file fills the service worker's memory, and 10,000 nested brackets exhaust the stack of a
 * recursive walk after parsing. Both checks are linear and allocate nothing.
 */

/**
 * Largest file import accepts (150 MiB). Our own export of 100,000 highlights with notes, tags and
 * page metadata is about 90 MiB (bench/import-100k.ts), and a reader must always be able to import
 * what they exported; 150 MiB leaves room above that while a 200 MB file is still refused.
 */
export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;
/** Deepest nesting of arrays and objects accepted; our own format needs 7. */
export const MAX_IMPORT_DEPTH = 64;

/** A refusal for a file of `bytes` bytes, or null; call it with `File.size` before reading. */
export function sizeProblem(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / (1024 * 1024)).toLocaleString('en-US')} MB`;
  return `The file is too large to import (${mb(bytes)}; the limit is ${mb(MAX_IMPORT_BYTES)}).`;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * The offset of the first bracket that nests deeper than `limit`, or -1. Brackets inside strings
 * do not count. Malformed JSON is not judged here: `JSON.parse` reports it better.
 */
export function tooDeepAt(text: string, limit: number = MAX_IMPORT_DEPTH): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Jump to the closing quote (one not preceded by an odd run of backslashes) with indexOf,
      // which scans natively: most of a file is strings.
      let j = i;
      for (;;) {
        j = text.indexOf('"', j + 1);
        if (j === -1) return -1;
        let k = j - 1;
        while (text.charCodeAt(k) === BACKSLASH) k--;
        if ((j - 1 - k) % 2 === 0) break;
      }
      i = j;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > limit) return i;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    }
  }
  return -1;
}
