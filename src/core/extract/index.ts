/**
 * Page side, DOM only: the article of a page (Readability) and its plain text, the input of the
 * detectors. No extension API and no UI, so it runs in the content script and in Node alike.
 */
export { articleText, joinParagraphs, PARAGRAPH_SEPARATOR } from './article-text';
export { canonicalLang, extractArticle, extractArticleInStages, pageUrl } from './extract-article';
export type { ArticleFacts, ExtractedArticle } from './extract-article';
