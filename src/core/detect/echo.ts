/**
 * Echoes: a lede often repeats a fragment of a quote given in full further down ("described
 * how the water was “like a wall”"), and a heading repeats a line of one. The repeated words
 * are better evidence of who said them than the context around the echo.
 */
import type { DetectedQuote } from './types';

/**
 * A quote whose words another quote repeats (a lede's fragment, a heading) takes that quote's
 * speaker, unless its own attribution named one: the repetition is better evidence than context.
 */
export function echo(quotes: DetectedQuote[], explicit: readonly boolean[], heading: readonly boolean[]): void {
  const norm = (s: string): string => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const texts = quotes.map((q) => norm(q.text));
  // Which quotes hold each word: a quote can only echo one holding all its words.
  const holders = new Map<string, number[]>();
  texts.forEach((t, j) => {
    for (const w of new Set(t.trim().split(' '))) {
      const list = holders.get(w);
      if (list) list.push(j);
      else holders.set(w, [j]);
    }
  });
  quotes.forEach((q, i) => {
    if (explicit[i] && q.speaker !== null) return;
    const words = texts[i]!.trim().split(' ');
    // Echoes are short: a lede's fragment, a heading.
    if (words.length > 12) return;
    const rarest = words.reduce((x, y) => ((holders.get(x)?.length ?? 0) <= (holders.get(y)?.length ?? 0) ? x : y));
    const candidates = holders.get(rarest) ?? [];
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
