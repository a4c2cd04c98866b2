/**
 * Export and import against the database (issue #5): the pure builders and the import's parse and
 * plan live in src/core/export; this file reads and writes. An export reads annotations and pages
 * in one read transaction. An import is parsed outside any transaction (parsing a large file must
 * not hold IndexedDB open), then planned again and applied in ONE read-write transaction over
 * annotations, pages and the search index: a file is imported whole or not at all, and every
 * imported annotation gets its search entries in the same transaction as the annotation itself.
 */
import Dexie from 'dexie';
import {
  csvChunks,
  exportFileName,
  importKeys,
  jsonChunks,
  markdownChunks,
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
import { fail, ok, type ImportPreview, type RequestOf, type Result } from '@/src/messaging/protocol';
import type { MarginaliaDb } from './db';
import { indexAnnotations, pageIndexChanged, reindexPage } from './search-index';

/** The version recorded as the export's generator; the manifest's version is the package's. */
export const APP_VERSION = '0.1.0';

export interface ExchangeOptions {
  /** The clock, milliseconds since the epoch. */
  now?: number;
  appVersion?: string;
}

/** Reads what the scope covers, in one read transaction: annotations in export order and their pages. */
async function readScope(
  db: MarginaliaDb,
  scope: RequestOf<'export.build'>['scope'],
): Promise<{ annotations: Annotation[]; pages: Map<string, PageMeta> }> {
  return db.transaction('r', db.annotations, db.pages, async () => {
    let annotations: Annotation[];
    if (scope.kind === 'all') annotations = await db.annotations.orderBy('created').toArray();
    else if (scope.kind === 'page')
      annotations = await db.annotations
        .where('[url+created]')
        .between([scope.url, Dexie.minKey], [scope.url, Dexie.maxKey])
        .toArray();
    else {
      // The hits' order (ranked) is kept; ids deleted meanwhile are left out.
      const unique = [...new Set(scope.ids)];
      annotations = (await db.annotations.bulkGet(unique)).filter((a): a is Annotation => a !== undefined);
    }
    const urls = [...new Set(annotations.map((a) => a.url))];
    const found = await db.pages.bulkGet(urls);
    const pages = new Map<string, PageMeta>();
    found.forEach((page) => page && pages.set(page.url, page));
    return { annotations, pages };
  });
}

/** 'export.build': the whole file as one string (the chunk generators joined), and its name. */
export async function buildExport(
  db: MarginaliaDb,
  { format, scope }: RequestOf<'export.build'>,
  { now = Date.now(), appVersion = APP_VERSION }: ExchangeOptions = {},
): Promise<Result<{ fileName: string; text: string }>> {
  const { annotations, pages } = await readScope(db, scope);
  let exportScope: ExportScope;
  if (scope.kind === 'page') exportScope = { kind: 'page', url: scope.url, title: pages.get(scope.url)?.title };
  else if (scope.kind === 'search') exportScope = { kind: 'search', query: scope.query ?? '' };
  else exportScope = { kind: 'all' };
  const meta: ExportMeta = { generated: now, scope: exportScope, appVersion };
  const chunks =
    format === 'json'
      ? jsonChunks(annotations, pages, meta)
      : format === 'csv'
        ? csvChunks(annotations, pages)
        : markdownChunks(annotations, pages, meta);
  return ok({ fileName: exportFileName(format, exportScope, new Date(now)), text: [...chunks].join('') });
}

/** Size check and parse, outside any transaction; a refusal names the first problems. */
function parseFile(text: string, now: number): Result<{ items: ImportedAnnotation[]; warnings: string[] }> {
  if (text.length > MAX_IMPORT_BYTES) return fail(sizeProblem(text.length) ?? 'The file is too large to import.');
  const parsed = parseImport(text, { now });
  return parsed.ok ? ok({ items: parsed.items, warnings: parsed.warnings }) : fail(parsed.message);
}

/** What the database holds for the file's ids and URLs; call inside a transaction over both tables. */
async function lookUp(db: MarginaliaDb, items: readonly ImportedAnnotation[]): Promise<ExistingRecords> {
  const { ids, urls } = importKeys(items);
  const [annotations, pages] = await Promise.all([db.annotations.bulkGet(ids), db.pages.bulkGet(urls)]);
  return {
    annotations: new Map(annotations.filter((a): a is Annotation => !!a).map((a) => [a.id, a])),
    pages: new Map(pages.filter((p): p is PageMeta => !!p).map((p) => [p.url, p])),
  };
}

/** 'import.preview': the plan's counts and summary; writes nothing. */
export async function previewImport(
  db: MarginaliaDb,
  text: string,
  { now = Date.now() }: ExchangeOptions = {},
): Promise<Result<ImportPreview>> {
  const parsed = parseFile(text, now);
  if (!parsed.ok) return parsed;
  const { items, warnings } = parsed.value;
  const plan = await db.transaction('r', db.annotations, db.pages, async () => planImport(items, await lookUp(db, items)));
  return ok({ summary: plan.summary, add: plan.add.length, update: plan.update.length, skip: plan.skip.length, warnings });
}

/** Writes a plan and its search entries; runs inside applyImport's transaction. */
async function applyPlan(db: MarginaliaDb, plan: ImportPlan, existing: ExistingRecords): Promise<void> {
  if (plan.add.length) await db.annotations.bulkAdd(plan.add);
  if (plan.update.length) await db.annotations.bulkPut(plan.update);
  if (plan.pages.length) await db.pages.bulkPut(plan.pages);
  // A saved page that gained a title or site name: every annotation of it is found by those,
  // so the whole page is re-indexed (the imported ones included, as they are already written).
  const reindexed = new Set<string>();
  for (const page of plan.pages) {
    const before = existing.pages.get(page.url);
    if (before && pageIndexChanged(before, page)) {
      await reindexPage(db, page);
      reindexed.add(page.url);
    }
  }
  const pages = new Map<string, PageMeta>();
  for (const page of existing.pages.values()) pages.set(page.url, page);
  for (const page of plan.pages) pages.set(page.url, page);
  await indexAnnotations(
    db,
    [...plan.add, ...plan.update].filter((a) => !reindexed.has(a.url)),
    pages,
  );
}

/** 'import.apply': parse, then plan again and apply in one read-write transaction; all or nothing. */
export async function applyImport(
  db: MarginaliaDb,
  text: string,
  { now = Date.now() }: ExchangeOptions = {},
): Promise<Result<{ summary: string }>> {
  const parsed = parseFile(text, now);
  if (!parsed.ok) return parsed;
  const { items } = parsed.value;
  try {
    const summary = await db.transaction('rw', [db.annotations, db.pages, db.search, db.postings], async () => {
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
