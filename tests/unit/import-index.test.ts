// The import's bulk indexing (src/background/import-index.ts) against the one-at-a-time indexing
// every other write uses (search-index.ts): the same documents, the same posting lists, the block
// invariants kept, and search answering as a full scan does.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonChunks, parseImport, type ExportMeta } from '@/src/core/export';
import type { Annotation } from '@/src/core/model';
import { buildSearchDoc, keyFitsTime } from '@/src/core/search/document';
import { BLOCK_MAX, blockPositions, docPositions, docTerms, type PostingBlock } from '@/src/core/search/postings';
import { parseQuery } from '@/src/core/search/query';
import { scanSearch } from '@/src/core/search/rank';
import { openDatabase, type MarginaliaDb } from '@/src/background/db';
import { allDocs } from '@/src/background/doc-store';
import { applyItems } from '@/src/background/export-import';
import { mergePostings } from '@/src/background/import-index';
import { savedOf } from '@/src/background/saved-of';
import { annotationsById, annotationTables } from '@/src/background/annotation-store';
import { byCreated } from '@/src/core/store/page-records';
import { createRepository } from '@/src/background/repository';
import { indexAnnotations } from '@/src/background/search-index';
import { generate } from '../fixtures/import/generate';
import { addAnnotations, savedAnnotations } from './saved';

const NOW = Date.UTC(2026, 10, 27, 12);
const META: ExportMeta = { generated: NOW, scope: { kind: 'all' }, appVersion: 'test' };
const dbs: MarginaliaDb[] = [];
const fresh = () => {
  const db = openDatabase(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const sorted = (keys: Iterable<number>) => [...keys].sort((a, b) => a - b);

describe('mergePostings', () => {
  const block = (keys: number[]): PostingBlock => ({ term: 't', last: keys[keys.length - 1]!, keys });

  it('starts a term in half-full blocks', () => {
    const keys = Array.from({ length: 1300 }, (_, i) => -i - 1);
    const { put, drop } = mergePostings('t', [], keys, new Set());
    expect(drop).toEqual([]);
    expect(put.flatMap((b) => b.keys)).toEqual(sorted(keys));
    expect(put.every((b) => b.keys.length <= BLOCK_MAX / 2 && b.last === b.keys[b.keys.length - 1])).toBe(true);
  });

  it('adds to the block that covers a key, past the end to the last, and splits what outgrows BLOCK_MAX', () => {
    const a = block([-100, -90, -80]);
    const b = block(Array.from({ length: BLOCK_MAX }, (_, i) => i * 2));
    const { put, drop } = mergePostings('t', [a, b], [-85, 1, 5000], new Set([-90]));
    const first = put.find((p) => p.keys.includes(-85))!;
    expect(first).toEqual({ term: 't', last: -80, keys: [-100, -85, -80] });
    const rest = put.filter((p) => p !== first);
    expect(rest.flatMap((p) => p.keys)).toEqual(sorted([...b.keys, 1, 5000]));
    expect(rest.every((p) => p.keys.length <= BLOCK_MAX)).toBe(true);
    // The old block's record goes when no new block keeps its `last`.
    expect(drop).toEqual([b.last]);
  });

  it('drops a block left empty', () => {
    expect(mergePostings('t', [block([1, 2]), block([5])], [], new Set([1, 2]))).toEqual({ put: [], drop: [2] });
  });
});

/** Checks the search tables against the annotations: documents, postings and block invariants. */
async function checkIndex(db: MarginaliaDb): Promise<Map<string, number[]>> {
  const annotations = await savedAnnotations(db);
  const pages = new Map((await db.pages.toArray()).map((p) => [p.url, p]));
  const docs = await allDocs(db);
  expect(docs).toHaveLength(annotations.length);
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const a of annotations) {
    const doc = byId.get(a.id)!;
    expect(keyFitsTime(doc.key, a.created)).toBe(true);
    expect(doc).toStrictEqual(buildSearchDoc(a, pages.get(a.url), doc.key));
  }
  const expected = new Map<string, Set<number>>();
  for (const doc of docs) for (const term of docTerms(doc)) (expected.get(term) ?? expected.set(term, new Set()).get(term)!).add(doc.key);
  const blocks = await db.postings.toArray();
  const found = new Map<string, number[]>();
  let previous: PostingBlock | undefined;
  for (const b of blocks) {
    expect(b.keys.length).toBeGreaterThan(0);
    expect(b.keys.length).toBeLessThanOrEqual(BLOCK_MAX);
    expect(b.keys).toEqual(sorted(b.keys));
    expect(b.last).toBe(b.keys[b.keys.length - 1]);
    if (previous?.term === b.term) expect(b.keys[0]!).toBeGreaterThan(previous.last);
    found.set(b.term, [...(found.get(b.term) ?? []), ...b.keys]);
    previous = b;
  }
  expect(new Set(found.keys())).toEqual(new Set(expected.keys()));
  for (const [term, keys] of expected) expect(found.get(term), term).toEqual(sorted(keys));
  // Each body word's positions in each document, as the shared helpers place them.
  const positions = new Map<string, number[]>();
  for (const doc of docs) for (const [word, pos] of docPositions(doc)) positions.set(`${word} ${doc.key}`, pos);
  expect(new Map(blocks.flatMap((b) => [...blockPositions(b)].map(([key, pos]) => [`${b.term} ${key}`, pos] as const)))).toEqual(positions);
  return new Map([...found].map(([term, keys]) => [term, keys]));
}

describe('indexing an import at once', () => {
  let db: MarginaliaDb;
  beforeEach(() => {
    db = fresh();
  });

  it('gives the index that indexing one annotation at a time gives, and search answers as a full scan', async () => {
    // Saved first, one at a time: a third of a generated set, with a page that has no title yet.
    const { annotations, pages } = generate(90, 21);
    const saved = annotations.slice(0, 30);
    await addAnnotations(db, saved);
    const untitled = [...pages.values()].map((p) => (p.url === saved[0]!.url ? { url: p.url, updated: p.updated } : p));
    await db.pages.bulkAdd(untitled);
    await db.transaction('rw', [...annotationTables(db), db.pages, db.docBlocks, db.postings], async () => {
      await indexAnnotations(db, saved);
    });
    await checkIndex(db);

    // The file: the rest new, ten of the saved ones edited (one created earlier, so its key moves),
    // and the untitled page's title.
    const edited: Annotation[] = saved.slice(0, 10).map((a, i) => ({
      ...a,
      note: `edited quokka ${i}`,
      tags: i % 2 ? ['fresh tag'] : [],
      ...(i === 3 ? { created: a.created - 86_400_000 } : {}),
      updated: a.updated + 5000,
    }));
    const file = [...jsonChunks([...annotations.slice(30), ...edited], pages, META)].join('');
    const parsed = parseImport(file, { now: NOW });
    if (!parsed.ok) throw new Error(parsed.message);
    const reply = await applyItems(db, parsed.items);
    expect(reply).toEqual({ ok: true, value: { summary: 'Imported: 60 new, 10 updated, 0 skipped.' } });
    const terms = await checkIndex(db);

    // The same final records indexed one at a time give the same documents and posting lists.
    const reference = fresh();
    await addAnnotations(reference, await savedAnnotations(db));
    await reference.pages.bulkAdd(await db.pages.toArray());
    const all = await savedAnnotations(reference);
    await reference.transaction('rw', [...annotationTables(reference), reference.pages, reference.docBlocks, reference.postings], async () => {
      for (const a of all) await indexAnnotations(reference, [a]);
    });
    expect(await checkIndex(reference)).toEqual(terms);
    const docs = await allDocs(db);
    expect(docs).toStrictEqual(await allDocs(reference));

    const repo = createRepository(db);
    for (const query of ['quokka', 'edited', 'tag:"fresh tag"', 'kind:quote', 'council', 'the', 'site:example']) {
      const ours = await repo.search(query, 500);
      expect(ours.hits.map((h) => h.id), query).toEqual(scanSearch(docs, parseQuery(query), 500).hits.map((h) => h.id));
    }
    expect((await repo.search('quokka')).hits).toHaveLength(10);
  });
});

describe('annotationsById', () => {
  it('finds the saved annotations among many ids and among few (the id blocks read whole or one by one)', async () => {
    const db = fresh();
    const { annotations } = generate(40, 3);
    await addAnnotations(db, annotations);
    const keys = [...Array.from({ length: 600 }, () => crypto.randomUUID()), ...annotations.slice(0, 10).map((a) => a.id)];
    const found = await db.transaction('r', annotationTables(db), () => annotationsById(db, keys));
    expect([...found.keys()].sort()).toEqual(annotations.slice(0, 10).map((a) => a.id).sort());
    const few = await db.transaction('r', annotationTables(db), () => annotationsById(db, keys.slice(595)));
    expect([...few.values()].sort(byCreated)).toEqual(annotations.slice(0, 10).sort(byCreated));
  });
});

describe('savedOf', () => {
  it('reads only the saved records among many keys, as bulkGet would find them', async () => {
    const db = fresh();
    const { pages } = generate(40, 3);
    const saved = [...pages.values()];
    await db.pages.bulkAdd(saved);
    const keys = [...Array.from({ length: 600 }, () => `https://example.org/${crypto.randomUUID()}`), ...saved.map((p) => p.url)];
    const found = (await savedOf(db.pages, keys)).filter((p) => p !== undefined);
    expect(found.map((p) => p.url).sort()).toEqual(saved.map((p) => p.url).sort());
    expect((await savedOf(db.pages, keys.slice(600))).filter(Boolean)).toHaveLength(saved.length);
  });
});
