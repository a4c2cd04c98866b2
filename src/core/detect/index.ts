/**
 * The detectors: direct quotations (with who said them) and named officials, found in an
 * article's plain text. Pure functions, text in and spans out, so the content script, the tests
 * and `npm run eval` run the same code.
 */
import { analyse, analyseInStages } from './analysis';
import { findOfficials, toDetected } from './officials';
import { attributeQuotes } from './speakers';
import type { ArticleText, DetectedOfficial, DetectedQuote, Detection } from './types';
import { runAll, type Staged } from '../stages';

export type { ArticleText, DetectedOfficial, DetectedQuote, Detection } from './types';

/** Quotations and officials, from one analysis of the article. */
export function detect(article: ArticleText): Detection {
  return runAll(detectInStages(article));
}

/** `detect` in stages (see ../stages): the analysis (tokens, names), the officials, then the quotations' speakers. */
export function* detectInStages(article: ArticleText): Staged<Detection> {
  const a = yield* analyseInStages(article);
  yield 'officials';
  const officials = findOfficials(a);
  yield 'quotes';
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
