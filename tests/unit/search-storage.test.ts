// The search index in storage (fake-indexeddb): written in the same transaction as each
// annotation, kept up to date on edit, delete, page title change and anchoring, built by the v3
// upgrade for older data; and the indexed search gives the same results as a full scan.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, type MarginaliaDb } from '@/src/background/db';
import { allDocs } from '@/src/background/doc-store';
import { createRepository, type Repository } from '@/src/background/repository';
import { TUNING, type SearchTuning } from '@/src/background/search';
import type { Annotation } from '@/src/core/model';
import { buildSearchDoc, type SearchDoc } from '@/src/core/search/document';
import { DOC_BLOCK_MAX, type DocBlock } from '@/src/core/search/doc-blocks';
import { blockPositions, blocksOf, buildPostings, docPositions, docTerms, META, type PostingBlock } from '@/src/core/search/postings';
import type { NewAnnotation, PageInput } from '@/src/messaging/protocol';
import { expectSameAsScan } from './scan-check';
import { countSaved } from './saved';

const PAGE = 'https://www.nbcchicago.com/news/local/ice';
const OTHER = 'https://valleysentinel.example/flood';

function newAnnotation(over: Partial<NewAnnotation> = {}): NewAnnotation {
  return {
    id: crypto.randomUUID(),
    url: PAGE,
    kind: 'highlight',
    color: 'yellow',
    quote: { type: 'TextQuoteSelector', exact: 'Federal agents should back off', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 30 },
    ...over,
  };
}

let db: MarginaliaDb;
let repo: Repository;
let clock: number;

beforeEach(() => {
  db = openDatabase(`search-${crypto.randomUUID()}`);
  clock = 1_000;
  repo = createRepository(db, () => clock++);
});
afterEach(async () => {
  await db.delete();
});

async function create(over: Partial<NewAnnotation> = {}, page?: PageInput): Promise<Annotation> {
  const result = await repo.create({ annotation: newAnnotation(over), ...(page ? { page } : {}) });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/**
 * The posting blocks hold exactly the keys of the documents with each term, in ordered,
 * well-formed blocks, and each body word's positions in each document.
 */
/** The i-th annotation of a generated old-version corpus, as stored (created and updated at 10,000 + i). */
function storedAnnotation(i: number, fields: Pick<Annotation, 'url' | 'note' | 'tags'> & { exact: string }): Annotation {
  return {
    id: crypto.randomUUID(),
    url: fields.url,
    kind: 'highlight',
    color: 'yellow',
    note: fields.note,
    tags: fields.tags,
    quote: { type: 'TextQuoteSelector', exact: fields.exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 10 },
    orphan: false,
    created: 10_000 + i,
    updated: 10_000 + i,
  };
}

/** Posting blocks of keys only, as versions before 6 stored them; `termsOf` gives a document's terms. */
function keysOnlyBlocks(docs: readonly SearchDoc[], termsOf: (doc: SearchDoc) => string[]): PostingBlock[] {
  const byTerm = new Map<string, number[]>();
  for (const doc of docs) for (const term of termsOf(doc)) byTerm.set(term, [...(byTerm.get(term) ?? []), doc.key]);
  return [...byTerm].flatMap(([term, keys]) => blocksOf(term, keys));
}

/** A database at an old schema version `n` (1–7), to be upgraded by `openDatabase`. */
function databaseAt(name: string, n: number): Dexie {
  const old = new Dexie(name);
  [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7].slice(0, n).forEach((schema, i) => old.version(i + 1).stores(schema));
  return old;
}

async function expectPostingsMatchDocs(database: MarginaliaDb = db): Promise<void> {
  const expected = new Map<string, number[]>();
  const expectedPositions = new Map<string, number[]>();
  for (const doc of await allDocs(database)) {
    for (const term of docTerms(doc)) expected.set(term, [...(expected.get(term) ?? []), doc.key]);
    for (const [word, pos] of docPositions(doc)) expectedPositions.set(`${word} ${doc.key}`, pos);
  }
  const actualPositions = new Map<string, number[]>();
  for (const block of await database.postings.toArray()) {
    for (const [key, pos] of blockPositions(block)) actualPositions.set(`${block.term} ${key}`, pos);
  }
  expect(actualPositions).toEqual(expectedPositions);
  const actual = new Map<string, number[]>();
  let previous: { term: string; last: number } | undefined;
  for (const block of await database.postings.toArray()) {
    expect(block.keys.length).toBeGreaterThan(0);
    expect(block.last).toBe(block.keys.at(-1));
    expect([...block.keys].sort((a, b) => a - b)).toEqual(block.keys);
    if (previous?.term === block.term) expect(block.keys[0]).toBeGreaterThan(previous.last);
    previous = block;
    actual.set(block.term, [...(actual.get(block.term) ?? []), ...block.keys]);
  }
  const sorted = (m: Map<string, number[]>) => [...m].map(([t, k]) => [t, [...k].sort((a, b) => a - b)] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  expect(sorted(actual)).toEqual(sorted(expected));
}

const found = async (query: string) => (await repo.search(query)).hits.map((h) => h.id);
const docOf = async (id: string) => (await allDocs(db)).find((d) => d.id === id);

describe('index upkeep', () => {
  it('writes the document with the annotation, and neither when the index write fails', async () => {
    const a = await create({ note: 'Pritzker said so', tags: ['ICE'] }, { url: PAGE, title: 'Raids in Chicago', siteName: 'NBC Chicago' });
    expect(await docOf(a.id)).toEqual(buildSearchDoc(a, { title: 'Raids in Chicago', siteName: 'NBC Chicago' }));
    const key = (await docOf(a.id))?.key;
    await repo.update(a.id, { color: 'blue' });
    expect((await docOf(a.id))?.key).toBe(key);
    expect(await found('pritzker')).toEqual([a.id]);

    vi.spyOn(db.docBlocks, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(create({ note: 'lost' })).rejects.toThrow('disk full');
    expect(await countSaved(db)).toBe(1);
    expect((await allDocs(db)).length).toBe(1);
  });

  it('follows edits of note, tags and colour', async () => {
    const a = await create({ note: 'first thought' });
    expect(await found('thought')).toEqual([a.id]);
    await repo.update(a.id, { note: 'second idea', tags: ['Budget'], color: 'pink' });
    expect(await found('thought')).toEqual([]);
    expect(await found('idea tag:budget color:pink')).toEqual([a.id]);
    expect(await found('color:yellow')).toEqual([]);
    await expectPostingsMatchDocs();
    // The same words in another order: their positions are written again.
    await repo.update(a.id, { note: 'idea second' });
    expect(await found('"idea second"')).toEqual([a.id]);
    expect(await found('"second idea"')).toEqual([]);
    await expectPostingsMatchDocs();
  });

  it('drops the document when the annotation is deleted', async () => {
    const a = await create({ note: 'doomed' });
    await repo.remove(a.id);
    expect(await docOf(a.id)).toBeUndefined();
    expect(await found('doomed')).toEqual([]);
    expect((await allDocs(db)).length).toBe(0);
    expect(await db.postings.count()).toBe(0);
  });

  it('re-indexes every annotation of a page when its title or site changes', async () => {
    const a = await create({}, { url: PAGE, title: 'Old headline', siteName: 'NBC Chicago' });
    const b = await create({ note: 'second' }, { url: PAGE });
    const elsewhere = await create({ url: OTHER }, { url: OTHER, title: 'Old headline elsewhere' });
    expect(await found('headline')).toEqual([elsewhere.id, b.id, a.id]);
    await create({ note: 'third' }, { url: PAGE, title: 'Pritzker vows to fight', siteName: 'NBC 5 Chicago' });
    expect(await found('headline')).toEqual([elsewhere.id]);
    expect((await found('vows')).sort()).toHaveLength(3);
    expect(await found('site:"nbc 5 chicago"')).toHaveLength(3);
    expect(await found('site:"nbc chicago"')).toEqual([]);
    await expectPostingsMatchDocs();
  });

  it('gives annotations created in the same millisecond their own documents', async () => {
    const frozen = clock;
    const made: Annotation[] = [];
    for (let i = 0; i < 40; i++) {
      clock = frozen;
      made.push(await create({ note: `same moment ${i}` }));
    }
    expect((await allDocs(db)).length).toBe(40);
    expect((await found('moment')).sort()).toEqual(made.map((a) => a.id).sort());
    // Their keys stay theirs through edits.
    const keys = async () => (await allDocs(db)).map((d) => d.key);
    const before = await keys();
    for (const a of made) await repo.update(a.id, { color: 'green' });
    expect(await keys()).toEqual(before);
    await expectPostingsMatchDocs();
  });

  it('follows anchoring reports for is:orphan', async () => {
    const a = await create();
    const b = await create();
    await repo.reportAnchoring(PAGE, [a.id], [b.id]);
    expect(await found('is:orphan')).toEqual([a.id]);
    await repo.reportAnchoring(PAGE, [], [a.id]);
    expect(await found('is:orphan')).toEqual([]);
    // Another page's report does not touch these.
    await repo.reportAnchoring(OTHER, [b.id], []);
    expect(await found('is:orphan')).toEqual([]);
    await expectPostingsMatchDocs();
  });
});

describe('search replies', () => {
  it('join each hit with its page’s title and site', async () => {
    const a = await create({ note: 'immigration' }, { url: PAGE, title: 'Raids', siteName: 'NBC Chicago' });
    const b = await create({ url: OTHER, note: 'immigration too' }, { url: OTHER });
    const { hits, more } = await repo.search('immig');
    expect(more).toBe(false);
    expect(hits.map((h) => [h.id, h.url, h.title, h.site])).toEqual([
      [b.id, OTHER, undefined, 'valleysentinel.example'],
      [a.id, PAGE, 'Raids', 'NBC Chicago'],
    ]);
    expect(hits[1]).toEqual({
      id: a.id, url: PAGE, kind: 'highlight', color: 'yellow', exact: a.quote.exact, note: 'immigration', tags: [],
      orphan: false, created: a.created, title: 'Raids', site: 'NBC Chicago',
    });
  });

  it('give the most recent for an empty or punctuation-only query, and never fail on odd input', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await create()).id);
    expect((await repo.search('')).hits.map((h) => h.id)).toEqual(ids.reverse());
    const punctuation = await repo.search('!!! ...');
    expect(punctuation.hits).toHaveLength(5);
    expect(punctuation.notices.join(' ')).toMatch(/Nothing to search for/);
    const paste = await repo.search('agents '.repeat(1500));
    expect(paste.hits).toHaveLength(5);
    expect(paste.notices.join(' ')).toMatch(/first 300 characters/);
    const unknown = await repo.search('agents:federal');
    expect(unknown.hits).toHaveLength(5);
    expect(unknown.notices.join(' ')).toMatch(/not a filter/);
    expect((await repo.search('two', 2)).more).toBe(false);
    expect((await repo.search('agents', 2)).more).toBe(true);
  });
});

describe('indexed search against the full scan', () => {
  const WORDS = 'mayor council budget transit police immigration election pritzker schools agents raids vote tax levy pension court river flood alert chief'.split(' ');
  const TAGS = ['ice', 'budget', 'follow up', 'élection', 'data'];

  async function seedRandom(count: number): Promise<void> {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const text = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
    const pages = Array.from({ length: 12 }, (_, i) => ({ url: `https://site${i % 4}.example/story-${i}`, title: `${text(3)} story`, siteName: `Site ${i % 4}` }));
    for (let i = 0; i < count; i++) {
      const page = pick(pages);
      clock = 10_000 + Math.floor(random() * 1_000_000);
      const a = await create(
        {
          url: page.url,
          kind: pick(['highlight', 'quote', 'official'] as const),
          color: pick(['yellow', 'green', 'pink'] as const),
          note: random() < 0.6 ? text(1 + Math.floor(random() * 6)) : '',
          tags: random() < 0.5 ? [pick(TAGS)] : [],
          quote: { type: 'TextQuoteSelector', exact: text(2 + Math.floor(random() * 10)), prefix: '', suffix: '' },
        },
        page,
      );
      if (random() < 0.1) await repo.reportAnchoring(page.url, [a.id], []);
    }
  }

  const QUERIES = [
    'mayor', 'ma', 'm', 'pritzker raids', 'council budget transit', '"budget transit"', 'tag:ice', 'tag:"follow up" mayor',
    'site:site1.example', 'site:"site 2" police', 'kind:quote', 'kind:official color:pink', 'is:orphan', 'is:orphan vote',
    'story', 'story mayor', 'election', 'tag:election', 'nothingmatches', 'mayor nothingmatches', 'color:green "river flood"',
  ];

  it.each<[string, SearchTuning]>([
    ['default thresholds', TUNING],
    ['prefixes broad, tiny windows and batches', { rangeBlocks: 1, maxTerms: 1, firstWindow: 1, growth: 2, lastWindow: 1, firstBatch: 1, coverKeys: 0 }],
    ['term by term, many terms, one block at a time', { rangeBlocks: 1, maxTerms: 100, firstWindow: 1, growth: 2, lastWindow: 4, firstBatch: 2, coverKeys: 500 }],
    ['middle thresholds', { rangeBlocks: 2, maxTerms: 4, firstWindow: 1, growth: 4, lastWindow: 16, firstBatch: 4, coverKeys: 8 }],
  ])('gives exactly the full scan’s results (%s)', async (_name, tuning) => {
    await seedRandom(300);
    await expectPostingsMatchDocs();
    const docs = await allDocs(db);
    for (const query of QUERIES) {
      for (const limit of [1, 7, 50]) {
        await expectSameAsScan(db, docs, query, limit, tuning, `${query} (${limit})`);
      }
    }
  });
});

describe('upgrade to v3', () => {
  it('builds the index for annotations saved by version 2', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v2 = databaseAt(name, 2);
    const base = {
      kind: 'highlight',
      color: 'green',
      tags: ['ICE'],
      quote: { type: 'TextQuoteSelector', exact: 'Pritzker told agents to back off', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 10 },
      orphan: false,
    };
    const records = Array.from({ length: 2_500 }, (_, i) => ({
      ...base,
      id: crypto.randomUUID(),
      url: i % 2 ? PAGE : OTHER,
      note: i === 7 ? 'the élection note' : '',
      created: i,
      updated: i,
    }));
    // A damaged record stays in the data, only out of the index.
    const damaged = { id: crypto.randomUUID(), url: PAGE, created: 5 };
    await v2.table('annotations').bulkAdd([...records, damaged]);
    await v2.table('pages').add({ url: PAGE, title: 'Raids downtown', siteName: 'NBC Chicago', updated: 1 });
    v2.close();

    const upgraded = openDatabase(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBe(DB_VERSION);
      expect((await allDocs(upgraded)).length).toBe(2_500);
      expect(await countSaved(upgraded)).toBe(2_501);
      const r = createRepository(upgraded);
      expect((await r.search('election')).hits.map((h) => h.id)).toEqual([records[7]!.id]);
      const tagged = await r.search('raids tag:ice', 200);
      expect(tagged.hits).toHaveLength(200);
      expect(tagged.hits.every((h) => h.url === PAGE)).toBe(true);
      expect(tagged.more).toBe(true);
      expect((await r.search('site:nbcchicago.com pritzker')).more).toBe(true);
      const doc = (await allDocs(upgraded)).find((d) => d.id === records[1]!.id);
      expect(doc).toEqual(buildSearchDoc(records[1] as Annotation, { title: 'Raids downtown', siteName: 'NBC Chicago' }, doc?.key));
      expect(new Set((await allDocs(upgraded)).map((d) => d.key)).size).toBe(2_500);
      await expectPostingsMatchDocs(upgraded);
      // Common words span several posting blocks here: windows of one block at a time.
      const docs = await allDocs(upgraded);
      for (const query of ['pritzker', 'agents back', 'tag:ice site:nbcchicago.com', 'election', '"back off"', 'raids nbc']) {
        for (const tuning of [TUNING, { ...TUNING, rangeBlocks: 1, firstWindow: 1, growth: 2, firstBatch: 3 }, { ...TUNING, rangeBlocks: 2, maxTerms: 2 }]) {
          await expectSameAsScan(upgraded, docs, query, 50, tuning);
        }
      }
      // And they stay consistent through later edits and deletes.
      const r2 = createRepository(upgraded);
      await r2.update(records[3]!.id, { note: 'new words here', tags: [] });
      await r2.remove(records[4]!.id);
      await expectPostingsMatchDocs(upgraded);
    } finally {
      await upgraded.delete();
    }
  });
});

describe('upgrade to v4', () => {
  it('rebuilds version 3’s postings with title and site words apart, and searches them as the full scan does', async () => {
    const name = `upgrade4-${crypto.randomUUID()}`;
    const pages = new Map([[PAGE, { title: 'Mayor on the budget', siteName: 'NBC Chicago' }]]);
    const docs = Array.from({ length: 1_500 }, (_, i) =>
      buildSearchDoc(
        storedAnnotation(i, {
          url: i % 3 ? PAGE : OTHER,
          note: i % 5 ? '' : 'mayor said so',
          tags: i % 7 ? [] : ['budget'],
          exact: `Agents ${i % 2 ? 'backed off' : 'stayed'} near the river`,
        }),
        pages.get(i % 3 ? PAGE : OTHER),
      ),
    );
    // Version 3 kept every word, title or body, under one term.
    const v3 = databaseAt(name, 3);
    const wordsOf = (doc: SearchDoc) => [...new Set(`${doc.body} ${doc.meta}`.split(' ').filter((w) => w !== '' && w !== '|'))];
    await v3.table('search').bulkAdd(docs);
    await v3.table('postings').bulkAdd(keysOnlyBlocks(docs, (doc) => [...wordsOf(doc), ...doc.facets.map((f) => `#${f}`)]));
    v3.close();

    const upgraded = openDatabase(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBe(DB_VERSION);
      // Version 5 dropped the multi-entry word and facet indexes, version 8 the table (its documents went into blocks, unchanged).
      expect([...upgraded.backendDB().objectStoreNames]).not.toContain('search');
      expect((await allDocs(upgraded)).length).toBe(docs.length);
      await expectPostingsMatchDocs(upgraded);
      expect(await upgraded.postings.where('[term+last]').between([`mayor${META}`, -Infinity], [`mayor${META}`, Infinity]).count()).toBeGreaterThan(0);
      for (const query of ['mayor', 'mayor budget', 'nbc', 'budget', '"backed off" mayor', 'ma', 'tag:budget river']) {
        await expectSameAsScan(upgraded, docs, query, 50);
      }
    } finally {
      await upgraded.delete();
    }
  });
});

describe('upgrade to v6', () => {
  it('rebuilds version 5’s postings with body words’ positions, and checks phrases on them as the full scan does', async () => {
    const name = `upgrade6-${crypto.randomUUID()}`;
    const docs = Array.from({ length: 1_200 }, (_, i) =>
      buildSearchDoc(
        storedAnnotation(i, {
          url: i % 3 ? PAGE : OTHER,
          note: i % 4 ? 'the agents said so' : 'so said the agents',
          tags: i % 5 ? [] : ['back off'],
          exact: `Agents ${i % 2 ? 'should back off' : 'backed the mayor off'} the river`,
        }),
        { title: i % 6 ? 'Mayor on the budget' : 'Back off, the mayor said', siteName: 'NBC Chicago' },
      ),
    );
    // Version 5's blocks held keys only.
    const v5 = databaseAt(name, 5);
    await v5.table('search').bulkAdd(docs);
    await v5.table('postings').bulkAdd(keysOnlyBlocks(docs, docTerms));
    v5.close();

    const upgraded = openDatabase(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBe(DB_VERSION);
      expect((await allDocs(upgraded)).length).toBe(docs.length);
      await expectPostingsMatchDocs(upgraded);
      for (const query of ['"back off"', '"the agents"', '"said the agents"', '"the mayor"', '"back off" river', 'agents "the river"', '"mayor off"']) {
        for (const limit of [1, 50, 500]) {
          await expectSameAsScan(upgraded, docs, query, limit);
        }
      }
    } finally {
      await upgraded.delete();
    }
  });
});

describe('upgrade to v8', () => {
  it('packs version 7’s documents into full blocks, unchanged, and search and edits go on as before', async () => {
    const name = `upgrade8-${crypto.randomUUID()}`;
    const pages = [
      { url: PAGE, title: 'Raids downtown', siteName: 'NBC Chicago', updated: 1 },
      { url: OTHER, title: 'Budget talks', updated: 1 },
    ];
    const records = Array.from({ length: 2_100 }, (_, i) =>
      storedAnnotation(i, { url: i % 3 ? PAGE : OTHER, note: i % 4 ? 'the agents said so' : `budget note ${i}`, tags: i % 5 ? [] : ['ice'], exact: `Agents ${i % 2 ? 'backed off' : 'stayed'} the river` }),
    );
    const docs = records.map((a) => buildSearchDoc(a, pages.find((p) => p.url === a.url)));
    const v7 = databaseAt(name, 7);
    await v7.table('annotations').bulkAdd(records);
    await v7.table('pages').bulkAdd(pages);
    // As version 7 stored them: whole, without `named` (version 10 finds it from their words).
    await v7.table('search').bulkAdd(docs.map(({ named: _, ...whole }) => whole));
    await v7.table('postings').bulkAdd(buildPostings(docs));
    v7.close();

    const upgraded = openDatabase(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBe(DB_VERSION);
      expect([...upgraded.backendDB().objectStoreNames]).not.toContain('search');
      const sorted = [...docs].sort((a, b) => a.key - b.key);
      expect(await allDocs(upgraded)).toStrictEqual(sorted);
      // Every block full but the last, each keyed by its largest key.
      const blocks: DocBlock[] = await upgraded.docBlocks.toArray();
      expect(blocks.map((b) => b.keys.length)).toEqual([...Array(Math.floor(2_100 / DOC_BLOCK_MAX)).fill(DOC_BLOCK_MAX), 2_100 % DOC_BLOCK_MAX]);
      for (const b of blocks) expect(b.last).toBe(b.keys[b.keys.length - 1]);
      for (const query of ['agents', 'budget', 'tag:ice river', '"backed off"', 'nbc', '']) await expectSameAsScan(upgraded, sorted, query, 50);
      const r = createRepository(upgraded);
      const edited = records[1_000]!;
      await r.update(edited.id, { note: 'zanzibar' });
      expect((await r.search('zanzibar')).hits.map((h) => h.id)).toEqual([edited.id]);
      await r.remove(records[7]!.id);
      expect((await allDocs(upgraded)).some((d) => d.id === records[7]!.id)).toBe(false);
      await expectPostingsMatchDocs(upgraded);
    } finally {
      await upgraded.delete();
    }
  });
});
