// The pure halves of the annotation store (src/core/store): id blocks and page records.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '@/src/core/model';
import { idBlockAt, mergeIdBlocks, pageIn, type IdBlock } from '@/src/core/store/id-blocks';
import { editPageRecord, tagDelta } from '@/src/core/store/page-records';
import { bareAnnotation } from './saved';

const id = (n: number) => `id-${String(n).padStart(5, '0')}`;

/** Applies a merge to a whole table of blocks, as the store does with the blocks it read. */
function apply(table: IdBlock[], put: Map<string, string>, remove: string[], max: number): IdBlock[] {
  const ids = [...put.keys(), ...remove];
  const touched = new Map<string, IdBlock>();
  for (const x of ids) {
    const block = table[Math.min(idBlockAt(table, x), table.length - 1)];
    if (block) touched.set(block.last, block);
  }
  const merged = mergeIdBlocks([...touched.values()].sort((a, b) => (a.last < b.last ? -1 : 1)), put, remove, max);
  const byLast = new Map(table.map((b) => [b.last, b]));
  for (const last of merged.drop) byLast.delete(last);
  for (const b of merged.put) byLast.set(b.last, b);
  return [...byLast.values()].sort((a, b) => (a.last < b.last ? -1 : 1));
}

const lookUp = (table: IdBlock[], x: string) => pageIn(table[Math.min(idBlockAt(table, x), table.length - 1)], x);

describe('id blocks', () => {
  it('find every id after many inserts and deletes, blocks sorted, none over the limit, none empty', () => {
    const max = 8;
    let table: IdBlock[] = [];
    const truth = new Map<string, string>();
    // A fixed pseudo-random order of inserts, then deletes of every third.
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let round = 0; round < 40; round++) {
      const put = new Map<string, string>();
      for (let i = 0; i < 1 + (round % 5); i++) {
        const n = next() % 500;
        put.set(id(n), `https://example.org/${n % 7}`);
      }
      table = apply(table, put, [], max);
      for (const [k, v] of put) truth.set(k, v);
    }
    const gone = [...truth.keys()].filter((_, i) => i % 3 === 0);
    for (const x of gone) {
      table = apply(table, new Map(), [x], max);
      truth.delete(x);
    }
    for (const [k, v] of truth) expect(lookUp(table, k)).toBe(v);
    for (const x of gone) expect(lookUp(table, x)).toBeUndefined();
    expect(lookUp(table, 'zzz')).toBeUndefined();
    const all = table.flatMap((b) => b.ids);
    expect(all).toEqual([...truth.keys()].sort());
    for (const b of table) {
      expect(b.ids.length).toBeGreaterThan(0);
      expect(b.ids.length).toBeLessThanOrEqual(max);
      expect(b.last).toBe(b.ids[b.ids.length - 1]);
      expect(b.urls).toHaveLength(b.ids.length);
    }
  });

  it('builds full blocks from scratch and cuts a block outgrown by many into full ones', () => {
    const put = new Map(Array.from({ length: 20 }, (_, i) => [id(i), 'u'] as const));
    const { put: blocks, drop } = mergeIdBlocks([], put, [], 8);
    expect(blocks.map((b) => b.ids.length)).toEqual([8, 8, 4]);
    expect(drop).toEqual([]);
    const more = new Map(Array.from({ length: 30 }, (_, i) => [id(100 + i), 'v'] as const));
    const grown = mergeIdBlocks([blocks[2]!], more, [], 8);
    expect(grown.put.map((b) => b.ids.length)).toEqual([8, 8, 8, 8, 2]);
    expect(grown.drop).toEqual([blocks[2]!.last]);
  });
});

const note = (n: number, created: number, tags: string[] = []): Annotation => bareAnnotation(id(n), 'https://example.org/a', created, tags);

describe('page records', () => {
  it('keep a page’s annotations oldest first, ties by id, replace by id, and vanish when empty', () => {
    const url = 'https://example.org/a';
    const first = editPageRecord(undefined, url, [note(3, 20), note(2, 10), note(1, 20)])!;
    expect(first.annotations.map((a) => a.id)).toEqual([id(2), id(1), id(3)]);
    const edited = editPageRecord(first, url, [{ ...note(2, 30), note: 'moved' }], [id(1)])!;
    expect(edited.annotations.map((a) => [a.id, a.note])).toEqual([[id(3), ''], [id(2), 'moved']]);
    expect(first.annotations).toHaveLength(3);
    expect(editPageRecord(edited, url, [], [id(2), id(3)])).toBeNull();
    expect(() => editPageRecord(undefined, 'https://example.org/b', [note(1, 1)])).toThrow(/belongs to/);
  });

  it('count tag uses as differences, dropping tags that do not change', () => {
    const delta = tagDelta([note(1, 1, ['ice', 'courts'])], [note(1, 1, ['ice', 'budget']), note(2, 1, ['budget'])]);
    expect([...delta].sort()).toEqual([['budget', 2], ['courts', -1]]);
  });
});
