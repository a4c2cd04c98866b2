import { describe, expect, it } from 'vitest';
import { alignArticle } from '@/src/core/anchoring/align';
import type { ArticleText } from '@/src/core/detect/types';
import { joinParagraphs } from '@/src/core/extract';

const article = (paragraphs: string[]): ArticleText => joinParagraphs(paragraphs);

describe('alignArticle', () => {
  const a = article(['The mayor spoke first.', '“Back off,” she said.', 'The vote is Tuesday.']);

  it('maps article offsets onto the live page text, paragraph by paragraph', () => {
    const live = 'Menu Home News The mayor spoke first. Advertisement “Back off,” she said. Share this The vote is Tuesday. Footer';
    const align = alignArticle(a, live);
    expect(align.aligned).toBe(3);
    const quoteStart = a.text.indexOf('Back off');
    const at = align.toLive(quoteStart)!;
    expect(live.slice(at, at + 8)).toBe('Back off');
    const voteStart = a.text.indexOf('Tuesday');
    expect(live.slice(align.toLive(voteStart)!, align.toLive(voteStart + 7)!)).toBe('Tuesday');
  });

  it('takes paragraphs in document order, so a teaser repeating a paragraph earlier on the page is passed over only if it precedes the previous match', () => {
    const live = 'The mayor spoke first. Related: The vote is Tuesday. “Back off,” she said. The vote is Tuesday.';
    const align = alignArticle(a, live);
    const voteStart = a.text.indexOf('The vote');
    // The article's third paragraph comes after its second, so the later occurrence is chosen.
    expect(align.toLive(voteStart)).toBe(live.lastIndexOf('The vote'));
  });

  it('leaves a paragraph the page does not contain unaligned, without losing the others', () => {
    const live = 'The mayor spoke first. The vote is Tuesday.';
    const align = alignArticle(a, live);
    expect(align.aligned).toBe(2);
    expect(align.toLive(a.text.indexOf('Back off'))).toBeNull();
    expect(align.toLive(a.text.indexOf('Tuesday'))).toBe(live.indexOf('Tuesday'));
  });

  it('maps a span that runs over two paragraphs endpoint by endpoint', () => {
    const live = 'x The mayor spoke first. y “Back off,” she said. z';
    const align = alignArticle(a, live);
    const start = align.toLive(a.text.indexOf('spoke'))!;
    const end = align.toLive(a.text.indexOf('she') + 3)!;
    expect(live.slice(start, end)).toBe('spoke first. y “Back off,” she');
  });
});
