// Tag counts for autocompletion, kept in `tagCounts` beside the annotations (fake-indexeddb): the
// same counts as one entry per use, through saves, edits and deletes.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type MarginaliaDb } from '@/src/background/db';
import { rankTags, topTags } from '@/src/background/tag-counts';
import { tagUses } from '@/src/background/annotation-store';
import { createRepository } from '@/src/background/repository';
import type { Annotation } from '@/src/core/model';
import { addAnnotations, bareAnnotation } from './saved';

let db: MarginaliaDb;
beforeEach(() => {
  db = openDatabase(`tags-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const annotation = (i: number, tags: string[]): Annotation => bareAnnotation(`a-${i}`, 'https://news.example.com/story', i, tags);

/** Every use of every tag, one entry per use. */
const usesOf = (records: readonly Annotation[]) => records.flatMap((a) => a.tags);
const sorted = (pairs: [string, number][]) => [...pairs].sort(([a], [b]) => (a < b ? -1 : 1));

describe('tag uses', () => {
  it('counts each spelling, as one entry per use would', async () => {
    const records = [annotation(1, ['ice', 'Budget']), annotation(2, ['ICE', 'budget']), annotation(3, ['ice', 'élection']), annotation(4, [])];
    await addAnnotations(db, records);
    const counts = await tagUses(db);
    expect(sorted(counts)).toEqual([['Budget', 1], ['ICE', 1], ['budget', 1], ['ice', 2], ['élection', 1]]);
    expect(rankTags(counts, 10)).toEqual(topTags(usesOf(records), 10));
    expect(rankTags(counts, 10)).toEqual(['ice', 'Budget', 'élection']);
  });

  it('follows edits and deletes, and forgets a tag no annotation uses', async () => {
    const repo = createRepository(db, () => 1_000);
    const make = (tags: string[]) => ({
      annotation: {
        id: crypto.randomUUID(),
        url: 'https://news.example.com/story',
        kind: 'highlight' as const,
        color: 'yellow' as const,
        tags,
        quote: { type: 'TextQuoteSelector' as const, exact: 'text', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector' as const, start: 0, end: 4 },
      },
    });
    const first = await repo.create(make(['ice', 'budget']));
    const second = await repo.create(make(['ice']));
    if (!first.ok || !second.ok) throw new Error('not saved');
    expect(sorted(await tagUses(db))).toEqual([['budget', 1], ['ice', 2]]);
    await repo.update(first.value.id, { tags: ['budget', 'courts'] });
    expect(sorted(await tagUses(db))).toEqual([['budget', 1], ['courts', 1], ['ice', 1]]);
    await repo.remove(second.value.id);
    expect(sorted(await tagUses(db))).toEqual([['budget', 1], ['courts', 1]]);
    await repo.remove(first.value.id);
    expect(await tagUses(db)).toEqual([]);
    expect(await repo.listTags()).toEqual([]);
  });

  it('gives the same counts with many distinct tags', async () => {
    const records = Array.from({ length: 400 }, (_, i) => annotation(i, [`tag ${i}`, `common ${i % 3}`]));
    await addAnnotations(db, records);
    const counts = await tagUses(db);
    expect(counts).toHaveLength(403);
    expect(rankTags(counts, 200)).toEqual(topTags(usesOf(records), 200));
  });

  it('is empty with no tags', async () => {
    expect(await tagUses(db)).toEqual([]);
  });
});
