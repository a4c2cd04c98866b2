/** The page's title, byline, site and date for the `pages` table, from Readability's extraction. */
import type { ArticleFacts } from '@/src/core/extract';
import { siteOf } from '@/src/core/url';
import type { PageInput } from '@/src/messaging/protocol';
import type { PipelineBundle } from './auto/pipeline-bundle';
import { loadBundle } from './lazy-bundle';

const clean = (value: string | null | undefined): string | undefined => {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 1000) : undefined;
};

/** Maps an extraction (or none) to page metadata; the document's title and host fill the gaps. */
export function metaFrom(doc: Document, url: string, article: ArticleFacts | null): PageInput {
  return {
    url,
    title: clean(article?.title) ?? clean(doc.title),
    byline: clean(article?.byline),
    siteName: clean(article?.siteName) ?? siteOf(url),
    publishedTime: clean(article?.publishedTime),
    lang: clean(article?.lang) ?? clean(doc.documentElement.lang),
  };
}

/**
 * Never throws: a page Readability cannot read still gets its title and site. Pass the
 * automatic-highlight pipeline's extraction when there is one, so Readability runs once.
 */
export async function extractPageMeta(doc: Document, url: string, extracted?: ArticleFacts): Promise<PageInput> {
  if (extracted) return metaFrom(doc, url, extracted);
  try {
    const { extractArticle } = await loadBundle<PipelineBundle>('auto');
    return metaFrom(doc, url, extractArticle(doc, url));
  } catch {
    return metaFrom(doc, url, null);
  }
}
