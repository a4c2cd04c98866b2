/**
 * Makes user text (notes, quotes, titles, tags) literal in Markdown, so that a note pasted into a
 * note-taking app shows as written and cannot turn into a link, an image, raw HTML, a heading or a
 * list. Covers CommonMark and the GFM additions (tables, strikethrough, autolinks by `<`), plus
 * `#` everywhere because Obsidian reads `#word` as a tag.
 */

// Backslash-escapable in CommonMark (any ASCII punctuation is), chosen as the characters that
// start markup anywhere in a line. `(`, `)` and `!` only matter after `[` or before `[`, and `[`
// is escaped, so they are left alone to keep the text readable.
const INLINE = /[\\`*_[\]<>#|~]/g;
// An entity such as `&copy;` or `&#60;` would be decoded; a bare `&` (AT&T) is left as it is.
const ENTITY = /&(?=#?[a-z0-9]+;)/gi;
// Markers that only count at the start of a line: list bullets, setext underlines, ordered lists.
const LINE_START = /^([-+=])/;
const ORDERED = /^(\d{1,9})([.)])/;

/** Text literal in Markdown inside a line that starts with our own markup (`## `, `Tags: `). */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(INLINE, '\\$&').replace(ENTITY, '\\&');
}

/** One line of text that starts a Markdown line (or a line of a blockquote), literal. */
export function escapeMarkdownLine(line: string): string {
  // Leading whitespace is dropped: four spaces would start a code block.
  return line
    .replace(/^[ \t]+/, '')
    .replace(INLINE, '\\$&')
    .replace(ENTITY, '\\&')
    .replace(LINE_START, '\\$1')
    .replace(ORDERED, '$1\\$2');
}

/** Text that may span lines, each line escaped; `\r\n` and `\r` count as line breaks. */
export function escapeMarkdownLines(text: string): string[] {
  return text.split(/\r\n?|\n/).map(escapeMarkdownLine);
}
