// Tag counts for autocompletion read from the annotations' tags index (fake-indexeddb): counted tag
// by tag while tags are few, read key by key past that, the same ranking either way.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type MarginaliaDb } from '@/src/background/db';
import { rankTags, topTags } from '@/src/background/tag-counts';
import { tagUses } from '@/src/background/tag-uses';
import type { Annotation } from '@/src/core/model';

let db: MarginaliaDb;
beforeEach(() => {
  db = openDatabase(`tags-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const annotation = (i: number, tags: string[]): Annotation => ({
  id: `a-${i}`,
  url: 'https://news.example.com/story',
  kind: 'highlight',
  color: 'yellow',
  note: '',
  tags,
  quote: { type: 'TextQuoteSelector', exact: 'text', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 4 },
  orphan: false,
  created: i,
  updated: i,
});

/** Every use of every tag, one entry per use. */
const usesOf = (records: readonly Annotation[]) => records.flatMap((a) => a.tags);
const sorted = (pairs: [string, number][]) => [...pairs].sort(([a], [b]) => (a < b ? -1 : 1));

describe('tag uses', () => {
  it('counts each spelling, as one entry per use would', async () => {
    const records = [annotation(1, ['ice', 'Budget']), annotation(2, ['ICE', 'budget']), annotation(3, ['ice', 'élection']), annotation(4, [])];
    await db.annotations.bulkAdd(records);
    const counts = await tagUses(db);
    expect(sorted(counts)).toEqual([['Budget', 1], ['ICE', 1], ['budget', 1], ['ice', 2], ['élection', 1]]);
    expect(rankTags(counts, 10)).toEqual(topTags(usesOf(records), 10));
    expect(rankTags(counts, 10)).toEqual(['ice', 'Budget', 'élection']);
  });

  it('gives the same counts with more distinct tags than it counts one by one', async () => {
    const records = Array.from({ length: 400 }, (_, i) => annotation(i, [`tag ${i}`, `common ${i % 3}`]));
    await db.annotations.bulkAdd(records);
    const counts = await tagUses(db);
    expect(counts).toHaveLength(403);
    expect(rankTags(counts, 200)).toEqual(topTags(usesOf(records), 200));
  });

  it('is empty with no tags', async () => {
    expect(await tagUses(db)).toEqual([]);
  });
});
