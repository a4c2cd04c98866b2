/**
 * The shared first passes over an article, computed once for both detectors: quotation spans,
 * tokens (with sentences), proper-noun chunks and the people they name.
 */
import { set } from './lexicon/words';
import { chunk, type NameOcc, type OrgOcc } from './names';
import { groupPeople, type People } from './people';
import { findQuotes, type QuoteSpan } from './quote-marks';
import { lowerCased, tokenize, type Token } from './tokens';
import type { ArticleText } from './types';
import { runAll, type Staged } from '../stages';

export interface Analysis {
  text: string;
  /** The text lower-cased (tokens.ts: lowerCased), or null where parts must be lower-cased alone. */
  lower: string | null;
  paragraphs: ArticleText['paragraphs'];
  lang: string;
  quotes: QuoteSpan[];
  toks: Token[];
  /** Per quote, the token range of its marks and text: [first, last]. */
  quoteToks: [number, number][];
  names: NameOcc[];
  orgs: OrgOcc[];
  people: People;
}

export function analyse(input: ArticleText): Analysis {
  return runAll(analyseInStages(input));
}

/** `analyse` in stages (see ../stages): quotation marks and tokens, then names and people. */
export function* analyseInStages(input: ArticleText): Staged<Analysis> {
  yield 'tokens';
  const article = input.paragraphs.length > 0 || !input.text ? input : withParagraphs(input);
  const quotes = findQuotes(article);
  const lower = lowerCased(article.text);
  const toks = tokenize(article, quotes, lower);
  const quoteToks: [number, number][] = quotes.map(() => [-1, -1]);
  for (let k = 0; k < toks.length; k++) {
    const q = toks[k]!.q;
    const range = q >= 0 ? quoteToks[q] : undefined;
    if (!range) continue;
    if (range[0] < 0) range[0] = k;
    range[1] = k;
  }
  yield 'names';
  const { names, orgs } = chunk(article.text, toks);
  return {
    text: article.text,
    lower,
    paragraphs: article.paragraphs,
    lang: (article.lang ?? '').slice(0, 2).toLowerCase() || guessLang(toks),
    quotes,
    toks,
    quoteToks,
    names,
    orgs,
    people: groupPeople(toks, names),
  };
}

/** A text given without paragraph offsets: its paragraphs are what blank lines separate. */
function withParagraphs(article: ArticleText): ArticleText {
  const paragraphs: ArticleText['paragraphs'] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/gu;
  for (const m of article.text.matchAll(re)) paragraphs.push({ start: m.index, end: m.index + m[0].length });
  return { ...article, paragraphs };
}

/** Each language's commonest words: enough to tell them apart when the page does not say. */
const COMMON: [string, Set<string>][] = [
  ['en', set('the and of to is was')],
  ['fr', set('le les et des est une')],
  ['de', set('der die und das ist nicht')],
  ['es', set('el los y las del una')],
  ['pt', set('os não uma é do da')],
];

/** The language whose common words the article uses most ('' when it uses none). */
function guessLang(toks: readonly Token[]): string {
  const counts = COMMON.map(() => 0);
  for (const t of toks) COMMON.forEach(([, words], n) => words.has(t.w) && counts[n]!++);
  const best = Math.max(...counts);
  return best > 0 ? COMMON[counts.indexOf(best)]![0] : '';
}
