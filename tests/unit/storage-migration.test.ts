// The schema history: a database written by version 1 opens with today's code, data kept and upgraded.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openDatabase, SCHEMA_V1, SCHEMA_V5, SCHEMA_V8, SCHEMA_V9, type MarginaliaDb } from '@/src/background/db';
import { backfillV2, type V1Annotation } from '@/src/background/migrations';
import { createRepository } from '@/src/background/repository';
import { allDocs } from '@/src/background/doc-store';
import { jsonAt, type DocBlock } from '@/src/core/search/doc-blocks';
import { buildSearchDoc, type SearchDoc } from '@/src/core/search/document';
import { buildPostings } from '@/src/core/search/postings';
import { packAnnotations } from '@/src/core/store/pack';
import { ID_BLOCK_MAX } from '@/src/core/store/id-blocks';
import { bareAnnotation, countSaved, savedAnnotation, savedAnnotations } from './saved';

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
    expect(await savedAnnotation(opened, bare.id)).toEqual({
      ...bare,
      note: '',
      kind: 'highlight',
      orphan: false,
      tags: [],
      updated: 100,
    });
    expect(await savedAnnotation(opened, tagged.id)).toEqual({
      ...tagged,
      kind: 'highlight',
      orphan: false,
      tags: ['ice', 'budget'],
      updated: 250,
    });
    expect(await opened.pages.get(PAGE)).toEqual({ url: PAGE, title: 'Old story', updated: 50 });
  });

  it('makes upgraded records usable: by page, by tag, oldest first', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const older = v1Record({ created: 100, tags: ['ice'] });
    const newer = v1Record({ created: 200, updated: 900 });
    await writeV1(name, [newer, older]);

    opened = openDatabase(name);
    expect((await savedAnnotations(opened)).map((a) => a.id)).toEqual([older.id, newer.id]);
    const repo = createRepository(opened);
    expect((await repo.forPage(PAGE)).map((a) => a.id)).toEqual([older.id, newer.id]);
    expect(await repo.listTags()).toEqual(['ice']);
  });

  it('opens a new database at the current version', async () => {
    opened = openDatabase(`fresh-${crypto.randomUUID()}`);
    await opened.open();
    expect(opened.verno).toBe(DB_VERSION);
    expect(opened.tables.map((t) => t.name).sort()).toEqual(['docBlocks', 'idBlocks', 'pageAnnotations', 'pages', 'postings', 'tagCounts']);
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

describe('migration v5 → v9', () => {
  it('keeps every record and finds a page’s annotations', async () => {
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
    // Page by page (news… before other…), each page's oldest first.
    expect(await savedAnnotations(opened)).toEqual([first, second, elsewhere]);
    const repo = createRepository(opened);
    expect((await repo.forPage(PAGE)).map((a) => a.id)).toEqual([first.id, second.id]);
    expect(await repo.listTags()).toEqual(['ice']);
  });
});

/** A document as versions 3 to 9 stored it: whole, without `named`. */
const whole = ({ named: _, ...doc }: SearchDoc): Omit<SearchDoc, 'named'> => doc;

/** Every document of every block in version 10's form: the view and `named`, no words. */
function expectStoredForm(blocks: readonly DocBlock[]): void {
  for (const block of blocks) {
    for (let i = 0; i < block.keys.length; i++) expect(Object.keys(jsonAt(block, i) as object).sort()).toEqual(['named', 'view']);
  }
}

describe('migration v8 → v9 (annotations one record per page)', () => {
  it('moves every annotation, a damaged one too, with which page each id is on and the tag counts', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v8 = new Dexie(name);
    v8.version(8).stores(SCHEMA_V8);
    const pages = ['https://a.example.com/1', 'https://b.example.com/2', PAGE];
    // More than one id block's worth, over three pages, some created in the same millisecond.
    const records = Array.from({ length: ID_BLOCK_MAX * 2 + 7 }, (_, i) => ({
      ...v1Record({ url: pages[i % 3]!, created: 1_000 + Math.floor(i / 5), tags: i % 4 ? ['ice'] : ['Ice', 'courts'] }),
      kind: 'highlight',
      orphan: false,
      updated: 2_000,
    }));
    const damaged = { id: crypto.randomUUID(), created: 5 };
    await v8.table('annotations').bulkAdd([...records, damaged]);
    v8.close();

    opened = openDatabase(name);
    await opened.open();
    expect(opened.verno).toBe(DB_VERSION);
    expect(opened.tables.map((t) => t.name)).not.toContain('annotations');
    expect(await countSaved(opened)).toBe(records.length + 1);
    const byCreatedThenId = (a: { created: number; id: string }, b: { created: number; id: string }) => a.created - b.created || a.id.localeCompare(b.id);
    const repo = createRepository(opened);
    for (const url of pages) {
      expect(await repo.forPage(url)).toEqual(records.filter((r) => r.url === url).sort(byCreatedThenId));
    }
    // Mended only where the stores key and count on it: the page, and tags that must be a list.
    expect(await repo.forPage('')).toEqual([{ ...damaged, url: '', tags: [] }]);
    for (const r of records.filter((_, i) => i % 37 === 0)) expect(await repo.get(r.id)).toEqual(r);
    expect(await repo.get(crypto.randomUUID())).toBeUndefined();
    const courts = records.filter((r) => r.tags!.includes('courts')).length;
    expect(await repo.listTags()).toEqual(['ice', 'courts']);
    expect((await opened.tagCounts.get('courts'))?.count).toBe(courts);
    expect((await opened.tagCounts.get('Ice'))?.count).toBe(courts);
    expect((await opened.tagCounts.get('ice'))?.count).toBe(records.length - courts);
  });
});

describe('migration v8 → v9 (search documents in UTF-8)', () => {
  it('turns version 8’s blocks of JSON strings into UTF-8 blocks holding the same documents', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v8 = new Dexie(name);
    v8.version(8).stores(SCHEMA_V8);
    const records = Array.from({ length: 20 }, (_, i) => ({
      ...v1Record({ created: 1_000 + i, note: i % 2 ? 'l’élection “à venir”' : 'plain', tags: [] }),
      kind: 'highlight' as const,
      orphan: false,
      updated: 1_000 + i,
      tags: [],
      color: 'green' as const,
      note: i % 2 ? 'l’élection “à venir”' : 'plain',
    }));
    const docs = records.map((r) => buildSearchDoc(r, { title: 'Pātaua’s story' })).sort((a, b) => a.key - b.key);
    const v8Blocks = [docs.slice(0, 8), docs.slice(8, 16), docs.slice(16)].map((part) => ({
      last: part[part.length - 1]!.key,
      keys: part.map((d) => d.key),
      ids: part.map((d) => d.id),
      docs: part.map((d) => JSON.stringify(whole(d))),
    }));
    await v8.table('annotations').bulkAdd(records);
    await v8.table('docBlocks').bulkAdd(v8Blocks);
    v8.close();

    opened = openDatabase(name);
    await opened.open();
    const blocks = await opened.docBlocks.toArray();
    expect(blocks.every((b) => b.text instanceof Uint8Array && !('docs' in b))).toBe(true);
    expect(await allDocs(opened)).toEqual(docs);
    expectStoredForm(blocks);
  });
});

describe('migration v9 → v10 (search documents stored as their views)', () => {
  it('rewrites blocks of whole documents to the views they are built from, and search goes on as before', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const pages = [
      { url: 'https://www.nbcchicago.com/a', title: 'Raids downtown', siteName: 'NBC Chicago', updated: 1 },
      { url: 'https://example.org/b', title: 'Budget talks', siteName: 'example.org', updated: 1 },
      { url: 'https://blog.example.net/c', updated: 1 },
    ];
    const records = Array.from({ length: 60 }, (_, i) => ({
      ...bareAnnotation(crypto.randomUUID(), pages[i % 3]!.url, 1_000 + i, i % 4 ? [] : ['ice']),
      note: i % 2 ? 'l’élection “à venir”' : 'levy note',
    }));
    const docs = records.map((r) => buildSearchDoc(r, pages.find((p) => p.url === r.url))).sort((a, b) => a.key - b.key);
    const encoder = new TextEncoder();
    const v9Blocks = Array.from({ length: Math.ceil(docs.length / 8) }, (_, b) => {
      const part = docs.slice(b * 8, b * 8 + 8);
      const bytes = part.map((d) => encoder.encode(JSON.stringify(whole(d))));
      const text = new Uint8Array(bytes.reduce((n, x) => n + x.length, 0));
      const ends: number[] = [];
      bytes.reduce((at, x) => (text.set(x, at), ends.push(at + x.length), at + x.length), 0);
      return { last: part[part.length - 1]!.key, keys: part.map((d) => d.key), ids: part.map((d) => d.id), text, ends };
    });
    const v9 = new Dexie(name);
    v9.version(9).stores(SCHEMA_V9);
    const packed = packAnnotations(records);
    await v9.table('pageAnnotations').bulkAdd(packed.pageAnnotations);
    await v9.table('idBlocks').bulkAdd(packed.idBlocks);
    await v9.table('tagCounts').bulkAdd(packed.tagCounts);
    await v9.table('pages').bulkAdd(pages);
    await v9.table('docBlocks').bulkAdd(v9Blocks);
    await v9.table('postings').bulkAdd(buildPostings(docs));
    v9.close();

    opened = openDatabase(name);
    await opened.open();
    expect(opened.verno).toBe(DB_VERSION);
    const blocks = await opened.docBlocks.toArray();
    expect(blocks.map((b) => [b.last, b.keys, b.ids])).toEqual(v9Blocks.map((b) => [b.last, b.keys, b.ids]));
    expectStoredForm(blocks);
    const bytes = (list: readonly { text: Uint8Array }[]) => list.reduce((n, b) => n + b.text.length, 0);
    expect(bytes(blocks)).toBeLessThan(bytes(v9Blocks) * 0.75);
    expect(await allDocs(opened)).toStrictEqual(docs);
    const repo = createRepository(opened);
    const ids = async (query: string) => (await repo.search(query, 100)).hits.map((h) => h.id).sort();
    const expected = (match: (d: SearchDoc) => boolean) => docs.filter(match).map((d) => d.id).sort();
    expect(await ids('site:nbcchicago.com')).toEqual(expected((d) => d.view.url === pages[0]!.url));
    expect(await ids('site:example.org levy')).toEqual(expected((d) => d.view.url === pages[1]!.url && d.view.note === 'levy note'));
    expect(await ids('"à venir" tag:ice')).toEqual(expected((d) => d.view.note !== 'levy note' && d.view.tags.includes('ice')));
    expect(await ids('chicago venir')).toEqual(expected((d) => d.view.url === pages[0]!.url && d.view.note !== 'levy note'));
  });
});
