// Reading a search's documents in few requests: which stretches of keys are read whole, and
// that the documents read are exactly those asked for (fake-indexeddb).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type MarginaliaDb } from '@/src/background/db';
import { planDocReads, readDocs, SPREAD } from '@/src/background/search-docs';
import type { SearchDoc } from '@/src/core/search/document';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('planDocReads', () => {
  it('reads neighbouring wanted keys as one range', () => {
    expect(planDocReads([1, 2, 3, 4], range(1, 10), Infinity)).toEqual([{ from: 1, to: 4 }]);
  });

  it('takes a range with up to SPREAD documents per wanted key, not more', () => {
    // 2 wanted among 2 × SPREAD documents: one range; among one more: two keys.
    expect(planDocReads([0, 2 * SPREAD - 1], range(0, 100), Infinity)).toEqual([{ from: 0, to: 2 * SPREAD - 1 }]);
    expect(planDocReads([0, 2 * SPREAD], range(0, 100), Infinity)).toEqual([
      { from: 0, to: 0 },
      { from: 2 * SPREAD, to: 2 * SPREAD },
    ]);
  });

  it('reads far-apart keys one by one, and a dense stretch among them as a range', () => {
    expect(planDocReads([0, 50, 51, 52, 53, 99], range(0, 100), Infinity)).toEqual([
      { from: 0, to: 0 },
      { from: 50, to: 53 },
      { from: 99, to: 99 },
    ]);
  });

  it('reads keys past what is known of the store one by one', () => {
    expect(planDocReads([1, 2, 3, 7, 8], range(1, 5), 5)).toEqual([
      { from: 1, to: 3 },
      { from: 7, to: 7 },
      { from: 8, to: 8 },
    ]);
  });
});

describe('readDocs', () => {
  let db: MarginaliaDb;
  const doc = (key: number): SearchDoc => ({ key, id: `d${key}`, facets: [], body: ' a ', meta: ' ', view: {} as SearchDoc['view'] });
  beforeAll(async () => {
    db = openDatabase(`docs-${crypto.randomUUID()}`);
    // Keys 0..299 with gaps: every 7th missing.
    await db.search.bulkPut(range(0, 299).filter((k) => k % 7 !== 3).map(doc));
  });
  afterAll(async () => {
    await db.delete();
  });

  it.each([
    ['dense', range(10, 60)],
    ['sparse', range(0, 29).map((i) => i * 10)],
    ['mixed, unsorted, repeated, some missing', [250, 3, 4, 5, 6, 7, 8, 200, 10, 299, 5, 17, 1000, -5]],
    ['few', [42, 7]],
  ])('gives exactly the documents asked for that exist (%s)', async (_name, keys) => {
    const got = await db.transaction('r', db.search, () => readDocs(keys));
    const expected = [...new Set(keys)].filter((k) => k >= 0 && k < 300 && k % 7 !== 3).sort((a, b) => a - b);
    expect([...got.keys()].sort((a, b) => a - b)).toEqual(expected);
    for (const [key, value] of got) expect(value.id).toBe(`d${key}`);
  });
});
