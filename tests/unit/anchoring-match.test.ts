/**
 * The string side of anchoring: which occurrence of a quote wins, when fuzzy matching runs, and
 * when a candidate is refused. No DOM: `matchQuote` works on the page's collapsed text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contextSimilarity, matchQuote } from '@/src/core/anchoring/match-quote';

// A spy around the real approx-string-match, to see when the fuzzy search runs.
const approx = vi.hoisted(() => ({ calls: 0 }));
vi.mock('approx-string-match', async (importOriginal) => {
  const real = (await importOriginal<typeof import('approx-string-match')>()).default;
  return {
    default: (text: string, pattern: string, maxErrors: number) => {
      approx.calls++;
      return real(text, pattern, maxErrors);
    },
  };
});
afterEach(() => {
  approx.calls = 0;
});

const STORY =
  'The ferry operator said the early sailing carried nineteen passengers on average last winter. ' +
  'Islanders held two public meetings since the change was announced. ' +
  'At the second, in the school hall on Tuesday, more than two hundred people voted to ask the authority ' +
  'to take the route into public hands. The school has eleven pupils, down from twenty-six a decade ago.';

function context(text: string, start: number, end: number) {
  return { prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), hint: start };
}

describe('matchQuote', () => {
  it('finds a long quote that occurs once without fuzzy search or scoring', () => {
    const quote = 'more than two hundred people voted';
    const start = STORY.indexOf(quote);
    const shifted = 'Updated with comment. ' + STORY;
    expect(matchQuote(shifted, quote, context(STORY, start, start + quote.length))).toEqual({
      start: start + 22,
      end: start + 22 + quote.length,
      method: 'exact',
    });
    expect(approx.calls).toBe(0);
  });

  it('picks, among exact occurrences, the one whose context matches, even when another is nearer', () => {
    const quote = 'two public meetings';
    const start = STORY.indexOf(quote);
    const ctx = context(STORY, start, start + quote.length);
    // A repeat with other words around it, inserted just before the sentence: nearer the old position.
    const repeat = 'Opponents asked for two public meetings in May. ';
    const at = STORY.indexOf('Islanders');
    const page = STORY.slice(0, at) + repeat + STORY.slice(at);
    expect(Math.abs(at + 20 - start)).toBeLessThan(repeat.length);
    expect(matchQuote(page, quote, ctx)).toEqual({ start: start + repeat.length, end: start + repeat.length + quote.length, method: 'exact' });
  });

  it('picks the occurrence nearest the old position when the context is repeated too', () => {
    const quote = 'on Tuesday, more than two hundred';
    const start = STORY.indexOf(quote);
    const ctx = context(STORY, start, start + quote.length);
    const copy = STORY.slice(start - 40, start + quote.length + 40);
    const before = copy + ' ' + STORY; // the copy is now far before the original
    const after = STORY + ' ' + copy;
    expect(matchQuote(before, quote, { ...ctx, hint: start + copy.length + 1 })).toMatchObject({ start: start + copy.length + 1 });
    expect(matchQuote(after, quote, ctx)).toMatchObject({ start });
    // ...and a copy nearer the old position than the original wins.
    expect(matchQuote(before, quote, { ...ctx, hint: 0 })).toMatchObject({ start: 40 });
  });

  it('finds a quote with a changed word by fuzzy search, on the changed words', () => {
    const quote = 'more than two hundred people voted to ask the authority';
    const start = STORY.indexOf(quote);
    const page = STORY.replace('two hundred people voted', 'two hundred residents voted');
    const found = matchQuote(page, quote, context(STORY, start, start + quote.length));
    expect(found).toEqual({ start, end: start + quote.length + 3, method: 'fuzzy' });
    expect(approx.calls).toBeGreaterThan(0);
  });

  it('finds the edited original rather than a near copy of it elsewhere (a teaser)', () => {
    const original = 'Mr Pryde said the decision to cut the early sailing had not been taken lightly by the company.';
    const teaser = "Pryde: the decision to cut the early sailing hadn't been taken lightly";
    const text = `${teaser}. Other news. ${STORY} ${original} More text follows here.`;
    const quote = 'the decision to cut the early sailing had not been taken lightly';
    const start = text.indexOf(quote);
    const ctx = context(text, start, start + quote.length);
    // Edited so that the teaser (2 edits away) is now nearer the quote than the original (5 away):
    // a search for the quote alone reports only the teaser.
    const edited = text.replace('the early sailing had not', 'the 7.15 sailing had not');
    const found = matchQuote(edited, quote, ctx);
    expect(found).toEqual({ start, end: start + quote.length - 1, method: 'fuzzy' });
    expect(edited.slice(start, start + quote.length - 1)).toBe('the decision to cut the 7.15 sailing had not been taken lightly');
  });

  it('refuses a fuzzy match that is too different from the quote', () => {
    const quote = 'the council approved a flood wall on Thursday night';
    expect(matchQuote(STORY, quote, { prefix: '', suffix: '', hint: 0 })).toEqual({ failure: 'not-found' });
  });

  it('refuses a near copy elsewhere when the context says it is another passage', () => {
    const quote = 'more than two hundred people voted to ask the authority';
    const start = STORY.indexOf(quote);
    const ctx = context(STORY, start, start + quote.length);
    const page = 'Elsewhere, more than two hundred people voted to ask the council for a new road. Weather follows.';
    expect(matchQuote(page, quote, ctx)).toEqual({ failure: 'unconfirmed' });
  });

  it('places a short quote only where its context confirms it', () => {
    const start = STORY.indexOf('the school hall') + 'the school '.length;
    const ctx = context(STORY, start, start + 4); // "hall"
    expect(matchQuote('Updated. ' + STORY, 'hall', { ...ctx, hint: start })).toEqual({
      start: start + 9,
      end: start + 13,
      method: 'exact',
    });
    const rewritten = 'The meeting in the town hall went on late. ' + STORY.replace('in the school hall on Tuesday, ', '');
    expect(matchQuote(rewritten, 'hall', ctx)).toEqual({ failure: 'unconfirmed' });
  });

  it('does not fuzzy-match a short quote whose context is gone', () => {
    expect(matchQuote(STORY, 'the schoal', { prefix: 'nothing like this at all, really', suffix: ' and nothing like it after it no', hint: 0 })).toEqual({
      failure: 'unconfirmed',
    });
  });
});

describe('contextSimilarity', () => {
  it('is 1 for identical context, lower as it changes, 0 for none', () => {
    const stored = ' said the decision had not been ';
    expect(contextSimilarity(stored, stored)).toBe(1);
    const oneWord = contextSimilarity(stored, ' said the choice had not been ta');
    expect(oneWord).toBeGreaterThan(0.7);
    expect(oneWord).toBeLessThan(1);
    expect(contextSimilarity(stored, 'Weather: rain spreading from the')).toBeLessThan(0.6);
    expect(contextSimilarity(stored, '')).toBe(0);
  });

  it('counts an empty stored side (the quote began the text) as confirmed only at the edge of the text', () => {
    expect(contextSimilarity('', '')).toBe(1);
    expect(contextSimilarity('', 'some new text above')).toBe(0.5);
  });
});
