/**
 * What `npm run detect` writes for a page: the article text and the detections with their offsets
 * into it, in one fixed JSON shape that other tools (and people) read. Building the record is
 * pure; the CLI only reads files and writes the result.
 */
import type { ArticleText, Detection } from '../detect/types';
import { extractArticle } from '../extract/extract-article';

export interface PageRecord {
  url: string;
  title: string | null;
  lang: string | null;
  text: string;
  quotes: { text: string; speaker: string | null; kind: Detection['quotes'][number]['kind']; start: number; end: number }[];
  officials: { name: string; role: string; mentions: { text: string; start: number; end: number }[] }[];
}

/**
 * The record of one detection. Fields are copied one by one, in the documented order, so that
 * extra fields a detector adds (`speakerSpan`) do not leak into the format.
 */
export function pageRecord(
  page: { url: string; title: string | null; lang: string | null },
  article: ArticleText,
  detection: Detection,
): PageRecord {
  return {
    url: page.url,
    title: page.title,
    lang: page.lang,
    text: article.text,
    quotes: detection.quotes.map((q) => ({ text: q.text, speaker: q.speaker, kind: q.kind, start: q.start, end: q.end })),
    officials: detection.officials.map((o) => ({
      name: o.name,
      role: o.role,
      mentions: o.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end })),
    })),
  };
}

/**
 * Extracts and detects one parsed page. The URL is `url` when given, else the page's canonical or
 * og:url, else `fallbackUrl` (the file's own file:// address). Throws when there is no article.
 */
export function detectPage(
  doc: Document,
  options: { detect: (article: ArticleText) => Detection; url?: string; fallbackUrl: string },
): PageRecord {
  const extracted = extractArticle(doc, options.url);
  if (!extracted) throw new Error('Readability found no article on the page');
  const detection = options.detect(extracted.article);
  return pageRecord(
    { url: extracted.url ?? options.fallbackUrl, title: extracted.title, lang: extracted.lang },
    extracted.article,
    detection,
  );
}
