// The search plan over posting lists of many small blocks (fake-indexeddb): prefix ranges of many
// terms, lists read in windows and in runs of neighbouring lists. The saved format allows blocks
// of any size up to BLOCK_MAX, so the index is written here with tiny blocks to drive every path
// with little data; results must equal the full scan.
import { packDocs } from '@/src/core/search/doc-blocks';
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type MarginaliaDb } from '@/src/background/db';
import { searchAnnotations, TUNING, type SearchTuning } from '@/src/background/search';
import type { Annotation } from '@/src/core/model';
import { buildSearchDoc, searchKey, type SearchDoc } from '@/src/core/search/document';
import { docPositions, docTerms, packBlock, type PostingBlock } from '@/src/core/search/postings';
import { expectSameAsScan } from './scan-check';

// Prefixes shared by many words (`ma`, `co`, `re`), some words common and some rare.
const WORDS = 'mayor mayors main maine man many march market council councils count county court cover river rise read real report the then there they'.split(' ');
let seed = 11;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
// Zipf-like: early words far more often.
const word = () => WORDS[Math.floor(WORDS.length * random() ** 2)]!;
const text = (n: number) => Array.from({ length: n }, word).join(' ');

function annotation(i: number): Annotation {
  const created = 1_000_000 + Math.floor(random() * 10_000_000);
  // One in 50 holds a rare word.
  const exact = text(2 + Math.floor(random() * 8)) + (i % 50 === 7 ? ' quorum' : '');
  return {
    id: `a-${i}`,
    url: `https://site${i % 3}.example/story-${i % 17}`,
    kind: pick(['highlight', 'quote'] as const),
    color: pick(['yellow', 'pink'] as const),
    note: random() < 0.5 ? text(1 + Math.floor(random() * 4)) : '',
    tags: random() < 0.3 ? [pick(['ice', 'court watch', 'data'])] : [],
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    orphan: random() < 0.05,
    created,
    updated: created,
  };
}

/**
 * Blocks of 1 to 4 keys. Body words' positions are left out of some blocks (as an index built
 * before they were kept): those documents' phrases are checked on the documents.
 */
function tinyBlocks(docs: readonly SearchDoc[]): PostingBlock[] {
  const byTerm = new Map<string, number[]>();
  const positions = new Map<number, Map<string, number[]>>(docs.map((d) => [d.key, docPositions(d)]));
  for (const doc of docs) for (const term of docTerms(doc)) byTerm.set(term, [...(byTerm.get(term) ?? []), doc.key]);
  const blocks: PostingBlock[] = [];
  for (const [term, keys] of byTerm) {
    keys.sort((a, b) => a - b);
    for (let i = 0; i < keys.length; ) {
      const slice = keys.slice(i, (i += 1 + Math.floor(random() * 4)));
      const known = random() < 0.8 ? new Map(slice.flatMap((k) => (positions.get(k)!.has(term) ? [[k, positions.get(k)!.get(term)!] as const] : []))) : undefined;
      blocks.push(packBlock(term, slice, known));
    }
  }
  return blocks;
}

let db: MarginaliaDb;
let docs: SearchDoc[];

beforeAll(async () => {
  db = openDatabase(`plan-${crypto.randomUUID()}`);
  const titles = Array.from({ length: 17 }, () => text(3));
  docs = Array.from({ length: 600 }, (_, i) => {
    const a = annotation(i);
    return buildSearchDoc(a, { title: titles[i % 17], siteName: `Site ${i % 3}` }, searchKey(a.created, i % 1024));
  });
  await db.transaction('rw', db.docBlocks, db.postings, async () => {
    // Small blocks, so that results span many.
    await db.docBlocks.bulkPut(packDocs(docs, 3));
    await db.postings.bulkPut(tinyBlocks(docs));
  });
});
afterAll(async () => {
  await db.delete();
});

describe('search over lists of many small blocks', () => {
  const QUERIES = [
    'm', 'ma', 'mayor', 'co', 'cou', 'count', 're', 'the', 'th', 'the mayor', 'ma co', 'river report', 'c r m',
    '"the mayor"', '"council the"', 'then "real report"', '"the the"', '"mayor council the"', '"the"', '"main man" "the"', '"maine"', 'tag:ice ma', 'site:site1.example co', 'kind:quote the', 'is:orphan',
    'color:pink re', 'tag:"court watch" council', 'zzz', 'the zzz',
    // A rare word beside common ones: the common lists read only where the rare word's keys are.
    'mayor quorum', 'quorum mayor main', '"the mayor" quorum', 'mayor tag:data quorum', 'ma quorum', 'quorum "mayor mayors"', 'mayor they', 'real rise mayor',
  ];
  it.each<[string, SearchTuning]>([
    ['default thresholds', TUNING],
    ['one block, one term', { rangeBlocks: 1, maxTerms: 1, firstWindow: 1, growth: 2, lastWindow: 1, firstBatch: 1, coverKeys: 0 }],
    ['one block, many terms, slow growth', { rangeBlocks: 1, maxTerms: 100, firstWindow: 1, growth: 2, lastWindow: 8, firstBatch: 2, coverKeys: 1000 }],
    ['a few blocks, a few terms', { rangeBlocks: 3, maxTerms: 6, firstWindow: 2, growth: 3, lastWindow: 9, firstBatch: 5, coverKeys: 10 }],
    ['block keys listed two at a time', { rangeBlocks: 3, maxTerms: 40, firstWindow: 1, growth: 2, lastWindow: 4, firstBatch: 4, keysPage: 2, coverKeys: 40 }],
    ['block keys listed a few at a time', { rangeBlocks: 2, maxTerms: 100, firstWindow: 1, growth: 4, lastWindow: 16, firstBatch: 8, keysPage: 7, coverKeys: 3 }],
    ['common words checked on documents', { rangeBlocks: 2, maxTerms: 100, firstWindow: 1, growth: 4, lastWindow: 16, firstBatch: 3, coverKeys: 10, commonBlocks: 2 }],
    ['every word beside a whole one checked on documents', { rangeBlocks: 1, maxTerms: 100, firstWindow: 1, growth: 2, lastWindow: 4, firstBatch: 1, coverKeys: 0, commonBlocks: 0 }],
  ])('gives exactly the full scan’s results (%s)', async (_name, tuning) => {
    for (const query of QUERIES) {
      for (const limit of [1, 5, 50]) {
        await expectSameAsScan(db, docs, query, limit, tuning, `${query} (${limit})`);
      }
    }
  });

  it('checks a common word beside a rarer one on the documents, reading fewer blocks for the same results', async () => {
    const tuning: SearchTuning = { rangeBlocks: 12, maxTerms: 100, firstWindow: 1, growth: 2, lastWindow: 4, firstBatch: 8, coverKeys: 0 };
    for (const query of ['quorum the', 'the quorum', 'th quorum', 'quorum the mayor']) {
      const posted = await searchAnnotations(db, query, 50, tuning);
      const checked = await searchAnnotations(db, query, 50, { ...tuning, commonBlocks: 4 });
      expect(checked.hits.map((h) => h.id), query).toEqual(posted.hits.map((h) => h.id));
      expect(checked.timings!.blocks, query).toBeLessThan(posted.timings!.blocks);
      // Every match wanted: read from the postings, not from every candidate's document.
      const all = await searchAnnotations(db, query, Infinity, { ...tuning, commonBlocks: 4 });
      expect(all.timings!.docsRead, query).toBe(all.hits.length);
      await expectSameAsScan(db, docs, query, 1000, { ...tuning, commonBlocks: 4 });
    }
  });

  it('reads a common word only where a rarer word’s keys are', async () => {
    // 'quorum' is in one annotation in 50, 'mayor' in most; the rare one is read whole at once, the common one in small windows.
    const tuning: SearchTuning = { rangeBlocks: 60, maxTerms: 100, firstWindow: 1, growth: 2, lastWindow: 4, firstBatch: 8, coverKeys: 0 };
    for (const query of ['quorum mayor', 'mayor quorum', 'ma quorum']) {
      const listByList = await searchAnnotations(db, query, 50, tuning);
      const covering = await searchAnnotations(db, query, 50, { ...tuning, coverKeys: 1000 });
      expect(covering.hits.map((h) => h.id)).toEqual(listByList.hits.map((h) => h.id));
      expect(covering.timings!.blocks, query).toBeLessThan(listByList.timings!.blocks / 2);
      await expectSameAsScan(db, docs, query, 50, { ...tuning, coverKeys: 1000 });
    }
  });
});

