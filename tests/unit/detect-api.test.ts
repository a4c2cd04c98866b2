/**
 * The detector's contract: `detect` gives quotes and officials from one analysis, the separate
 * entry points agree with it, odd input is handled, and hostile input stays linear (it runs on
 * every article page).
 */
import { describe, expect, it } from 'vitest';
import { detect, detectOfficials, detectQuotes } from '../../src/core/detect';
import type { ArticleText } from '../../src/core/detect/types';
import { joinParagraphs } from '../../src/core/extract';
import { HOSTILE_INPUTS } from '../fixtures/detect/hostile-inputs';

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

// How long these take is measured by `npm run bench` (detect-hostile), not asserted here.
describe('hostile input', () => {
  it.each(HOSTILE_INPUTS.map(([name, paras]) => [name, paras] as const))('returns well-formed spans for %s', (_, paras) => {
    const a = article(...paras);
    const { quotes, officials } = detect(a);
    for (const q of quotes) {
      expect(0 <= q.start && q.start < q.end && q.end <= a.text.length).toBe(true);
      expect(['speech', 'term']).toContain(q.kind);
    }
    for (const o of officials) for (const m of o.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.text);
  });
});
