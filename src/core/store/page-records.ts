/**
 * Annotations are stored one record per page: the page's URL and its annotations, oldest first
 * (src/background/annotation-store.ts). IndexedDB's cost is per record and per index entry far more
 * than per byte: in Chromium, importing 100,000 annotations as 100,000 records with their indexes
 * took 35–39 s of the browser's CPU outside the extension, 7–9 s as 2,000 page records; the page
 * records alone, written in one transaction, 1.1 s. A page's annotations are what a visit reads, in one request. Pure: editing
 * records and counting tags, no database.
 */
import type { Annotation } from '../model';

export interface PageAnnotations {
  /** The page's normalised URL: the record's key. */
  url: string;
  /** Every annotation saved on the page, by `created` then `id`. */
  annotations: Annotation[];
}

/** Oldest first; equal creation times by id, so that the order is stable. */
export const byCreated = (a: Pick<Annotation, 'created' | 'id'>, b: Pick<Annotation, 'created' | 'id'>): number =>
  a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The page's record after saving `put` (new, or replacing the annotation with the same id) and
 * deleting the ids in `remove`; null once it holds none. `put` must all belong to `url`.
 */
export function editPageRecord(
  saved: PageAnnotations | undefined,
  url: string,
  put: readonly Annotation[],
  remove: Iterable<string> = [],
): PageAnnotations | null {
  const byId = new Map((saved?.annotations ?? []).map((a) => [a.id, a]));
  for (const id of remove) byId.delete(id);
  for (const a of put) {
    if (a.url !== url) throw new Error(`Annotation ${a.id} belongs to ${a.url}, not ${url}.`);
    byId.set(a.id, a);
  }
  if (byId.size === 0) return null;
  return { url, annotations: [...byId.values()].sort(byCreated) };
}

/** How each tag's number of uses changes when annotations go from `before` to `after`. */
export function tagDelta(before: Iterable<Pick<Annotation, 'tags'>>, after: Iterable<Pick<Annotation, 'tags'>>): Map<string, number> {
  const delta = new Map<string, number>();
  for (const a of before) for (const tag of a.tags) delta.set(tag, (delta.get(tag) ?? 0) - 1);
  for (const a of after) for (const tag of a.tags) delta.set(tag, (delta.get(tag) ?? 0) + 1);
  for (const [tag, n] of delta) if (n === 0) delta.delete(tag);
  return delta;
}
