/**
 * Echoes: a short quote repeating words of another takes its speaker, whatever the script the
 * words are written in (the words are read from a character table, or by a regular expression
 * where the table cannot tell letters from combining marks).
 */
import { describe, expect, it } from 'vitest';
import { echo } from '../../src/core/detect/echo';
import type { DetectedQuote } from '../../src/core/detect/types';

const quote = (text: string, kind: DetectedQuote['kind'], speaker: string | null): DetectedQuote => ({
  start: 0,
  end: text.length,
  text,
  kind,
  speaker,
});

/** The speaker the fragment gets from the full quote. */
function echoed(fragment: string, full: string): string | null {
  const quotes = [quote(fragment, 'speech', null), quote(full, 'speech', 'Jo Harlan')];
  echo(quotes, [false, true], [false, false]);
  return quotes[0]!.speaker;
}

describe('echo', () => {
  it('gives a fragment the speaker of the quote it repeats, case and punctuation aside', () => {
    expect(echoed('Like a wall', 'It came down the street like a wall, and then everything went dark.')).toBe('Jo Harlan');
    expect(echoed('don’t stop', 'We don’t stop now.')).toBe('Jo Harlan');
    expect(echoed('l’État décide', 'Ici, l’État décide.')).toBe('Jo Harlan');
  });
  it('matches whole words only', () => {
    expect(echoed('wall', 'The walls came down.')).toBeNull();
    expect(echoed('état', 'Ici, l’étatisme décide.')).toBeNull();
  });
  it('reads words in other scripts and with combining marks', () => {
    expect(echoed('стена воды', 'Это была стена воды, сказал он.')).toBe('Jo Harlan');
    expect(echoed('cafe\u0301 noir', 'Un cafe\u0301 noir, merci.')).toBe('Jo Harlan');
    // The combining mark separates words, as \p{L} and \p{N} leave it out.
    expect(echoed('cafe', 'Un cafe\u0301 noir.')).toBe('Jo Harlan');
    expect(echoed('party 🎉 time', 'A party 🎉 time for all.')).toBe('Jo Harlan');
  });
  it('leaves a quote whose own attribution named a speaker', () => {
    const quotes = [quote('like a wall', 'speech', 'Ann Roe'), quote('It came like a wall.', 'speech', 'Jo Harlan')];
    echo(quotes, [true, true], [false, false]);
    expect(quotes[0]!.speaker).toBe('Ann Roe');
  });
});
