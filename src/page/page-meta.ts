/** The page's title, byline, site and date, from Readability run on a clone (parse() mutates its input). */
import { Readability } from '@mozilla/readability';
import { siteOf } from '@/src/core/url';
import type { PageInput } from '@/src/messaging/protocol';

const clean = (value: string | null | undefined): string | undefined => {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 1000) : undefined;
};

/** Never throws: a page Readability cannot read still gets its title and site. */
export function extractPageMeta(doc: Document, url: string): PageInput {
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  return {
    url,
    title: clean(article?.title) ?? clean(doc.title),
    byline: clean(article?.byline),
    siteName: clean(article?.siteName) ?? siteOf(url),
    publishedTime: clean(article?.publishedTime),
    lang: clean(article?.lang) ?? clean(doc.documentElement.lang),
  };
}
