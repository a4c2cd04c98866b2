/**
 * The detector's contract: `detect` gives quotes and officials from one analysis, the separate
 * entry points agree with it, odd input is handled, and hostile input stays linear (it runs on
 * every article page).
 */
import { describe, expect, it } from 'vitest';
import { detect, detectOfficials, detectQuotes } from '../../src/core/detect';
import type { ArticleText } from '../../src/core/detect/types';
import { joinParagraphs } from '../../src/core/extract';

/** Paragraphs joined as the extractor joins them. */
const article = (...paras: string[]): ArticleText => joinParagraphs(paras);

const story = article(
  'Mayor Dana Whitlock defended the plan on Monday.',
  '“We have no other choice,” Whitlock said. Critics called it a “land grab”.',
);

describe('detect', () => {
  it('returns quotes and officials', () => {
    expect(detect(story)).toEqual({
      quotes: [
        { start: 51, end: 75, text: 'We have no other choice,', kind: 'speech', speaker: 'Dana Whitlock', speakerSpan: { start: 77, end: 85 } },
        // Critics are no one in particular: speech, but no speaker.
        { start: 113, end: 122, text: 'land grab', kind: 'speech', speaker: null },
      ],
      officials: [
        {
          name: 'Dana Whitlock',
          role: 'Mayor',
          mentions: [
            { start: 0, end: 19, text: 'Mayor Dana Whitlock' },
            { start: 77, end: 85, text: 'Whitlock' },
          ],
        },
      ],
    });
  });
  it('agrees with detectQuotes and detectOfficials', () => {
    const d = detect(story);
    expect(detectQuotes(story)).toEqual(d.quotes);
    expect(detectOfficials(story)).toEqual(d.officials);
  });
  it('handles an empty article', () => {
    expect(detect({ text: '', paragraphs: [] })).toEqual({ quotes: [], officials: [] });
  });
  it('reads a text given without paragraph offsets as split at blank lines', () => {
    const text = '“We are ready,” said Mayor Dana Whitlock.\n\n“Let it come.”';
    expect(detectQuotes({ text, paragraphs: [] }).map((q) => q.speaker)).toEqual(['Dana Whitlock', 'Dana Whitlock']);
  });
});

describe('words that are names of Object.prototype properties', () => {
  it('reads "Constructor" and "constructor" as any other word, not as an honorific or a pronoun', () => {
    const as = (word: string) =>
      detect(
        article(
          'Mayor Ann Lee opened the bridge on Monday.',
          `“We will build another,” ${word.toLowerCase()} said.`,
          `${word} Ann Lee spoke.`,
        ),
      );
    // A word of the same length, so that the offsets are the same.
    const electrician = as('Electrician');
    expect(electrician.quotes[0]!.speaker).toBeNull();
    expect(as('Constructor')).toEqual(electrician);
  });
});

describe('hostile input', () => {
  const time = (a: ArticleText): number => {
    const t = performance.now();
    detect(a);
    return performance.now() - t;
  };
  const words = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join(' ');

  it.each([
    ['unbalanced straight quotes', words(20000, (i) => (i % 3 ? 'word"' : '"word'))],
    ['apostrophes everywhere', words(20000, (i) => (i % 2 ? "'tis" : "it's'"))],
    ['one long run of capitals', words(20000, (i) => `Name${i}`)],
    ['titles without names', words(20000, () => 'the mayor said')],
    ['quotes opened and never closed', words(20000, () => '“open')],
    ['one enormous word', 'a'.repeat(200000)],
  ])('stays fast with %s', (_, text) => {
    detect(article(text)); // warm up
    expect(time(article(text))).toBeLessThan(1500);
  });
  it('stays linear with many paragraphs', () => {
    const paras = Array.from({ length: 3000 }, (_, i) => `“Quote ${i},” said Senator Ann Lee${i % 7}. He 'said' it.`);
    expect(time(article(...paras))).toBeLessThan(1500);
  });
});
