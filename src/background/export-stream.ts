/**
 * An export's records, read in pages while they are sent. Everything is read in ONE read
 * transaction, so the file is a consistent snapshot; the transaction stays open because each page's
 * request is issued as the previous one completes, and it never waits for the export page (an
 * IndexedDB transaction ends as soon as nothing is pending). The first chunk can go out as soon as
 * the first page is read, instead of after the whole scope (100,000 highlights took about a second
 * and a half to read before the first byte of the file was written).
 */
import Dexie, { type Collection, type InsertType } from 'dexie';
import type { Annotation, PageMeta } from '@/src/core/model';
import type { ExportScope } from '@/src/core/export';
import type { ExportRequestScope } from '@/src/messaging/protocol';
import type { MarginaliaDb } from './db';
import { readExport } from './export-import';

/** Annotations per read request for the whole-database export. */
export const READ_PAGE = 2_000;

/** Annotations in export order, as they are read, with the pages they need. */
export interface ExportStream {
  /** How many annotations the export holds, and its scope as the file states it. */
  header: Promise<{ total: number; scope: ExportScope }>;
  /**
   * Up to `max` further annotations (fewer only at the end, or when `size` reaches `maxChars`),
   * each page of theirs in `pages` by then; an empty list once all have been taken.
   */
  take(max: number, size: (a: Annotation) => number, maxChars: number): Promise<Annotation[]>;
  /** Every page read so far, by URL. */
  pages: ReadonlyMap<string, PageMeta>;
}

/** Starts reading `scope`; a failed read rejects the header or the next `take`. */
export function openExportStream(db: MarginaliaDb, scope: ExportRequestScope, readPage = READ_PAGE): ExportStream {
  const pages = new Map<string, PageMeta>();
  // Batches read and not yet taken; `first` is how many of batches[0] were taken.
  const batches: Annotation[][] = [];
  let first = 0;
  let complete = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  // Waiters are woken outside the read transaction's zone: code awaiting a promise settled inside
  // it would otherwise run as part of that read-only transaction (Dexie follows async code).
  const notify = () =>
    Dexie.ignoreTransaction(() => {
      wake?.();
      wake = null;
    });
  const available = () => batches.reduce((n, b) => n + b.length, 0) - first;

  let announce!: (header: { total: number; scope: ExportScope }) => void;
  let refuse!: (error: unknown) => void;
  const header = new Promise<{ total: number; scope: ExportScope }>((resolve, reject) => {
    announce = (value) => Dexie.ignoreTransaction(() => resolve(value));
    refuse = (error) => Dexie.ignoreTransaction(() => reject(error));
  });
  // Keeps an unobserved rejection from being reported twice; `take` reports it.
  header.catch(() => undefined);

  const publish = (batch: Annotation[]) => {
    if (batch.length) batches.push(batch);
    notify();
  };

  const read =
    scope.kind === 'all'
      ? readAllInPages(db, readPage, pages, announce, publish)
      : readExport(db, scope).then((snapshot) => {
          for (const [url, page] of snapshot.pages) pages.set(url, page);
          announce({ total: snapshot.annotations.length, scope: snapshot.scope });
          publish(snapshot.annotations);
        });
  read.then(
    () => {
      complete = true;
      notify();
    },
    (error: unknown) => {
      failure = error;
      refuse(error);
      notify();
    },
  );

  return {
    header,
    pages,
    async take(max, size, maxChars) {
      while (!failure && !complete && available() < max) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const out: Annotation[] = [];
      let chars = 0;
      while (out.length < max && batches.length) {
        const batch = batches[0]!;
        const a = batch[first]!;
        const next = size(a);
        if (out.length > 0 && chars + next > maxChars) break;
        out.push(a);
        chars += next;
        if (++first === batch.length) {
          batches.shift();
          first = 0;
        }
      }
      return out;
    },
  };
}

/**
 * Every annotation oldest first (by `created`, then id: the index's order), page by page in one
 * read transaction, each page's new pages read with it. A page that ends inside a run of equal
 * creation times is cut before the run, which the next page starts with; a run longer than a page
 * is read whole.
 */
function readAllInPages(
  db: MarginaliaDb,
  size: number,
  pages: Map<string, PageMeta>,
  announce: (header: { total: number; scope: ExportScope }) => void,
  publish: (batch: Annotation[]) => void,
): Promise<void> {
  return db.transaction('r', db.annotations, db.pages, async () => {
    announce({ total: await db.annotations.count(), scope: { kind: 'all' } });
    const looked = new Set<string>();
    // Where the next page starts: at `created` (inclusive), or after it.
    let lower: { created: number; after: boolean } | null = null;
    for (;;) {
      const where = db.annotations.where('created');
      const range: Collection<Annotation, string, InsertType<Annotation, 'id'>> = lower === null ? db.annotations.orderBy('created') : lower.after ? where.above(lower.created) : where.aboveOrEqual(lower.created);
      let batch: Annotation[] = await range.limit(size).toArray();
      const full = batch.length === size;
      if (full) {
        const last = batch[batch.length - 1]!.created;
        let cut = batch.length;
        while (cut > 0 && batch[cut - 1]!.created === last) cut--;
        if (cut > 0) {
          batch = batch.slice(0, cut);
          lower = { created: last, after: false };
        } else {
          batch = await db.annotations.where('created').equals(last).toArray();
          lower = { created: last, after: true };
        }
      }
      const urls = [...new Set(batch.map((a) => a.url))].filter((url) => !looked.has(url));
      for (const url of urls) looked.add(url);
      if (urls.length) for (const page of await db.pages.bulkGet(urls)) if (page) pages.set(page.url, page);
      publish(batch);
      if (!full) return;
    }
  });
}
