/**
 * Export and import of annotations, pure: builders for JSON (W3C Web Annotation), CSV and Markdown,
 * file names, and the import's parse and plan. No extension API, no UI, no database: the background
 * feeds in records and writes out files, or applies an import plan in one transaction:
 *
 *   const parsed = parseImport(text);                      // refuse with parsed.message if !ok
 *   const { ids, urls } = importKeys(parsed.items);
 *   db.transaction('rw', db.annotations, db.pages, async () => {
 *     const plan = planImport(parsed.items, await lookUp(ids, urls)); // read inside the transaction
 *     await db.annotations.bulkAdd(plan.add);
 *     await db.annotations.bulkPut(plan.update);
 *     await db.pages.bulkPut(plan.pages);
 *   });
 */
export { annotationSize, chunkEnd, MAX_CHUNK_CHARS, MAX_CHUNK_JSON } from './chunks';
export { CSV_COLUMNS, csvCell, csvChunks, csvWriter, toCsv } from './csv';
export { exportFileName, slugify, type ExportFormat } from './file-name';
export {
  ANNO_CONTEXT,
  EXPORT_CONTEXT,
  FORMAT_VERSION,
  MARGINALIA_NS,
  exportLabel,
  type AnnotationCollectionJson,
  type ExportMeta,
  type ExportScope,
  type WebAnnotationJson,
} from './format';
export type { ImportProblem } from './import-context';
export { MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH, sizeProblem, tooDeepAt } from './json-guard';
export { markdownChunks, toMarkdown } from './markdown';
export { MAX_PROBLEMS_SHOWN, openImport, parseImport, type ImportParse, type ImportReader, type ImportRefusal, type ParseOptions } from './parse-import';
export { importKeys, planImport, type ExistingRecords, type ImportPlan, type SkipReason } from './plan-import';
export { FUTURE_TOLERANCE, type ImportedAnnotation, type PageFields } from './read-annotation';
export { jsonChunks, jsonWriter, toAnnotationCollection, toWebAnnotation } from './web-annotation';
export { exportWriter, type ExportWriter } from './writer';
