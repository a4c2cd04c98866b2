/**
 * Node only: a DOM for a page's HTML, for the eval and detect tools. linkedom is small and fast
 * and runs no scripts. Never import this from extension code (the browser has its own DOM).
 */
import { parseHTML } from 'linkedom';

/** Parses a whole page; the result is a standard `Document` for `extractArticle`. */
export function parseHtmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
