/**
 * Echoes: a lede often repeats a fragment of a quote given in full further down ("described
 * how the water was “like a wall”"), and a heading repeats a line of one. The repeated words
 * are better evidence of who said them than the context around the echo.
 */
import { charClass, DIGIT, LETTER } from './chars';
import type { DetectedQuote } from './types';

/**
 * A quote whose words another quote repeats (a lede's fragment, a heading) takes that quote's
 * speaker, unless its own attribution named one: the repetition is better evidence than context.
 * `lowered` gives each quote's text in lower case (the caller may have it already).
 */
export function echo(
  quotes: DetectedQuote[],
  explicit: readonly boolean[],
  heading: readonly boolean[],
  lowered: (i: number) => string = (i) => quotes[i]!.text.toLowerCase(),
): void {
  // Only a quote without a speaker of its own may take one: most articles have a few.
  const open = quotes.map((q, i) => !(explicit[i] && q.speaker !== null));
  if (!open.includes(true)) return;
  const words = quotes.map((_, i) => wordsOf(lowered(i)));
  const texts = words.map((w) => ` ${w.join(' ')} `);
  // Echoes are short: a lede's fragment, a heading.
  const short = new Map<number, string[]>();
  open.forEach((o, i) => {
    if (o && words[i]!.length <= 12) short.set(i, words[i]!);
  });
  if (short.size === 0) return;
  // Which quotes hold each word of those: a quote can only echo one holding all its words.
  const holders = new Map<string, number[]>();
  for (const ws of short.values()) for (const w of ws) holders.set(w, []);
  words.forEach((ws, j) => {
    for (const w of ws) {
      const list = holders.get(w);
      if (list && list[list.length - 1] !== j) list.push(j);
    }
  });
  quotes.forEach((q, i) => {
    const words = short.get(i);
    if (!words) return;
    const rarest = words.reduce((x, y) => (holders.get(x)!.length <= holders.get(y)!.length ? x : y));
    const candidates = holders.get(rarest)!;
    if (candidates.length > 20) return; // words this common echo nothing in particular
    const echoed = candidates.filter((j) => j !== i && quotes[j]!.kind === 'speech' && texts[j]!.includes(texts[i]!));
    // A term flips to speech only in a heading, and not if it is quoted as a term elsewhere.
    if (echoed.length === 0) return;
    const termElsewhere = (): boolean => candidates.some((j) => j !== i && quotes[j]!.kind === 'term' && texts[j] === texts[i]);
    if (q.kind === 'term' && (!heading[i] || termElsewhere())) return;
    q.kind = 'speech';
    const source = echoed.map((j) => quotes[j]!).find((other) => other.speaker !== null);
    if (source) q.speaker = source.speaker;
  });
}

/**
 * The words of a lower-cased text: its runs of letters and digits (\p{L}, \p{N}), or [''] when it
 * has none. Read from the character table; a text with characters it cannot tell from combining
 * marks (from U+0300 on) or from outside the BMP is split by the regular expression instead.
 */
function wordsOf(lowered: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= lowered.length; i++) {
    const code = i < lowered.length ? lowered.charCodeAt(i) : 32;
    const c = charClass(code);
    if ((c === LETTER && code >= 0x300) || (code >= 0xd800 && code <= 0xdfff)) {
      return lowered.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ');
    }
    const inWord = c === LETTER || c === DIGIT;
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      out.push(lowered.slice(start, i));
      start = -1;
    }
  }
  return out.length > 0 ? out : [''];
}
