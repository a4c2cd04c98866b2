// The export's records read in parts inside one read transaction (src/background/export-stream.ts):
// every annotation once, in the stored order (page by page, each page's oldest first), whatever the
// part and chunk sizes, every page there with its annotations, and a snapshot that a later write
// does not change.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotationSize, MAX_CHUNK_CHARS } from '@/src/core/export';
import type { Annotation } from '@/src/core/model';
import { openDatabase, type MarginaliaDb } from '@/src/background/db';
import { openExportStream, type ExportStream } from '@/src/background/export-stream';
import { generate } from '../fixtures/import/generate';
import { addAnnotations, countSaved, savedAnnotations } from './saved';

let db: MarginaliaDb;
beforeEach(() => {
  db = openDatabase(`stream-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

async function drain(stream: ExportStream, max: number, maxChars = MAX_CHUNK_CHARS): Promise<Annotation[][]> {
  const chunks: Annotation[][] = [];
  for (;;) {
    const chunk = await stream.take(max, annotationSize, maxChars);
    if (!chunk.length) return chunks;
    for (const a of chunk) expect(stream.pages.has(a.url) || !(await db.pages.get(a.url))).toBe(true);
    chunks.push(chunk);
  }
}

/** `count` annotations over a few pages, with runs of equal creation times longer than a read page. */
async function seed(count: number): Promise<Annotation[]> {
  const { annotations, pages } = generate(count, 7);
  const records = annotations.map((a, i) => ({ ...a, created: 1_000 + Math.floor(i / 9) * (i % 4 === 0 ? 0 : 1), updated: 5_000 }));
  // Some long runs: 40 annotations created in the same millisecond.
  for (let i = 100; i < Math.min(140, count); i++) records[i] = { ...records[i]!, created: 777 };
  await addAnnotations(db, records);
  await db.pages.bulkPut([...pages.values()]);
  return savedAnnotations(db);
}

describe('openExportStream', () => {
  it('gives every annotation once, in the stored order, with their pages, whatever the part and chunk sizes', async () => {
    const expected = await seed(300);
    for (const [readPages, max] of [
      [2, 5],
      [3, 64],
      [100, 2_000],
      [1, 3],
    ] as const) {
      const stream = openExportStream(db, { kind: 'all' }, readPages);
      expect(await stream.header).toEqual({ total: expected.length, scope: { kind: 'all' } });
      const chunks = await drain(stream, max);
      expect(chunks.flat().map((a) => a.id)).toEqual(expected.map((a) => a.id));
      expect(chunks.every((c) => c.length <= max)).toBe(true);
      expect(chunks.slice(0, -1).every((c) => c.length === max)).toBe(true);
    }
  });

  it('cuts chunks by size as well as by count', async () => {
    const expected = await seed(60);
    const stream = openExportStream(db, { kind: 'all' }, 2);
    const chunks = await drain(stream, 1_000, 2_000);
    expect(chunks.flat().map((a) => a.id)).toEqual(expected.map((a) => a.id));
    for (const chunk of chunks) {
      if (chunk.length > 1) expect(chunk.reduce((n, a) => n + annotationSize(a), 0)).toBeLessThanOrEqual(2_000);
    }
  });

  it('is a snapshot: a write made while it is read is not in it', async () => {
    const expected = await seed(120);
    const stream = openExportStream(db, { kind: 'all' }, 1);
    await stream.header;
    const extra = { ...expected[0]!, id: crypto.randomUUID(), created: 2_000 };
    const write = addAnnotations(db, [extra]);
    const chunks = await drain(stream, 10);
    await write;
    expect(chunks.flat().map((a) => a.id)).toEqual(expected.map((a) => a.id));
    expect(await countSaved(db)).toBe(expected.length + 1);
  });

  it('reads one page or search results whole, and an empty database as no chunk', async () => {
    const empty = openExportStream(db, { kind: 'all' });
    expect(await empty.header).toEqual({ total: 0, scope: { kind: 'all' } });
    expect(await empty.take(10, annotationSize, MAX_CHUNK_CHARS)).toEqual([]);
    const expected = await seed(50);
    const url = expected[0]!.url;
    const stream = openExportStream(db, { kind: 'page', url });
    const onPage = expected.filter((a) => a.url === url);
    expect((await stream.header).total).toBe(onPage.length);
    expect((await drain(stream, 4)).flat().map((a) => a.id).sort()).toEqual(onPage.map((a) => a.id).sort());
  });
});
