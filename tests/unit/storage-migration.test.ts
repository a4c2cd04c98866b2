// The schema history: a database written by version 1 opens with today's code, data kept and upgraded.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openDatabase, SCHEMA_V1, SCHEMA_V5, type MarginaliaDb } from '@/src/background/db';
import { backfillV2, type V1Annotation } from '@/src/background/migrations';
import { createRepository } from '@/src/background/repository';

const PAGE = 'https://news.example.com/story';

const v1Record = (over: Partial<V1Annotation>): V1Annotation => ({
  id: crypto.randomUUID(),
  url: PAGE,
  color: 'green',
  note: 'a note',
  quote: { type: 'TextQuoteSelector', exact: 'quoted', prefix: 'p', suffix: 's' },
  position: { type: 'TextPositionSelector', start: 1, end: 7 },
  created: 100,
  ...over,
});

let opened: MarginaliaDb | undefined;
afterEach(async () => {
  await opened?.delete();
  opened = undefined;
});

async function writeV1(name: string, annotations: V1Annotation[]): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('annotations').bulkAdd(annotations);
  await v1.table('pages').add({ url: PAGE, title: 'Old story', updated: 50 });
  v1.close();
}

describe('migration v1 → v2', () => {
  it('keeps every record and backfills what v1 did not store', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const bare = v1Record({ created: 100 });
    delete bare.note;
    const tagged = v1Record({ created: 200, updated: 250, tags: [' ice ', 'ICE', 'budget'], color: 'pink' });
    await writeV1(name, [bare, tagged]);

    opened = openDatabase(name);
    await opened.open();
    expect(opened.verno).toBe(DB_VERSION);
    expect(await opened.annotations.get(bare.id)).toEqual({
      ...bare,
      note: '',
      kind: 'highlight',
      orphan: false,
      tags: [],
      updated: 100,
    });
    expect(await opened.annotations.get(tagged.id)).toEqual({
      ...tagged,
      kind: 'highlight',
      orphan: false,
      tags: ['ice', 'budget'],
      updated: 250,
    });
    expect(await opened.pages.get(PAGE)).toEqual({ url: PAGE, title: 'Old story', updated: 50 });
  });

  it('makes the indexes usable on upgraded records', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const older = v1Record({ created: 100, tags: ['ice'] });
    const newer = v1Record({ created: 200, updated: 900 });
    await writeV1(name, [newer, older]);

    opened = openDatabase(name);
    expect((await opened.annotations.where('tags').equals('ice').toArray()).map((a) => a.id)).toEqual([older.id]);
    expect((await opened.annotations.orderBy('created').reverse().first())?.id).toBe(newer.id);
    const repo = createRepository(opened);
    expect((await repo.forPage(PAGE)).map((a) => a.id)).toEqual([older.id, newer.id]);
    expect(await repo.listTags()).toEqual(['ice']);
  });

  it('opens a new database at the current version', async () => {
    opened = openDatabase(`fresh-${crypto.randomUUID()}`);
    await opened.open();
    expect(opened.verno).toBe(DB_VERSION);
    expect(opened.tables.map((t) => t.name).sort()).toEqual(['annotations', 'docBlocks', 'pages', 'postings']);
  });

  it('leaves an already complete record as it is', () => {
    const record: Record<string, unknown> = {
      ...v1Record({ tags: ['a'], updated: 300 }),
      kind: 'quote',
      orphan: true,
      color: 'blue',
    };
    const copy = structuredClone(record);
    backfillV2(record);
    expect(record).toEqual(copy);
  });
});

describe('migration v5 → v7 (v7 drops annotation indexes)', () => {
  it('drops the url, updated and kind indexes of annotations, keeps every record, and finds a page’s annotations', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(SCHEMA_V5);
    const first = { ...v1Record({ created: 100, tags: ['ice'] }), kind: 'highlight', orphan: false, updated: 100 };
    const second = { ...v1Record({ created: 200 }), kind: 'quote', orphan: false, updated: 300, tags: [] };
    const elsewhere = { ...v1Record({ created: 150, url: 'https://other.example.com/' }), kind: 'highlight', orphan: false, updated: 150, tags: [] };
    await v5.table('annotations').bulkAdd([second, first, elsewhere]);
    v5.close();

    opened = openDatabase(name);
    await opened.open();
    expect(opened.verno).toBe(DB_VERSION);
    const store = opened.backendDB().transaction('annotations').objectStore('annotations');
    expect([...store.indexNames].sort()).toEqual(['[url+created]', 'created', 'tags']);
    expect(await opened.annotations.toArray()).toEqual([first, second, elsewhere].sort((a, b) => a.id.localeCompare(b.id)));
    const repo = createRepository(opened);
    expect((await repo.forPage(PAGE)).map((a) => a.id)).toEqual([first.id, second.id]);
    expect(await repo.listTags()).toEqual(['ice']);
  });
});
