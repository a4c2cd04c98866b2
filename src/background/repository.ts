/**
 * The storage operations behind each background request. Inputs have already passed the schemas,
 * but the limits on user text are checked again here because import (a later issue) will call
 * these functions without going through a message. Each write is one Dexie transaction, so a
 * service worker stopped half-way leaves nothing half-written — the search index included, which
 * is written in the same transaction as the annotation (src/background/search-index.ts).
 */
import { LIMITS, type Annotation, type PageMeta } from '@/src/core/model';
import { normalizeTags } from '@/src/core/tags';
import { normalizeUrl } from '@/src/core/url';
import {
  fail,
  ok,
  type AnnotationPatch,
  type PageInput,
  type ReplyOf,
  type RequestOf,
  type Result,
  type SearchResults,
} from '@/src/messaging/protocol';
import { annotationTables, annotationsOfPage, getAnnotation, pagesOf, tagUses, writeAnnotations } from './annotation-store';
import type { MarginaliaDb } from './db';
import { searchAnnotations } from './search';
import { indexAnnotations, pageIndexChanged, reindexPage, unindexAnnotations } from './search-index';
import { rankTags } from './tag-counts';

/** How many tags `listTags` returns. */
export const TAG_LIST_SIZE = 200;

/** Optional restriction to one page: a content script may touch only its own page's annotations. */
export type PageScope = string | undefined;

export interface Repository {
  create(req: RequestOf<'annotation.create'>): Promise<Result<Annotation>>;
  update(id: string, patch: AnnotationPatch, scope?: PageScope): Promise<Result<Annotation>>;
  remove(id: string, scope?: PageScope): Promise<Result<null>>;
  /** One page's annotations, oldest first. */
  forPage(url: string): Promise<Annotation[]>;
  /** Marks the page's annotations as orphans or anchored; ids of other pages are ignored. */
  reportAnchoring(url: string, orphans: readonly string[], anchored: readonly string[]): Promise<Result<null>>;
  /** Tags in use, most used first. */
  listTags(): Promise<string[]>;
  getPage(url: string): Promise<{ page: PageMeta | null; annotations: Annotation[] }>;
  /** One annotation, or undefined. */
  get(id: string): Promise<Annotation | undefined>;
  /** Searches every annotation as typed (src/core/search/query.ts); the best `limit` first. */
  search(query: string, limit?: number): Promise<SearchResults>;
}

function checkText(note: string | undefined, exact: string): string | null {
  if (exact.length === 0) return 'The quoted text is empty.';
  if (exact.length > LIMITS.quote)
    return `The selection is too long to highlight (${exact.length} characters; the limit is ${LIMITS.quote}).`;
  if (note !== undefined && note.length > LIMITS.note)
    return `The note is too long (${note.length} characters; the limit is ${LIMITS.note}).`;
  return null;
}

/** Page fields come from the page itself: bounded by truncation, empties dropped. */
function pageFields(input: PageInput | undefined): Omit<PageMeta, 'url' | 'updated'> {
  const out: Omit<PageMeta, 'url' | 'updated'> = {};
  if (!input) return out;
  for (const key of ['title', 'byline', 'siteName', 'publishedTime', 'lang'] as const) {
    const value = input[key]?.slice(0, LIMITS.pageField);
    if (value) out[key] = value;
  }
  return out;
}

const notFound = (id: string): Result<never> => fail(`No annotation ${id} on this page.`);

export function createRepository(db: MarginaliaDb, now: () => number = Date.now): Repository {
  const forPage = (url: string): Promise<Annotation[]> => annotationsOfPage(db, url);
  const writeTables = () => [...annotationTables(db), db.pages, db.docBlocks, db.postings];

  return {
    async create({ annotation: a, page }) {
      const url = normalizeUrl(a.url);
      if (url === null) return fail('Annotations can only be saved for http(s) and file pages.');
      const refusal = checkText(a.note, a.quote.exact);
      if (refusal) return fail(refusal);
      const time = now();
      // Built field by field so that nothing but the model's fields is ever stored.
      const record: Annotation = {
        id: a.id,
        url,
        kind: a.kind,
        color: a.color,
        note: a.note ?? '',
        tags: normalizeTags(a.tags ?? []),
        quote: { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        position: { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
        ...(a.speaker ? { speaker: a.speaker.slice(0, LIMITS.pageField) } : {}),
        orphan: false,
        created: time,
        updated: time,
      };
      return db.transaction('rw', writeTables(), async () => {
        // Never over a saved one: a reused id must not overwrite someone else's annotation.
        if ((await pagesOf(db, [record.id])).has(record.id)) return fail('An annotation with this id already exists.');
        await writeAnnotations(db, [record]);
        const previous = await db.pages.get(url);
        const next: PageMeta = { ...previous, ...pageFields(page), url, updated: time };
        await db.pages.put(next);
        // A new title or site name changes what every annotation of the page is found by.
        if (pageIndexChanged(previous, next)) await reindexPage(db, next);
        else await indexAnnotations(db, [record], new Map([[url, next]]));
        return ok(record);
      });
    },

    update(id, patch, scope) {
      if (patch.note !== undefined && patch.note.length > LIMITS.note)
        return Promise.resolve(fail(`The note is too long (${patch.note.length} characters; the limit is ${LIMITS.note}).`));
      return db.transaction('rw', writeTables(), async () => {
        const current = await getAnnotation(db, id, scope);
        if (!current) return notFound(id);
        const next: Annotation = {
          ...current,
          ...(patch.note !== undefined ? { note: patch.note } : {}),
          ...(patch.tags !== undefined ? { tags: normalizeTags(patch.tags) } : {}),
          ...(patch.color !== undefined ? { color: patch.color } : {}),
          // Never earlier than `created`, even if the clock went back.
          updated: Math.max(now(), current.created),
        };
        await writeAnnotations(db, [next]);
        await indexAnnotations(db, [next]);
        return ok(next);
      });
    },

    remove(id, scope) {
      return db.transaction('rw', [...annotationTables(db), db.docBlocks, db.postings], async () => {
        // With a scope, only that page is looked at: an id saved elsewhere is not found there.
        const current = await getAnnotation(db, id, scope);
        if (!current) {
          // Deleting what is already gone succeeds, so a retried delete is harmless.
          if (scope === undefined || !(await pagesOf(db, [id])).has(id)) return ok(null);
          return notFound(id);
        }
        await writeAnnotations(db, [], [current]);
        await unindexAnnotations(db, [current]);
        return ok(null);
      });
    },

    forPage,

    reportAnchoring(url, orphans, anchored) {
      return db.transaction('rw', writeTables(), async () => {
        const orphaned = new Set(orphans);
        const reported = new Set([...orphans, ...anchored]);
        // Only records whose flag really changes are written, and re-indexed (`is:orphan`).
        const changed = (await forPage(url))
          .filter((a) => reported.has(a.id) && a.orphan !== orphaned.has(a.id))
          .map((a) => ({ ...a, orphan: orphaned.has(a.id) }));
        if (!changed.length) return ok(null);
        await writeAnnotations(db, changed);
        await indexAnnotations(db, changed);
        return ok(null);
      });
    },

    async listTags() {
      return rankTags(await tagUses(db), TAG_LIST_SIZE);
    },

    get: (id) => getAnnotation(db, id),

    search: (query, limit) => searchAnnotations(db, query, limit),

    getPage(url) {
      return db.transaction('r', [db.pages, db.pageAnnotations], async () => ({
        page: (await db.pages.get(url)) ?? null,
        annotations: await forPage(url),
      }));
    },
  };
}
