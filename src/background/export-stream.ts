/**
 * An export's records, read in parts while they are sent. Everything is read in ONE read
 * transaction, so the file is a consistent snapshot; the transaction stays open because each part's
 * request is issued as the previous one completes, and it never waits for the export page (an
 * IndexedDB transaction ends as soon as nothing is pending). The whole-database export goes page by
 * page (by URL, each page's annotations oldest first, as they are stored), READ_PAGES pages a part,
 * so the first chunk goes out as soon as the first part is read instead of after the whole scope.
 */
import Dexie from 'dexie';
import type { Annotation, PageMeta } from '@/src/core/model';
import type { ExportScope } from '@/src/core/export';
import type { ExportRequestScope } from '@/src/messaging/protocol';
import { annotationTables, countAnnotations, pageRecordsAfter } from './annotation-store';
import type { MarginaliaDb } from './db';
import { readExport } from './export-import';

/** Pages' records per read request for the whole-database export (some 50 annotations each at 100,000). */
export const READ_PAGES = 100;

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
export function openExportStream(db: MarginaliaDb, scope: ExportRequestScope, readPages = READ_PAGES): ExportStream {
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
      ? readAllInParts(db, readPages, pages, announce, publish)
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

/** Every annotation in `allAnnotations`' order, `size` pages' records a part, each part's page metadata read with it. */
function readAllInParts(
  db: MarginaliaDb,
  size: number,
  pages: Map<string, PageMeta>,
  announce: (header: { total: number; scope: ExportScope }) => void,
  publish: (batch: Annotation[]) => void,
): Promise<void> {
  return db.transaction('r', [...annotationTables(db), db.pages], async () => {
    announce({ total: await countAnnotations(db), scope: { kind: 'all' } });
    let after: string | undefined;
    for (;;) {
      const records = await pageRecordsAfter(db, after, size);
      if (!records.length) return;
      after = records[records.length - 1]!.url;
      for (const page of await db.pages.bulkGet(records.map((r) => r.url))) if (page) pages.set(page.url, page);
      publish(records.flatMap((r) => r.annotations));
      if (records.length < size) return;
    }
  });
}
