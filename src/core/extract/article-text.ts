/**
 * The plain text of an extracted article, the string every detector reads and every detection
 * offset counts in: one paragraph per block element, paragraphs separated by a blank line.
 * Standard DOM reads only (childNodes, nodeType, localName), so the same code runs on linkedom in
 * Node, happy-dom in tests and the live page in the content script.
 */
import type { ArticleText } from '../detect/types';

/** What separates paragraphs in the text; never occurs inside one. */
export const PARAGRAPH_SEPARATOR = '\n\n';

// Numeric node types, so the module does not need the `Node` global (absent under linkedom).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Elements that start and end a paragraph. Text directly inside one of them (a div holding bare
 * text, a list item) is a paragraph of its own; text inside anything else runs on inline.
 */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose content is never read as article text (code, styles, fallback content). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'audio', 'video', 'select', 'textarea', 'button',
]);

/**
 * A line break inside a paragraph. `<br>` (and a line end in `<pre>`) becomes one "\n", not a
 * space: the lines of an address, a poem or a caption credit stay apart, detectors that match
 * `\s` see ordinary whitespace, and "\n\n" keeps meaning "next paragraph" only (a run of breaks
 * collapses to one; Readability has already turned `<br><br>` runs into paragraphs).
 */
const LINE_BREAK = '\n';

/**
 * The article text of `root`: block elements become paragraphs joined by "\n\n"; inside a
 * paragraph, whitespace runs collapse to one space (no-break spaces included), `<br>` becomes
 * "\n", the ends are trimmed and empty paragraphs dropped. Script, style and `hidden` elements are
 * ignored. `lang` is passed through for language-specific detector rules.
 */
export function articleText(root: Element, lang?: string): ArticleText {
  const paragraphs: string[] = [];
  let pieces: string[] = [];

  const flush = (): void => {
    if (pieces.length === 0) return;
    const text = pieces
      .join('')
      .replace(/ *\n[ \n]*/g, LINE_BREAK)
      .replace(/ {2,}/g, ' ')
      .replace(/^[ \n]+|[ \n]+$/g, '');
    pieces = [];
    if (text) paragraphs.push(text);
  };

  const visit = (node: Node, inPre: boolean): void => {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const data = node.nodeValue ?? '';
      if (inPre) {
        // Keep a preformatted block's line structure; collapse the spacing within each line.
        data.split(/\r\n?|\n/).forEach((line, i) => {
          if (i > 0) pieces.push(LINE_BREAK);
          pieces.push(collapseInline(line));
        });
      } else {
        pieces.push(collapseInline(data));
      }
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return; // comments, processing instructions
    const el = node as Element;
    const name = el.localName.toLowerCase();
    if (SKIPPED.has(name) || el.hasAttribute('hidden')) return;
    if (name === 'br') {
      pieces.push(LINE_BREAK);
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    const pre = inPre || name === 'pre';
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child, pre);
    if (block) flush();
  };

  visit(root, false);
  flush();
  return joinParagraphs(paragraphs, lang);
}

/** Builds the ArticleText for already-made paragraph strings (which must not contain "\n\n"). */
export function joinParagraphs(paragraphs: readonly string[], lang?: string): ArticleText {
  const spans: ArticleText['paragraphs'] = [];
  let offset = 0;
  for (const p of paragraphs) {
    if (spans.length > 0) offset += PARAGRAPH_SEPARATOR.length;
    spans.push({ start: offset, end: offset + p.length });
    offset += p.length;
  }
  const result: ArticleText = { text: paragraphs.join(PARAGRAPH_SEPARATOR), paragraphs: spans };
  if (lang) result.lang = lang;
  return result;
}

/** Every whitespace run (any Unicode space, no-break spaces and source line ends too) → one space. */
function collapseInline(s: string): string {
  return s.replace(/\s+/g, ' ');
}
