/** Reading and seeding the annotations stores (src/background/annotation-store.ts) in tests. */
import type { Annotation } from '@/src/core/model';
import { allAnnotations, annotationTables, countAnnotations, getAnnotation, writeAnnotations } from '@/src/background/annotation-store';
import type { MarginaliaDb } from '@/src/background/db';

/** Every saved annotation, page by page, each page's oldest first. */
export const savedAnnotations = (db: MarginaliaDb): Promise<Annotation[]> => db.transaction('r', annotationTables(db), () => allAnnotations(db));

/** One saved annotation, or undefined. */
export const savedAnnotation = (db: MarginaliaDb, id: string): Promise<Annotation | undefined> =>
  db.transaction('r', annotationTables(db), () => getAnnotation(db, id));

/** How many annotations are saved. */
export const countSaved = (db: MarginaliaDb): Promise<number> => db.transaction('r', annotationTables(db), () => countAnnotations(db));

/** Saves annotations as they are, with no search entries (as an older version's data would be). */
export const addAnnotations = (db: MarginaliaDb, annotations: readonly Annotation[]): Promise<void> =>
  db.transaction('rw', annotationTables(db), () => writeAnnotations(db, annotations));

/** A plain highlight with these fields and placeholder text, for tests of storage. */
export const bareAnnotation = (id: string, url: string, created: number, tags: string[] = []): Annotation => ({
  id,
  url,
  kind: 'highlight',
  color: 'yellow',
  note: '',
  tags,
  quote: { type: 'TextQuoteSelector', exact: 'text', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 4 },
  orphan: false,
  created,
  updated: created,
});
