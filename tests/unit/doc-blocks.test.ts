// Search documents in blocks: the pure merge (src/core/search/doc-blocks.ts), and reading and
// writing them through the store (src/background/doc-store.ts, fake-indexeddb).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type MarginaliaDb } from '@/src/background/db';
import { allDocs, docsOf, readDocs, writeDocs, type ReadCost } from '@/src/background/doc-store';
import { DOC_BLOCK_MAX, docsIn, mergeDocBlocks, packDocs, type DocBlock } from '@/src/core/search/doc-blocks';
import { searchKey, type StoredDoc } from '@/src/core/search/document';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const doc = (key: number, id = `d${key}`): StoredDoc => ({
  key,
  id,
  named: false,
  view: { id, url: 'https://example.com/a', kind: 'highlight', color: 'yellow', exact: 'a', note: '', tags: [], orphan: false, created: 0, site: 'example.com' },
});

/** Every block sorted, within bounds, disjoint and keyed by its largest key. */
function expectWellFormed(blocks: readonly DocBlock[], max = DOC_BLOCK_MAX): void {
  const sorted = [...blocks].sort((a, b) => a.last - b.last);
  let previous = -Infinity;
  for (const block of sorted) {
    expect(block.keys.length).toBeGreaterThan(0);
    expect(block.keys.length).toBeLessThanOrEqual(max);
    const keys = block.keys;
    const docs = docsIn(block);
    expect(docs.map((d) => d.key)).toEqual(keys);
    expect(docs.map((d) => d.id)).toEqual(block.ids);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(keys[0]!).toBeGreaterThan(previous);
    expect(block.last).toBe(keys[keys.length - 1]);
    previous = block.last;
  }
}

/** The table after applying a merge to it. */
function apply(table: DocBlock[], merged: { put: DocBlock[]; drop: number[] }): DocBlock[] {
  const byLast = new Map(table.map((b) => [b.last, b]));
  for (const last of merged.drop) byLast.delete(last);
  for (const block of merged.put) byLast.set(block.last, block);
  return [...byLast.values()].sort((a, b) => a.last - b.last);
}

describe('mergeDocBlocks', () => {
  const table = packDocs(range(0, 39).map((k) => doc(k * 10)), 8); // 5 blocks of 8

  it('puts, replaces and removes documents in the blocks that hold their keys', () => {
    const merged = mergeDocBlocks(table, [doc(5), doc(10, 'replaced'), doc(1000)], [20, 390]);
    const after = apply(table, merged);
    expectWellFormed(after, 8);
    const docs = after.flatMap((block) => docsIn(block));
    const expected = [...range(0, 39).map((k) => k * 10).filter((k) => k !== 20 && k !== 390), 5, 1000].sort((a, b) => a - b);
    expect(docs.map((d) => d.key)).toEqual(expected);
    expect(docs.find((d) => d.key === 10)!.id).toBe('replaced');
    // The last block grew past its old `last`: the old record goes.
    expect(merged.drop).toContain(390);
  });

  it('cuts a block that outgrows the size into half-full blocks, and many more into full ones', () => {
    const few = mergeDocBlocks(table, [doc(1), doc(2), doc(3)], [], 8);
    expectWellFormed(apply(table, few), 8);
    expect(few.put.map((b) => b.keys.length)).toEqual([4, 4, 3]);
    const many = mergeDocBlocks(table, range(1, 9).concat(range(11, 19)).map((k) => doc(k)), [], 8);
    const after = apply(table, many);
    expectWellFormed(after, 8);
    expect(after.flatMap((b) => b.keys)).toHaveLength(40 + 18);
  });

  it('drops a block left empty, and builds an empty table in full blocks', () => {
    const emptied = mergeDocBlocks(table, [], range(0, 7).map((k) => k * 10), 8);
    expect(emptied).toEqual({ put: [], drop: [70] });
    const fresh = mergeDocBlocks([], range(0, 20).map((k) => doc(k)), [3], 8);
    expect(fresh.put.map((b) => b.keys.length)).toEqual([8, 8, 4]);
    expectWellFormed(fresh.put, 8);
  });
});

describe('the block store', () => {
  let db: MarginaliaDb;
  beforeEach(async () => {
    db = openDatabase(`docs-${crypto.randomUUID()}`);
    // Keys 0..299 with gaps (every 7th missing), in blocks of 5.
    await db.docBlocks.bulkPut(packDocs(range(0, 299).filter((k) => k % 7 !== 3).map((k) => doc(k)), 5));
  });
  afterEach(async () => {
    await db.delete();
  });

  it.each([
    ['dense', range(10, 60)],
    ['sparse', range(0, 29).map((i) => i * 10)],
    ['mixed, unsorted, repeated, some missing', [250, 3, 4, 5, 6, 7, 8, 200, 10, 299, 5, 17, 1000, -5]],
    ['few', [42, 7]],
    ['past every block', [298, 299, 300, 301]],
  ])('reads exactly the documents asked for that exist (%s)', async (_name, keys) => {
    const expected = [...new Set(keys)].filter((k) => k >= 0 && k < 300 && k % 7 !== 3).sort((a, b) => a - b);
    const got = await db.transaction('r', db.docBlocks, async () => readDocs(keys));
    expect([...got.keys()].sort((a, b) => a - b)).toEqual(expected);
    for (const [key, value] of got) expect(value.id).toBe(`d${key}`);
  });

  it('counts the blocks and requests a read takes', async () => {
    const stored = await db.docBlocks.toArray();
    const blocksOf = (keys: number[]) => new Set(keys.map((k) => stored.find((b) => b.last >= k)!.last)).size;
    const read = async (keys: number[]) => {
      const cost: ReadCost = { blocks: 0, requests: 0, listed: 0 };
      await db.transaction('r', db.docBlocks, async () => readDocs(keys, cost));
      return cost;
    };
    // Neighbouring blocks, the last one past the last key: their keys listed, then one request for the run.
    expect(stored.some((b) => b.last === 60)).toBe(false);
    // Only the block keys between the first and the last wanted key are listed.
    const between = stored.filter((b) => b.last >= 10 && b.last <= 60).length;
    expect(await read(range(10, 60))).toEqual({ blocks: blocksOf(range(10, 60)), requests: 2, listed: between });
    expect(between).toBe(blocksOf(range(10, 60)) - 1);
    // A few keys: a request each, nothing listed.
    expect(await read([42, 7])).toEqual({ blocks: 2, requests: 2, listed: 0 });
    // Every fourth block: only the needed blocks, one request each (the listing stops at 8 keys,
    // past the 2nd wanted key; the other 6 are read each by its own request).
    const sparse = stored.filter((_, i) => i % 4 === 0).map((b) => b.keys[0]!).slice(0, 8);
    expect(await read(sparse)).toEqual({ blocks: 8, requests: 1 + 8, listed: 8 });
    // Every block: the listing holds them all, one request reads them.
    const dense = stored.slice(3, 13).map((b) => b.last);
    expect(await read(dense)).toEqual({ blocks: 10, requests: 2, listed: 10 });
  });

  it('reads documents created hours apart block by block, without listing the blocks first', async () => {
    const t = Date.UTC(2026, 0, 1);
    const hour = 60 * 60 * 1000;
    const apart = [0, 1, 2, 3, 4, 5].map((i) => searchKey(t - i * 5 * hour, 7));
    // One close pair among six: still apart.
    const nearly = [...apart, searchKey(t - 60_000, 3)];
    const close = [0, 1, 2, 3, 4, 5].map((i) => searchKey(t - i * 1000, 7));
    await db.transaction('rw', db.docBlocks, async () => { await writeDocs(db, [...nearly, ...close].map((k) => doc(k))); });
    const read = async (keys: number[]) => {
      const cost: ReadCost = { blocks: 0, requests: 0, listed: 0 };
      const got = await db.transaction('r', db.docBlocks, async () => readDocs(keys, cost));
      expect([...got.keys()].sort((a, b) => a - b)).toEqual([...keys].sort((a, b) => a - b));
      return cost;
    };
    expect(await read(apart)).toMatchObject({ requests: 6, listed: 0 });
    expect(await read(nearly)).toMatchObject({ requests: 7, listed: 0 });
    // Seconds apart, in one block: a listing, then one request for the block.
    expect(await read(close)).toMatchObject({ blocks: 1, requests: 2 });
  });

  it('writes documents into the right blocks, one at a time or many at once', async () => {
    await db.transaction('rw', db.docBlocks, async () => {
      await writeDocs(db, [doc(-1), doc(3), doc(500)], [0, 299]);
      for (const k of range(1000, 1100)) await writeDocs(db, [doc(k)]);
      await writeDocs(db, range(2000, 2999).map((k) => doc(k)), [1000]);
    });
    const keys = (await allDocs(db)).map((d) => d.key);
    const expected = [-1, ...range(1, 298).filter((k) => k % 7 !== 3 || k === 3), 500, ...range(1001, 1100), ...range(2000, 2999)];
    expect(keys).toEqual(expected);
    expectWellFormed(await db.docBlocks.toArray());
  });

  it('finds an annotation’s documents under its creation time, or under the time it had before', async () => {
    const t = 1_700_000_000_000;
    // Async scopes: Dexie follows native async functions only from one (see Dexie's transaction docs).
    await db.transaction('rw', db.docBlocks, async () => {
      await writeDocs(db, [doc(searchKey(t, 5), 'a'), doc(searchKey(t, 900), 'b'), doc(searchKey(t + 1, 5), 'c'), doc(searchKey(t - 7, 1), 'a')]);
    });
    const found = await db.transaction('r', db.docBlocks, async () =>
      docsOf(db, [{ id: 'a', created: t }, { id: 'b', created: t }, { id: 'c', created: t + 2 }], new Map([['c', t + 1]])),
    );
    // Documents of the same id met in the blocks read come too (an import drops them as stale).
    expect(found.get('a')!.map((d) => d.key)).toContain(searchKey(t, 5));
    expect(found.get('b')!.map((d) => d.key)).toEqual([searchKey(t, 900)]);
    expect(found.get('c')!.map((d) => d.key)).toEqual([searchKey(t + 1, 5)]);
  });
});
