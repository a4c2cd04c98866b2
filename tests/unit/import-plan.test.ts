import { describe, expect, it } from 'vitest';
import type { Annotation, PageMeta } from '@/src/core/model';
import { importKeys, planImport, type ExistingRecords, type ImportedAnnotation } from '@/src/core/export';

const url = 'https://news.example.com/story';
const make = (id: string, updated: number, over: Partial<Annotation> = {}): Annotation => ({
  id,
  url,
  kind: 'highlight',
  color: 'yellow',
  note: '',
  tags: [],
  quote: { type: 'TextQuoteSelector', exact: 'quoted', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 6 },
  orphan: false,
  created: 1000,
  updated,
  ...over,
});
const item = (a: Annotation, page?: ImportedAnnotation['page']): ImportedAnnotation => (page ? { annotation: a, page } : { annotation: a });
const ids = Array.from({ length: 4 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`) as [string, string, string, string];
const none: ExistingRecords = { annotations: new Map(), pages: new Map() };

describe('planImport', () => {
  it('adds what is new, updates what is newer, skips what is equal or older', () => {
    const existing: ExistingRecords = {
      annotations: new Map([
        [ids[1], { url, updated: 5000 }],
        [ids[2], { url, updated: 5000 }],
        [ids[3], { url, updated: 9000 }],
      ]),
      pages: new Map([[url, { url, title: 'Saved', updated: 1 }]]),
    };
    const items = [item(make(ids[0], 2000)), item(make(ids[1], 6000)), item(make(ids[2], 5000)), item(make(ids[3], 5000))];
    const plan = planImport(items, existing);
    expect(plan.add.map((a) => a.id)).toEqual([ids[0]]);
    expect(plan.update.map((a) => a.id)).toEqual([ids[1]]);
    expect(plan.skip).toEqual([
      { id: ids[2], reason: 'unchanged' },
      { id: ids[3], reason: 'older' },
    ]);
    expect(plan.summary).toBe('1 new, 1 updated, 2 skipped: 1 unchanged, 1 older than the saved copy.');
  });

  it('does not duplicate an annotation imported twice', () => {
    const items = [item(make(ids[0], 2000)), item(make(ids[1], 3000))];
    const first = planImport(items, none);
    const saved: ExistingRecords = {
      annotations: new Map(first.add.map((a) => [a.id, a])),
      pages: new Map(first.pages.map((p) => [p.url, p])),
    };
    const second = planImport(items, saved);
    expect(second.add).toEqual([]);
    expect(second.update).toEqual([]);
    expect(second.pages).toEqual([]);
    expect(second.summary).toBe('0 new, 0 updated, 2 skipped: 2 unchanged.');
  });

  it('keeps the newest copy of an id repeated in the file', () => {
    const copies = [make(ids[0], 2000, { note: 'old' }), make(ids[0], 4000, { note: 'new' }), make(ids[0], 4000, { note: 'tie' })];
    const plan = planImport(copies.map((a) => item(a)), none);
    expect(plan.add).toHaveLength(1);
    expect(plan.add[0]!.note).toBe('new');
    expect(plan.skip).toEqual([
      { id: ids[0], reason: 'duplicate' },
      { id: ids[0], reason: 'duplicate' },
    ]);
  });

  it('never overwrites an annotation of another page that has the same id', () => {
    const existing: ExistingRecords = { annotations: new Map([[ids[0], { url: 'https://other.example/', updated: 1 }]]), pages: new Map() };
    const plan = planImport([item(make(ids[0], 9999))], existing);
    expect(plan.update).toEqual([]);
    expect(plan.skip).toEqual([{ id: ids[0], reason: 'other-page' }]);
    expect(plan.summary).toBe('0 new, 0 updated, 1 skipped: 1 saved for another page under the same id.');
  });

  it('creates page records for new pages and fills only missing fields of saved ones', () => {
    const other = 'https://other.example/a';
    const saved: PageMeta = { url, title: 'Reader’s own title', lang: 'en', updated: 100 };
    const existing: ExistingRecords = { annotations: new Map(), pages: new Map([[url, saved]]) };
    const plan = planImport(
      [
        item(make(ids[0], 2000), { title: 'File title', siteName: 'Example News' }),
        item(make(ids[1], 3000, { url: other })),
        item(make(ids[2], 7000, { url: other }), { byline: 'By A. Writer' }),
      ],
      existing,
    );
    expect(plan.pages).toEqual([
      { url, title: 'Reader’s own title', lang: 'en', siteName: 'Example News', updated: 2000 },
      { url: other, byline: 'By A. Writer', updated: 7000 },
    ]);
  });

  it('writes no page record for skipped annotations', () => {
    const existing: ExistingRecords = { annotations: new Map([[ids[0], { url, updated: 2000 }]]), pages: new Map() };
    expect(planImport([item(make(ids[0], 2000), { title: 'T' })], existing).pages).toEqual([]);
  });

  it('says when the file holds nothing', () => {
    expect(planImport([], none).summary).toBe('The file holds no annotations: nothing to import.');
  });

  it('formats large counts for reading', () => {
    const many = Array.from({ length: 1204 }, (_, i) => item(make(`10000000-0000-4000-8000-${String(i).padStart(12, '0')}`, 2000)));
    expect(planImport(many, none).summary).toBe('1,204 new, 0 updated, 0 skipped.');
  });

  it('does not change its inputs', () => {
    const items = [item(make(ids[0], 2000), { title: 'T' })];
    const snapshot = structuredClone(items);
    const existing: ExistingRecords = { annotations: new Map(), pages: new Map([[url, { url, updated: 1 }]]) };
    planImport(items, existing);
    expect(items).toEqual(snapshot);
    expect(existing.pages.get(url)).toEqual({ url, updated: 1 });
  });
});

describe('importKeys', () => {
  it('lists each id and page URL once, for the lookup before planning', () => {
    const keys = importKeys([item(make(ids[0], 1)), item(make(ids[0], 2)), item(make(ids[1], 1, { url: 'https://b.example/' }))]);
    expect(keys).toEqual({ ids: [ids[0], ids[1]], urls: [url, 'https://b.example/'] });
  });
});
