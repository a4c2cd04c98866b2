/**
 * The CSV export: one row per highlight, RFC 4180 (CRLF line ends, fields quoted when they hold a
 * comma, quote or line break), UTF-8 with a byte order mark because Excel reads BOM-less CSV in the
 * local code page and garbles accents. Cells that a spreadsheet would run as a formula are defused.
 */
import type { Annotation, PageMeta } from '../model';
import { siteOf } from '../url';
import { toIso } from './iso-time';
import type { ExportWriter } from './writer';

export const CSV_COLUMNS = [
  'url',
  'title',
  'site',
  'published',
  'exact',
  'prefix',
  'suffix',
  'note',
  'tags',
  'colour',
  'kind',
  'speaker',
  'created',
  'updated',
] as const;

/** Joins tags in one cell; a comma because the tag editor splits typed text on commas too. */
export const TAG_SEPARATOR = ', ';

const BOM = '\uFEFF';
const EOL = '\r\n';

// A cell starting with one of these is read as a formula (or DDE call) by Excel, LibreOffice and
// Google Sheets; OWASP's advice is to make it text with a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, defused and quoted as needed. */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(a: Annotation, page: PageMeta | undefined): string {
  const cells: string[] = [
    a.url,
    page?.title ?? '',
    page?.siteName || siteOf(a.url),
    page?.publishedTime ?? '',
    a.quote.exact,
    a.quote.prefix,
    a.quote.suffix,
    a.note,
    a.tags.join(TAG_SEPARATOR),
    a.color,
    a.kind,
    a.speaker ?? '',
    toIso(a.created),
    toIso(a.updated),
  ];
  return cells.map(csvCell).join(',') + EOL;
}

/** The CSV file in pieces of up to `perChunk` rows; the first piece starts with the BOM and header. */
export function* csvChunks(
  annotations: readonly Annotation[],
  pages: ReadonlyMap<string, PageMeta>,
  perChunk = 1000,
): Generator<string, void, undefined> {
  const writer = csvWriter(perChunk);
  yield* writer.write(annotations, pages);
  yield* writer.end();
}

/** Writes the CSV file as annotations arrive in batches; the same pieces as `csvChunks`. */
export function csvWriter(perChunk = 1000): ExportWriter {
  let started = false;
  const header = function* () {
    if (started) return;
    started = true;
    yield BOM + CSV_COLUMNS.join(',') + EOL;
  };
  return {
    *write(batch, pages) {
      yield* header();
      for (let start = 0; start < batch.length; start += perChunk) {
        const end = Math.min(start + perChunk, batch.length);
        const rows: string[] = [];
        for (let i = start; i < end; i++) {
          const a = batch[i]!;
          rows.push(row(a, pages.get(a.url)));
        }
        yield rows.join('');
      }
    },
    end: header,
  };
}

/** The whole CSV file as one string. */
export function toCsv(annotations: readonly Annotation[], pages: ReadonlyMap<string, PageMeta>): string {
  return [...csvChunks(annotations, pages)].join('');
}
