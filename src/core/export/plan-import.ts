/**
 * Decides what an import will do, without doing it: which annotations are new, which replace an
 * older saved copy, which are skipped and why, and which page records to write. Pure, so the
 * background can show the plan first and then, in one transaction, read the same records again,
 * plan again and apply exactly `add` (bulkAdd), `update` and `pages` (bulkPut) — or nothing.
 */
import type { Annotation, PageMeta } from '../model';
import { PAGE_FIELDS } from './format';
import type { ImportedAnnotation, PageFields } from './read-annotation';

/** What the database already holds for the ids and URLs in the file (see `importKeys`). */
export interface ExistingRecords {
  annotations: ReadonlyMap<string, Pick<Annotation, 'updated' | 'url'>>;
  pages: ReadonlyMap<string, PageMeta>;
}

export type SkipReason = 'unchanged' | 'older' | 'duplicate' | 'other-page';

export interface ImportPlan {
  add: Annotation[];
  update: Annotation[];
  skip: { id: string; reason: SkipReason }[];
  /** Page records to put: new pages, and saved ones with fields the file fills in. */
  pages: PageMeta[];
  /** For the reader, e.g. "1,204 new, 37 updated, 3 skipped: 3 unchanged." */
  summary: string;
}

const REASONS: Record<SkipReason, string> = {
  unchanged: 'unchanged',
  older: 'older than the saved copy',
  duplicate: 'repeated in the file',
  'other-page': 'saved for another page under the same id',
};

/** The ids and page URLs to look up before planning (e.g. with Dexie's bulkGet). */
export function importKeys(items: readonly ImportedAnnotation[]): { ids: string[]; urls: string[] } {
  return {
    ids: [...new Set(items.map((i) => i.annotation.id))],
    urls: [...new Set(items.map((i) => i.annotation.url))],
  };
}

/**
 * Matching is by id. The newer `updated` wins; equal is unchanged. An id already saved for another
 * page is never overwritten: that is a collision, not an edit. Page metadata fills only fields a
 * saved page lacks, since the reader's own visits describe the page better than a file does.
 */
export function planImport(items: readonly ImportedAnnotation[], existing: ExistingRecords): ImportPlan {
  const skip: ImportPlan['skip'] = [];
  // The newest copy of each id in the file; on a tie the first one stays.
  const newest = new Map<string, ImportedAnnotation>();
  for (const item of items) {
    const { id } = item.annotation;
    const seen = newest.get(id);
    if (seen && seen.annotation.updated >= item.annotation.updated) skip.push({ id, reason: 'duplicate' });
    else {
      if (seen) skip.push({ id, reason: 'duplicate' });
      newest.set(id, item);
    }
  }

  const add: Annotation[] = [];
  const update: Annotation[] = [];
  const pageFields = new Map<string, { fields: PageFields; updated: number }>();
  for (const item of newest.values()) {
    const a = item.annotation;
    const saved = existing.annotations.get(a.id);
    if (saved && saved.url !== a.url) skip.push({ id: a.id, reason: 'other-page' });
    else if (saved && saved.updated === a.updated) skip.push({ id: a.id, reason: 'unchanged' });
    else if (saved && saved.updated > a.updated) skip.push({ id: a.id, reason: 'older' });
    else {
      (saved ? update : add).push(a);
      const page = pageFields.get(a.url) ?? { fields: {}, updated: 0 };
      // The first annotation that carries a field gives it; ours carry the same page on each.
      for (const key of PAGE_FIELDS) if (!page.fields[key] && item.page?.[key]) page.fields[key] = item.page[key];
      page.updated = Math.max(page.updated, a.updated);
      pageFields.set(a.url, page);
    }
  }

  const pages: PageMeta[] = [];
  for (const [url, { fields, updated }] of pageFields) {
    const saved = existing.pages.get(url);
    if (!saved) {
      pages.push({ url, ...fields, updated });
      continue;
    }
    const missing = PAGE_FIELDS.filter((key) => !saved[key] && fields[key]);
    if (missing.length === 0) continue;
    const next: PageMeta = { ...saved, updated: Math.max(saved.updated, updated) };
    for (const key of missing) next[key] = fields[key];
    pages.push(next);
  }

  return { add, update, skip, pages, summary: summarize(add.length, update.length, skip) };
}

function summarize(added: number, updated: number, skip: ImportPlan['skip']): string {
  const n = (count: number) => count.toLocaleString('en-US');
  if (added + updated + skip.length === 0) return 'The file holds no annotations: nothing to import.';
  const head = `${n(added)} new, ${n(updated)} updated, ${n(skip.length)} skipped`;
  if (skip.length === 0) return `${head}.`;
  const counts = new Map<SkipReason, number>();
  for (const { reason } of skip) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const reasons = (Object.keys(REASONS) as SkipReason[])
    .filter((reason) => counts.has(reason))
    .map((reason) => `${n(counts.get(reason)!)} ${REASONS[reason]}`);
  return `${head}: ${reasons.join(', ')}.`;
}
