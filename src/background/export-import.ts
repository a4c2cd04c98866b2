/**
 * Export and import against the database (issue #5): the pure builders and the import's parse and
 * plan live in src/core/export; this file reads and writes. An export reads annotations and pages
 * in one read transaction (a consistent snapshot, handed out in chunks by exchange-port.ts). An
 * import is planned from annotations already parsed and checked, then planned again and applied
 * in ONE read-write transaction over annotations, pages and the search index: an import is applied
 * whole or not at all, and every imported annotation gets its search entries in the same
 * transaction as the annotation itself.
 */
import Dexie from 'dexie';
import {
  exportFileName,
  exportWriter,
  importKeys,
  MAX_IMPORT_BYTES,
  parseImport,
  planImport,
  sizeProblem,
  type ExistingRecords,
  type ExportMeta,
  type ExportScope,
  type ImportedAnnotation,
  type ImportPlan,
} from '@/src/core/export';
import type { Annotation, PageMeta } from '@/src/core/model';
import { fail, ok, type ExportFileFormat, type ExportRequestScope, type ImportPreview, type Result } from '@/src/messaging/protocol';
import { allAnnotations, annotationsById, annotationsOfPage, annotationTables, writeAnnotations } from './annotation-store';
import type { MarginaliaDb } from './db';
import { planIndex, writeIndex } from './import-index';
import { issueWrites } from './raw-writes';
import { savedOf } from './saved-of';
import { searchAnnotations } from './search';
import { pageIndexChanged } from './search-index';

export interface ExchangeOptions {
  /** The clock, milliseconds since the epoch. */
  now?: number;
  /** The extension's version, recorded as the export's generator (the manifest's, in the background). */
  appVersion?: string;
}

/** What an export covers, read in one transaction: annotations in export order and their pages. */
export interface ExportSnapshot {
  annotations: Annotation[];
  pages: Map<string, PageMeta>;
  /** The scope as the file states it (with the page's title, or the query). */
  scope: ExportScope;
}

/**
 * Reads the scope in one read transaction. Search results are every annotation the query matches,
 * in the search's ranked order, not only the hits a popup has loaded: the search runs here without
 * a limit, inside the same transaction, so the ids and the records agree.
 */
export async function readExport(db: MarginaliaDb, scope: ExportRequestScope): Promise<ExportSnapshot> {
  return db.transaction('r', [...annotationTables(db), db.pages, db.docBlocks, db.postings], async () => {
    let annotations: Annotation[];
    if (scope.kind === 'all') annotations = await allAnnotations(db);
    else if (scope.kind === 'page') annotations = await annotationsOfPage(db, scope.url);
    else {
      const { hits } = await searchAnnotations(db, scope.query, Infinity);
      // Ids of documents whose annotation is gone (there should be none) are left out.
      const found = await annotationsById(db, hits.map((h) => h.id));
      annotations = hits.flatMap((h) => found.get(h.id) ?? []);
    }
    const urls = [...new Set(annotations.map((a) => a.url))];
    const found = await db.pages.bulkGet(urls);
    const pages = new Map<string, PageMeta>();
    found.forEach((page) => page && pages.set(page.url, page));
    let exportScope: ExportScope;
    if (scope.kind === 'page') exportScope = { kind: 'page', url: scope.url, title: pages.get(scope.url)?.title };
    else if (scope.kind === 'search') exportScope = { kind: 'search', query: scope.query };
    else exportScope = { kind: 'all' };
    return { annotations, pages, scope: exportScope };
  });
}

/** The whole file as one string, for small exports and tests; the export page writes it in chunks. */
export async function buildExport(
  db: MarginaliaDb,
  { format, scope }: { format: ExportFileFormat; scope: ExportRequestScope },
  { now = Date.now(), appVersion = 'test' }: ExchangeOptions = {},
): Promise<Result<{ fileName: string; text: string }>> {
  const snapshot = await readExport(db, scope);
  const meta: ExportMeta = { generated: now, scope: snapshot.scope, appVersion };
  const writer = exportWriter(format, snapshot.annotations.length, meta);
  const text = [...writer.write(snapshot.annotations, snapshot.pages), ...writer.end()].join('');
  return ok({ fileName: exportFileName(format, snapshot.scope, new Date(now)), text });
}

/** Size check and parse, outside any transaction; a refusal names the first problems. */
function parseFile(text: string, now: number): Result<{ items: ImportedAnnotation[]; warnings: string[] }> {
  if (text.length > MAX_IMPORT_BYTES) return fail(sizeProblem(text.length) ?? 'The file is too large to import.');
  const parsed = parseImport(text, { now });
  return parsed.ok ? ok({ items: parsed.items, warnings: parsed.warnings }) : fail(parsed.message);
}

/** What the database holds for an import: the saved annotations whole (their creation time locates their documents). */
interface SavedRecords extends ExistingRecords {
  annotations: ReadonlyMap<string, Annotation>;
}

/** What the database holds for the file's ids and URLs; call inside a transaction over both tables. */
async function lookUp(db: MarginaliaDb, items: readonly ImportedAnnotation[]): Promise<SavedRecords> {
  const { ids, urls } = importKeys(items);
  const [annotations, pages] = await Promise.all([annotationsById(db, ids), savedOf(db.pages, urls)]);
  return { annotations, pages: new Map(pages.filter((p): p is PageMeta => !!p).map((p) => [p.url, p])) };
}

/** The plan's counts and summary for checked annotations; writes nothing. */
export async function previewItems(db: MarginaliaDb, items: readonly ImportedAnnotation[]): Promise<Omit<ImportPreview, 'warnings'>> {
  const plan = await db.transaction('r', [...annotationTables(db), db.pages], async () => planImport(items, await lookUp(db, items)));
  return { summary: plan.summary, add: plan.add.length, update: plan.update.length, skip: plan.skip.length };
}

/**
 * Writes a plan and its search entries; runs inside applyItems' transaction. Everything is read
 * and worked out first, then every write is issued at once (raw-writes.ts): a read issued after
 * the writes would wait for all of them.
 */
async function applyPlan(db: MarginaliaDb, plan: ImportPlan, existing: SavedRecords): Promise<void> {
  const pages = new Map<string, PageMeta>();
  for (const page of existing.pages.values()) pages.set(page.url, page);
  for (const page of plan.pages) pages.set(page.url, page);
  // A saved page that gained a title or site name: every annotation of it is found by those,
  // so the whole page is re-indexed, its saved annotations as the import leaves them.
  const reindexed = plan.pages.filter((page) => {
    const before = existing.pages.get(page.url);
    return before !== undefined && pageIndexChanged(before, page);
  });
  const toIndex = new Map<string, Annotation>();
  const onPages = await Dexie.Promise.all(reindexed.map((p) => annotationsOfPage(db, p.url)));
  for (const a of onPages.flat()) toIndex.set(a.id, a);
  for (const a of plan.add) toIndex.set(a.id, a);
  for (const a of plan.update) toIndex.set(a.id, a);
  // An update may move an annotation to another creation time: its saved documents lie under the old one.
  const before = new Map(plan.update.flatMap((a) => {
    const saved = existing.annotations.get(a.id);
    return saved && saved.created !== a.created ? [[a.id, saved.created] as const] : [];
  }));
  const index = await planIndex(db, [...toIndex.values()], pages, before);
  // Issued in this order, the annotations are being written while the postings are merged.
  const records = [writeAnnotations(db, [...plan.add, ...plan.update]), issueWrites(db.pages, 'put', plan.pages)];
  await Dexie.Promise.all([...records, writeIndex(db, index)]);
}

/** Plans checked annotations again and applies them in one read-write transaction; all or nothing. */
export async function applyItems(db: MarginaliaDb, items: readonly ImportedAnnotation[]): Promise<Result<{ summary: string }>> {
  try {
    const summary = await db.transaction('rw', [...annotationTables(db), db.pages, db.docBlocks, db.postings], async () => {
      // Planned again inside the transaction: the database may have changed since the preview.
      const existing = await lookUp(db, items);
      const plan = planImport(items, existing);
      await applyPlan(db, plan, existing);
      return plan.summary;
    });
    return ok({ summary: `Imported: ${summary}` });
  } catch (error: unknown) {
    console.error('[marginalia] import failed:', error);
    const message = error instanceof Error ? error.message : String(error);
    return fail(`The import failed and nothing was changed: ${message}`);
  }
}

/** A file's text: parse, then the plan's counts; writes nothing. For tests and small files. */
export async function previewImport(
  db: MarginaliaDb,
  text: string,
  { now = Date.now() }: ExchangeOptions = {},
): Promise<Result<ImportPreview>> {
  const parsed = parseFile(text, now);
  if (!parsed.ok) return parsed;
  return ok({ ...(await previewItems(db, parsed.value.items)), warnings: parsed.value.warnings });
}

/** A file's text: parse, then apply in one transaction. For tests and small files. */
export async function applyImport(
  db: MarginaliaDb,
  text: string,
  { now = Date.now() }: ExchangeOptions = {},
): Promise<Result<{ summary: string }>> {
  const parsed = parseFile(text, now);
  if (!parsed.ok) return parsed;
  return applyItems(db, parsed.value.items);
}
