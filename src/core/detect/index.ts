/**
 * The detectors: direct quotations (with who said them) and named officials, found in an
 * article's plain text. Pure functions, text in and spans out, so the content script, the tests
 * and `npm run eval` run the same code.
 */
import { analyse } from './analysis';
import { findOfficials, toDetected } from './officials';
import { attributeQuotes } from './speakers';
import type { ArticleText, DetectedOfficial, DetectedQuote, Detection } from './types';

export type { ArticleText, DetectedOfficial, DetectedQuote, Detection } from './types';

/** Quotations and officials, from one analysis of the article. */
export function detect(article: ArticleText): Detection {
  const a = analyse(article);
  const officials = findOfficials(a);
  return { quotes: attributeQuotes(a, officials), officials: toDetected(a, officials) };
}

/** The direct quotations of the article, each with its kind and speaker. */
export function detectQuotes(article: ArticleText): DetectedQuote[] {
  return detect(article).quotes;
}

/** The named officials of the article, with their role and every mention. */
export function detectOfficials(article: ArticleText): DetectedOfficial[] {
  const a = analyse(article);
  return toDetected(a, findOfficials(a));
}
