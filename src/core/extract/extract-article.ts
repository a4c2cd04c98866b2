/**
 * From a whole page to the article the detectors read: Readability on a clone of the document,
 * its metadata, and the article's plain text. DOM only, no extension API, so the content script
 * and the Node tools (linkedom) extract the same text.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ArticleText } from '../detect/types';
import { runAll, type Staged } from '../stages';
import { articleText } from './article-text';
import { liveContainer, matchClone, type LiveOf } from './live-container';
import { readingCopy } from './reading-copy';

export interface ExtractedArticle {
  /** Readability's title (the document's title when it finds none); not part of `article.text`. */
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  /** BCP 47 tag ("en", "en-GB", "fr"), from the page's markup; null when it does not say. */
  lang: string | null;
  /** `url` when given, else the page's canonical or og:url (absolute http(s) only), else null. */
  url: string | null;
  /** What `isProbablyReaderable` thinks of the page: reported, never used to refuse a page. */
  readerable: boolean;
  /**
   * The article as Readability left it, inside the clone (a document without a browsing
   * context: nothing in it loads or runs). Its text is `article.text`.
   */
  content: Element;
  article: ArticleText;
  /**
   * The page's element holding the whole article (asked for with `locate`), or null when it
   * could not be told: the pipeline then reads the whole page's text.
   */
  container?: Element | null;
}

/**
 * An extraction without Readability's element: what is kept once the text is read. The element
 * belongs to the copy of the page, and holding it would hold that whole copy in memory.
 */
export type ArticleFacts = Omit<ExtractedArticle, 'content'>;

/** What the caller knows or wants beyond the article itself. */
export interface ExtractOptions {
  /** `isProbablyReaderable`'s answer, when already asked. */
  readerable?: boolean;
  /** Find the page's element that holds the article (`container`); costs two lists of the page's elements, taken by the engine. */
  locate?: boolean;
}

/**
 * Extracts the article of `doc`, which is left untouched. Returns null when Readability finds no
 * article. Pass the page's address as `url` when it is known (the content script's location).
 */
export function extractArticle(doc: Document, url?: string, options?: ExtractOptions): ExtractedArticle | null {
  return runAll(extractArticleInStages(doc, url, options));
}

/**
 * `extractArticle` in stages (see ../stages): the readerable check (unless known), the clone,
 * Readability's parse, the article's text. Readability's parse is one synchronous call, the
 * longest stage on most pages; the others are kept apart so that none adds to it.
 */
export function* extractArticleInStages(doc: Document, url?: string, options: ExtractOptions = {}): Staged<ExtractedArticle | null> {
  if (!doc.documentElement) return null; // an empty file parses to a document without a root
  // The content script has already asked, before loading the pipeline: don't walk the page again.
  let readerable = options.readerable;
  if (readerable === undefined) {
    yield 'readerable';
    readerable = isProbablyReaderable(doc);
  }
  // parse() rewrites the document it is given, and the live page must not change: parse a copy.
  yield 'clone';
  const reading = readingCopy(doc);
  if (!reading) return null;
  const { clone } = reading;
  // Now, before Readability moves the copy's nodes around.
  const liveOf: LiveOf | undefined = options.locate ? matchClone(reading.original, reading.copy) : undefined;
  // The serializer hands back Readability's own element instead of an HTML string: no second
  // parse, and none of the page's markup (handlers, image URLs) is ever put into a live document.
  // keepClasses: the text is all we read, so Readability need not walk the article again to strip
  // its class attributes.
  yield 'readability';
  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element, keepClasses: true }).parse();
  const content = parsed?.content;
  if (!parsed || !content) return null;
  yield 'text';
  const lang = canonicalLang(parsed.lang) ?? pageLang(doc);
  return {
    title: text(parsed.title) ?? text(doc.title),
    byline: text(parsed.byline),
    siteName: text(parsed.siteName),
    publishedTime: text(parsed.publishedTime),
    lang,
    url: url ?? pageUrl(doc),
    readerable,
    content,
    article: articleText(content, lang ?? undefined),
    ...(liveOf ? { container: liveContainer(content, liveOf) } : {}),
  };
}

/** The page's own idea of its address: `<link rel=canonical>`, then `og:url`; absolute http(s) only. */
export function pageUrl(doc: Document): string | null {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i][content]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const value = candidate?.trim();
    if (!value) continue;
    try {
      const parsed = new URL(value);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
    } catch {
      // A relative or broken address says nothing reliable without the page's own URL.
    }
  }
  return null;
}

/** The language the page declares when Readability did not report one. */
function pageLang(doc: Document): string | null {
  return (
    canonicalLang(doc.documentElement?.getAttribute('lang')) ??
    canonicalLang(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')) ??
    canonicalLang(doc.querySelector('meta[property="og:locale" i]')?.getAttribute('content'))
  );
}

/** "en_gb" (og:locale style) or "EN-gb" → "en-GB"; the first tag of a list; null when not a tag. */
export function canonicalLang(value: string | null | undefined): string | null {
  const first = value?.split(',')[0]?.trim().replace(/_/g, '-');
  if (!first) return null;
  try {
    return Intl.getCanonicalLocales(first)[0] ?? null;
  } catch {
    return null;
  }
}

/** Readability's fields may be missing, null or blank; all three mean "unknown". */
function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
