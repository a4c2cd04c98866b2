/**
 * The shared first passes over an article, computed once for both detectors: quotation spans,
 * tokens (with sentences), proper-noun chunks and the people they name.
 */
import { chunk, type NameOcc, type OrgOcc } from './names';
import { groupPeople, type People } from './people';
import { findQuotes, type QuoteSpan } from './quote-marks';
import { tokenize, type Token } from './tokens';
import type { ArticleText } from './types';

export interface Analysis {
  text: string;
  lang: string;
  quotes: QuoteSpan[];
  toks: Token[];
  /** Per quote, the token range of its marks and text: [first, last]. */
  quoteToks: [number, number][];
  names: NameOcc[];
  orgs: OrgOcc[];
  people: People;
}

export function analyse(article: ArticleText): Analysis {
  const quotes = findQuotes(article);
  const toks = tokenize(article, quotes);
  const quoteToks: [number, number][] = quotes.map(() => [-1, -1]);
  toks.forEach((t, k) => {
    const range = t.q >= 0 ? quoteToks[t.q] : undefined;
    if (!range) return;
    if (range[0] < 0) range[0] = k;
    range[1] = k;
  });
  const { names, orgs } = chunk(article.text, toks);
  return {
    text: article.text,
    lang: (article.lang ?? '').slice(0, 2).toLowerCase(),
    quotes,
    toks,
    quoteToks,
    names,
    orgs,
    people: groupPeople(toks, names),
  };
}
