import { describe, expect, it } from 'vitest';
import type { PageMeta } from '@/src/core/model';
import { jsonChunks, parseImport, planImport, toAnnotationCollection, type ExportMeta } from '@/src/core/export';
import { generate } from '../fixtures/import/generate';

const meta: ExportMeta = { generated: Date.UTC(2026, 10, 27), scope: { kind: 'all' }, appVersion: '0.1.0' };

function roundTrip(n: number, seed: number) {
  const { annotations, pages } = generate(n, seed);
  const text = [...jsonChunks(annotations, pages, meta)].join('');
  const parsed = parseImport(text, { now: meta.generated });
  if (!parsed.ok) throw new Error(parsed.message);
  return { annotations, pages, text, parsed };
}

describe('export → import round trip', () => {
  it('gives back the same annotations: ids, selectors, notes, tags, times and extras', () => {
    const { annotations, parsed } = roundTrip(1000, 21);
    // toStrictEqual: no field added, none missing, none left undefined.
    expect(parsed.items.map((i) => i.annotation)).toStrictEqual(annotations);
    expect(parsed.warnings).toEqual([]);
    // The generated set covers what is easy to lose.
    expect(annotations.some((a) => a.speaker)).toBe(true);
    expect(annotations.some((a) => a.orphan)).toBe(true);
    expect(annotations.some((a) => a.note.includes('\n'))).toBe(true);
    expect(annotations.some((a) => a.quote.exact.includes('\t'))).toBe(true);
    expect(annotations.some((a) => a.created !== a.updated)).toBe(true);
  });

  it('gives back each page’s metadata', () => {
    const { annotations, pages, parsed } = roundTrip(300, 22);
    parsed.items.forEach(({ annotation, page }, i) => {
      const { url: _url, updated: _updated, ...fields } = pages.get(annotations[i]!.url) as PageMeta;
      expect(page ?? {}).toStrictEqual(fields);
    });
  });

  it('exports the imported annotations to the same file', () => {
    const { pages, text, parsed } = roundTrip(200, 23);
    const again = [...jsonChunks(parsed.items.map((i) => i.annotation), pages, meta)].join('');
    expect(again).toBe(text);
  });

  it('imports into an empty database as all new, and a second time as all unchanged', () => {
    const { annotations, parsed } = roundTrip(150, 24);
    const first = planImport(parsed.items, { annotations: new Map(), pages: new Map() });
    expect(first.add).toStrictEqual(annotations);
    expect(first.pages.map((p) => p.url).sort()).toEqual([...new Set(annotations.map((a) => a.url))].sort());
    const saved = { annotations: new Map(first.add.map((a) => [a.id, a])), pages: new Map(first.pages.map((p) => [p.url, p])) };
    const second = planImport(parsed.items, saved);
    expect(second.summary).toBe('0 new, 0 updated, 150 skipped: 150 unchanged.');
  });

  it('reads the whole-object form (toAnnotationCollection) the same as the chunked one', () => {
    const { annotations, pages } = generate(50, 25);
    const parsed = parseImport(JSON.stringify(toAnnotationCollection(annotations, pages, meta)), { now: meta.generated });
    expect(parsed.ok && parsed.items.map((i) => i.annotation)).toStrictEqual(annotations);
  });
});
