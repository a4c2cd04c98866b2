/**
 * The Markdown export, for note-taking apps: one section per page (title as heading, link, site,
 * date, byline), each highlight as a blockquote followed by its note and tags. All user and page
 * text goes through markdown-escape.ts; the only markup in the file is the one written here.
 */
import type { Annotation, PageMeta } from '../model';
import { siteOf } from '../url';
import { exportLabel, type ExportMeta } from './format';
import { escapeMarkdownInline, escapeMarkdownLines } from './markdown-escape';
import { TAG_SEPARATOR } from './csv';

/** An autolink is written only for a URL that cannot break out of `<…>`. */
const LINKABLE = /^(https?|file):\/\/[^\s<>\\]*$/;

/**
 * The Markdown file in pieces: a header, then one piece per page. Pages keep the order in which
 * they first appear in `annotations` (so search results stay ranked); within a page, highlights
 * follow reading order.
 */
export function* markdownChunks(
  annotations: readonly Annotation[],
  pages: ReadonlyMap<string, PageMeta>,
  meta: ExportMeta,
): Generator<string, void, undefined> {
  const byPage = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = byPage.get(a.url);
    if (list) list.push(a);
    else byPage.set(a.url, [a]);
  }
  const when = new Date(meta.generated).toISOString().slice(0, 16).replace('T', ' ');
  yield [
    `# ${escapeMarkdownInline(exportLabel(meta))}`,
    '',
    `Exported ${when} UTC · ${count(annotations.length, 'highlight')} on ${count(byPage.size, 'page')}`,
    '',
    '',
  ].join('\n');
  for (const [url, list] of byPage) {
    list.sort((x, y) => x.position.start - y.position.start || x.created - y.created);
    yield pageSection(url, pages.get(url), list);
  }
}

/** The whole Markdown file as one string. */
export function toMarkdown(
  annotations: readonly Annotation[],
  pages: ReadonlyMap<string, PageMeta>,
  meta: ExportMeta,
): string {
  return [...markdownChunks(annotations, pages, meta)].join('');
}

function pageSection(url: string, page: PageMeta | undefined, list: readonly Annotation[]): string {
  const site = page?.siteName || siteOf(url);
  const heading = page?.title || site || url;
  const link = LINKABLE.test(url) ? `<${url}>` : escapeMarkdownInline(url);
  const details = [site, page?.publishedTime, page?.byline]
    .filter((part): part is string => Boolean(part))
    .map(escapeMarkdownInline);
  const out = [`## ${escapeMarkdownInline(heading)}`, '', [link, ...details].join(' · '), ''];
  for (const a of list) out.push(...highlight(a));
  return out.join('\n') + '\n';
}

function highlight(a: Annotation): string[] {
  const out = escapeMarkdownLines(a.quote.exact).map((line) => (line ? `> ${line}` : '>'));
  out.push('');
  if (a.speaker) out.push(`— ${escapeMarkdownInline(a.speaker)}`, '');
  if (a.note.trim()) out.push(...escapeMarkdownLines(a.note.trim()), '');
  if (a.tags.length > 0) out.push(`Tags: ${a.tags.map(escapeMarkdownInline).join(TAG_SEPARATOR)}`, '');
  return out;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
