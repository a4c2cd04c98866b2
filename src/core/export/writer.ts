/**
 * Export files written batch by batch. An export page receives the annotations from the background
 * a chunk at a time (one runtime message cannot carry 100,000 of them) and turns each chunk into
 * pieces of the file at once, so it never holds every record and the whole text together.
 */
import type { Annotation, PageMeta } from '../model';
import { csvWriter } from './csv';
import type { ExportFormat } from './file-name';
import type { ExportMeta } from './format';
import { markdownChunks } from './markdown';
import { jsonWriter } from './web-annotation';

export interface ExportWriter {
  /** Pieces of the file for the next annotations, in export order; `pages` holds their pages. */
  write(batch: readonly Annotation[], pages: ReadonlyMap<string, PageMeta>): Iterable<string>;
  /** The pieces that close the file; throws if fewer or more annotations came than announced. */
  end(): Iterable<string>;
}

/**
 * The writer for a format. `total` is the number of annotations the batches will hold (the JSON
 * header states it). Markdown groups highlights by page, so its writer keeps the batches and
 * writes the file at the end; JSON and CSV write as they go.
 */
export function exportWriter(format: ExportFormat, total: number, meta: ExportMeta): ExportWriter {
  if (format === 'json') return jsonWriter(total, meta);
  if (format === 'csv') return csvWriter();
  const kept: Annotation[] = [];
  const pages = new Map<string, PageMeta>();
  return {
    write(batch, batchPages) {
      for (const a of batch) {
        kept.push(a);
        const page = batchPages.get(a.url);
        if (page) pages.set(a.url, page);
      }
      return [];
    },
    end: () => markdownChunks(kept, pages, meta),
  };
}
