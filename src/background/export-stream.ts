/**
 * An export's records, handed out in chunks as the export page asks for them. Everything is read
 * in ONE read transaction (`readExport`), so the file is a consistent snapshot. Since version 9 the
 * annotations are one record per page, so the whole scope is one read of a few thousand records at
 * most; the whole-database export orders them oldest first in memory.
 */
import Dexie from 'dexie';
import type { Annotation, PageMeta } from '@/src/core/model';
import type { ExportScope } from '@/src/core/export';
import type { ExportRequestScope } from '@/src/messaging/protocol';
import type { MarginaliaDb } from './db';
import { readExport } from './export-import';

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
export function openExportStream(db: MarginaliaDb, scope: ExportRequestScope): ExportStream {
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

  const read = readExport(db, scope).then((snapshot) => {
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
