import { describe, expect, it } from 'vitest';
import type { Annotation, PageMeta } from '@/src/core/model';
import { CSV_COLUMNS, csvCell, csvChunks, toCsv } from '@/src/core/export';
import { generate } from '../fixtures/import/generate';

/** A strict RFC 4180 reader (CRLF records, "" inside quoted fields), to read our output back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        cell += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          cell += '"';
          i++;
        } else break;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      const stop = end < 0 ? text.length : i + end;
      cell = text.slice(i, stop);
      if (/["\r\n]/.test(cell)) throw new Error(`bare quote or line break in ${JSON.stringify(cell)}`);
      i = stop;
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
}

const url = 'https://news.example.com/story?id=1';
const a: Annotation = {
  id: '3f1d2c4b-8a9e-4f60-b1d2-6c7e8f9a0b1c',
  url,
  kind: 'quote',
  color: 'green',
  note: 'Line one, with a comma\nLine "two"',
  tags: ['ice', 'chicago politics'],
  speaker: 'Mayor Ruiz',
  quote: { type: 'TextQuoteSelector', exact: '=HYPERLINK("http://evil","click")', prefix: '-2 degrees', suffix: '@SUM(1)' },
  position: { type: 'TextPositionSelector', start: 0, end: 31 },
  orphan: false,
  created: Date.UTC(2026, 10, 20, 8, 0),
  updated: Date.UTC(2026, 10, 21, 9, 0),
};
const page: PageMeta = { url, title: 'Café «société»', siteName: 'Le Monde', publishedTime: '2026-11-19', updated: 0 };

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=cmd|" /C calc"!A0')).toBe(`"'=cmd|"" /C calc""!A0"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a=1')).toBe('a=1');
  });
});

describe('toCsv', () => {
  const csv = toCsv([a], new Map([[url, page]]));

  it('starts with a UTF-8 BOM and the header row, and ends rows with CRLF', () => {
    const header = 'url,title,site,published,exact,prefix,suffix,note,tags,colour,kind,speaker,created,updated';
    expect(csv.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Encoded as UTF-8 (as the Blob will be), the BOM is EF BB BF.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('reads back, cell for cell, with formulas defused', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      url,
      'Café «société»',
      'Le Monde',
      '2026-11-19',
      `'=HYPERLINK("http://evil","click")`,
      `'-2 degrees`,
      `'@SUM(1)`,
      'Line one, with a comma\nLine "two"',
      'ice, chicago politics',
      'green',
      'quote',
      'Mayor Ruiz',
      '2026-11-20T08:00:00.000Z',
      '2026-11-21T09:00:00.000Z',
    ]);
  });

  it('names the site from the URL when the page has none', () => {
    const rows = parseCsv(toCsv([{ ...a, url: 'https://www.example.org/x' }], new Map()).slice(1));
    expect(rows[1]!.slice(0, 4)).toEqual(['https://www.example.org/x', '', 'example.org', '']);
  });

  it('has one row per highlight for varied generated text, in chunks', () => {
    const { annotations, pages } = generate(300, 5);
    const chunks = [...csvChunks(annotations, pages, 64)];
    expect(chunks).toHaveLength(1 + Math.ceil(300 / 64));
    const rows = parseCsv(chunks.join('').slice(1));
    expect(rows).toHaveLength(301);
    for (const [i, row] of rows.slice(1).entries()) {
      expect(row).toHaveLength(CSV_COLUMNS.length);
      const exact = annotations[i]!.quote.exact;
      expect(row[4]).toBe(/^[=+\-@\t\r]/.test(exact) ? `'${exact}` : exact);
    }
  });
});
