/**
 * The search document: what the index knows of one annotation, built from the annotation and its
 * page. It carries everything ranking needs (folded words of each field group, filter values,
 * recency in its key) and what a result shows, so a query never joins other tables. Blocks store
 * only what a result shows (`StoredDoc`); the words are derived again from it (`expandDoc`), by
 * today's tokenizer. The postings were written from the words of their day: a change to how
 * words or filter values are cut (text.ts, `siteValues`, `hostWords`) needs a database version
 * that rebuilds the postings, or an edit would fail to remove the words it no longer derives.
 */
import type { Annotation, PageMeta } from '@/src/core/model';
import { siteOf } from '@/src/core/url';
import { fold, tokenize } from './text';

export interface SearchDoc {
  /**
   * Primary key: minus (creation time × KEY_SLOTS + a slot), so that ascending key order is newest
   * first and candidate keys sort by recency without reading a record. A number, not a string,
   * because every entry of the multi-entry indexes stores the primary key (twice, in Chromium):
   * 9 bytes instead of about 100 make the index several times smaller and faster to read.
   */
  key: number;
  /** The annotation's id. */
  id: string;
  /** `field:value` filter entries (`tag:ice`, `site:nbcchicago.com`, `is:orphan`), posting terms of their own. */
  facets: string[];
  /** Words of the highlight, note and tags: ` w w | w w | w `; field groups apart so phrases stay inside one. */
  body: string;
  /** Words of the page title and site, the same way; matches here rank below matches in `body`. */
  meta: string;
  /** What a result shows, so that answering a search reads nothing but these documents. */
  view: ResultView;
  /**
   * Whether `view.site` is the page's own site name (else its host). With the view, it is all a
   * document is built from: blocks store only these two (`StoredDoc`), and `expandDoc` builds the
   * words and facets again.
   */
  named: boolean;
}

/**
 * What a document block stores of a document: the view and where its site came from. The words
 * and facets are derived from them (`expandDoc`): stored too, they made every document twice the
 * size, for IndexedDB to copy on every write and every read.
 */
export interface StoredDoc {
  key: number;
  id: string;
  view: ResultView;
  named: boolean;
}

/** One search result as the popup shows it: the annotation's text, note and tags, and its page. */
export interface ResultView {
  id: string;
  url: string;
  kind: Annotation['kind'];
  color: Annotation['color'];
  /** The highlighted text. */
  exact: string;
  note: string;
  tags: string[];
  orphan: boolean;
  created: number;
  /** The page's title, when it has one. */
  title?: string;
  /** The page's site name, or its host. */
  site: string;
}

/** The page fields the index reads. */
export type PageFields = Pick<PageMeta, 'title' | 'siteName'> | undefined;

/** Keys per millisecond: annotations created in the same millisecond take different slots. */
export const KEY_SLOTS = 1024;
/** Latest creation time a key can hold exactly (year 2255); later times share its keys. */
const MAX_KEY_TIME = Math.floor(Number.MAX_SAFE_INTEGER / KEY_SLOTS) - 1;

const keyTime = (created: number): number => Math.min(MAX_KEY_TIME, Math.max(0, Math.floor(Number.isFinite(created) ? created : 0)));

/** The key for creation time `created` in slot `slot` (0 ≤ slot < KEY_SLOTS). */
export function searchKey(created: number, slot: number): number {
  return -(keyTime(created) * KEY_SLOTS + slot);
}

/** Whether `key` was made for an annotation created at `created` (whatever its slot). */
export const keyFitsTime = (key: number, created: number): boolean => Math.floor(-key / KEY_SLOTS) === keyTime(created);

/** The slot an annotation tries first: from its id, so equal times rarely collide. */
export function preferredSlot(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return (hash >>> 0) % KEY_SLOTS;
}

/** ` w w | w w ` from groups of words; the leading space lets `includes(' ' + prefix)` find word starts. */
function joinGroups(groups: readonly string[][]): string {
  return ` ${groups.map((g) => g.join(' ')).join(' | ')} `;
}

/** Host, its parent domains (not a bare TLD) and the site's name, each a `site:` filter value. */
export function siteValues(url: string, siteName: string | undefined): string[] {
  const host = siteOf(url).toLowerCase();
  const values = new Set<string>();
  if (host) {
    values.add(host);
    if (!/^[\d.]+$/.test(host) && !host.includes(':')) {
      const labels = host.split('.');
      for (let i = 1; i < labels.length - 1; i++) values.add(labels.slice(i).join('.'));
    }
  }
  const name = siteName ? fold(siteName).replace(/\s+/g, ' ').trim() : '';
  if (name) {
    values.add(name);
    values.add(name.replace(/ /g, ''));
  }
  return [...values];
}

/** The site shown to the reader: the name the page gives, or its host. */
export function siteLabel(url: string, siteName: string | undefined): string {
  return siteName?.trim() || siteOf(url);
}

/** Words of the host worth searching: its labels without the TLD ("www" dropped). */
function hostWords(url: string): string[] {
  const labels = siteOf(url).split('.');
  if (labels.length > 1) labels.pop();
  return labels.flatMap((label) => tokenize(label));
}

/** What a document takes from its page: the same for every annotation of the page. */
interface PageParts {
  meta: string;
  siteFacets: string[];
  title?: string;
  site: string;
}

function pageParts(url: string, page: PageFields): PageParts {
  const title = tokenize(page?.title ?? '');
  const site = [...tokenize(page?.siteName ?? ''), ...hostWords(url)];
  return {
    meta: joinGroups([title, site]),
    siteFacets: siteValues(url, page?.siteName).map((value) => `site:${value}`),
    ...(page?.title ? { title: page.title } : {}),
    site: siteLabel(url, page?.siteName),
  };
}

/**
 * A cache of what documents take from their pages, for building many documents (see
 * `buildSearchDoc`, `expandDoc`): each page's title and site are tokenized once.
 */
export type PagePartsCache = Map<string, PageParts>;

function partsOf(url: string, page: PageFields, cache: PagePartsCache | undefined, cacheKey = url): PageParts {
  let parts = cache?.get(cacheKey);
  if (!parts) {
    parts = pageParts(url, page);
    cache?.set(cacheKey, parts);
  }
  return parts;
}

/** The document of a view: its words and facets, from the view and its page's share. */
function docOfView(key: number, view: ResultView, named: boolean, parts: PageParts): SearchDoc {
  const text = tokenize(view.exact);
  const note = tokenize(view.note);
  const tags = view.tags.flatMap((t) => tokenize(t));
  const facets = new Set<string>([`kind:${view.kind}`, `color:${view.color}`]);
  for (const tag of view.tags) facets.add(`tag:${fold(tag).replace(/\s+/g, ' ').trim()}`);
  for (const value of parts.siteFacets) facets.add(value);
  if (view.orphan) facets.add('is:orphan');
  return { key, id: view.id, facets: [...facets], body: joinGroups([text, note, tags]), meta: parts.meta, view, named };
}

/**
 * The annotation's document, under `key` (by default its preferred key; see search-index.ts for
 * collisions). `cache`, when given, keeps each page's share by URL: use one cache per `page`
 * lookup (the same page fields for a URL).
 */
export function buildSearchDoc(
  a: Annotation,
  page: PageFields,
  key = searchKey(a.created, preferredSlot(a.id)),
  cache?: PagePartsCache,
): SearchDoc {
  const parts = partsOf(a.url, page, cache);
  const view: ResultView = {
    id: a.id,
    url: a.url,
    kind: a.kind,
    color: a.color,
    exact: a.quote.exact,
    note: a.note,
    tags: [...a.tags],
    orphan: a.orphan,
    created: a.created,
    ...(parts.title ? { title: parts.title } : {}),
    site: parts.site,
  };
  return docOfView(key, view, !!page?.siteName?.trim(), parts);
}

/**
 * A stored document whole again: the same document `buildSearchDoc` made. Its page's title and
 * site name are in the view (the site name where `named`). `cache`, when given, keeps each page's
 * share across documents, by URL and those fields: one cache can serve any documents.
 */
export function expandDoc({ key, view, named }: StoredDoc, cache?: PagePartsCache): SearchDoc {
  const page = { title: view.title, siteName: named ? view.site : undefined };
  // Keyed by every field the share is made of; JSON keeps a title with a line break apart from a site.
  const parts = partsOf(view.url, page, cache, cache && JSON.stringify([view.url, view.title ?? null, named ? view.site : null]));
  return docOfView(key, view, named, parts);
}

/** What a block stores of a document. */
export const storedOf = ({ key, id, view, named }: SearchDoc): StoredDoc => ({ key, id, view, named });
