// Storage: the repository over a real Dexie database (fake-indexeddb), one fresh database per test.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '@/src/core/model';
import { openDatabase, type MarginaliaDb } from '@/src/background/db';
import { createRepository, TAG_LIST_SIZE, type Repository } from '@/src/background/repository';
import { topTags } from '@/src/background/tag-counts';
import type { NewAnnotation } from '@/src/messaging/protocol';
import { savedAnnotation, savedAnnotations } from './saved';

const PAGE = 'https://news.example.com/story';
const OTHER = 'https://other.example.org/article';

function newAnnotation(over: Partial<NewAnnotation> = {}): NewAnnotation {
  return {
    id: crypto.randomUUID(),
    url: PAGE,
    kind: 'highlight',
    color: 'yellow',
    quote: { type: 'TextQuoteSelector', exact: 'the mayor said', prefix: 'Yesterday ', suffix: ' that' },
    position: { type: 'TextPositionSelector', start: 10, end: 24 },
    ...over,
  };
}

let db: MarginaliaDb;
let repo: Repository;
let clock: number;

const dump = async () => ({ annotations: await savedAnnotations(db), pages: await db.pages.toArray() });

async function created(over: Partial<NewAnnotation> = {}) {
  const result = await repo.create({ annotation: newAnnotation(over) });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  clock = 1_000;
  repo = createRepository(db, () => clock);
});
afterEach(async () => {
  await db.delete();
});

describe('create', () => {
  it('stamps times, normalises tags and keeps the record as read back', async () => {
    const result = await repo.create({
      annotation: newAnnotation({ note: 'Check this', tags: ['  ice ', 'ICE', '', 'chicago  politics'] }),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ created: 1_000, updated: 1_000, orphan: false, note: 'Check this' });
    expect(result.value.tags).toEqual(['ice', 'chicago politics']);
    expect(await savedAnnotation(db, result.value.id)).toEqual(result.value);
  });

  it('stores the page metadata, truncated, and keeps fields a later visit does not send', async () => {
    await repo.create({
      annotation: newAnnotation(),
      page: { url: PAGE, title: 'T'.repeat(LIMITS.pageField + 50), byline: 'By A. Reporter', lang: 'en' },
    });
    clock = 2_000;
    await repo.create({ annotation: newAnnotation(), page: { url: PAGE, siteName: 'Example News', byline: '' } });
    const page = await db.pages.get(PAGE);
    expect(page?.title).toHaveLength(LIMITS.pageField);
    expect(page).toMatchObject({ url: PAGE, byline: 'By A. Reporter', siteName: 'Example News', lang: 'en', updated: 2_000 });
  });

  it('refuses an over-long quote or note with a clear message and writes nothing', async () => {
    const before = await dump();
    const longQuote = await repo.create({
      annotation: newAnnotation({
        quote: { type: 'TextQuoteSelector', exact: 'x'.repeat(LIMITS.quote + 1), prefix: '', suffix: '' },
      }),
    });
    const longNote = await repo.create({ annotation: newAnnotation({ note: 'n'.repeat(LIMITS.note + 1) }) });
    expect(longQuote).toEqual({ ok: false, error: expect.stringMatching(/selection is too long.*5000/) });
    expect(longNote).toEqual({ ok: false, error: expect.stringMatching(/note is too long.*20000/) });
    expect(await dump()).toEqual(before);
  });

  it('refuses a second annotation with the same id instead of overwriting the first', async () => {
    const first = await created({ note: 'original' });
    const second = await repo.create({ annotation: newAnnotation({ id: first.id, url: OTHER, note: 'hijack' }) });
    expect(second.ok).toBe(false);
    expect(await savedAnnotation(db, first.id)).toEqual(first);
    expect(await db.pages.get(OTHER)).toBeUndefined();
  });
});

describe('update and delete', () => {
  it('patches note, tags and colour, bumps updated and leaves the rest', async () => {
    const a = await created({ note: 'old', tags: ['x'] });
    clock = 5_000;
    const result = await repo.update(a.id, { note: 'new', tags: ['b ', 'B', 'c'], color: 'blue' });
    expect(result).toEqual({ ok: true, value: { ...a, note: 'new', tags: ['b', 'c'], color: 'blue', updated: 5_000 } });
    expect(await savedAnnotation(db, a.id)).toEqual(result.ok && result.value);
  });

  it('fails for an unknown id, and for another page when scoped to a page', async () => {
    const a = await created();
    const before = await dump();
    expect((await repo.update(crypto.randomUUID(), { note: 'x' })).ok).toBe(false);
    expect((await repo.update(a.id, { note: 'x' }, OTHER)).ok).toBe(false);
    expect((await repo.remove(a.id, OTHER)).ok).toBe(false);
    expect(await dump()).toEqual(before);
  });

  it('deletes, and deleting again is harmless', async () => {
    const a = await created();
    expect(await repo.remove(a.id, PAGE)).toEqual({ ok: true, value: null });
    expect(await savedAnnotation(db, a.id)).toBeUndefined();
    expect(await repo.remove(a.id)).toEqual({ ok: true, value: null });
  });
});

describe('reads', () => {
  it('lists one page oldest first', async () => {
    clock = 300;
    const late = await created();
    clock = 100;
    const early = await created();
    await created({ url: OTHER });
    expect((await repo.forPage(PAGE)).map((a) => a.id)).toEqual([early.id, late.id]);
  });

  it('gives a page and its annotations, or null for a page never saved', async () => {
    await repo.create({ annotation: newAnnotation(), page: { url: PAGE, title: 'Story' } });
    const got = await repo.getPage(PAGE);
    expect(got.page).toMatchObject({ url: PAGE, title: 'Story' });
    expect(got.annotations).toHaveLength(1);
    expect(await repo.getPage(OTHER)).toEqual({ page: null, annotations: [] });
  });

  it('lists tags most used first, case variants counted together', async () => {
    await created({ tags: ['ice', 'budget'] });
    await created({ tags: ['ICE', 'police'] });
    await created({ tags: ['ice', 'police', 'zoning'] });
    expect(await repo.listTags()).toEqual(['ice', 'police', 'budget', 'zoning']);
  });
});

describe('anchoring report', () => {
  it('sets orphan flags only on the reported page', async () => {
    const mine = await created();
    const back = await created();
    const foreign = await created({ url: OTHER });
    await repo.reportAnchoring(PAGE, [mine.id], []);
    await repo.reportAnchoring(PAGE, [back.id, foreign.id], []);
    await repo.reportAnchoring(PAGE, [], [back.id]);
    expect((await savedAnnotation(db, mine.id))?.orphan).toBe(true);
    expect((await savedAnnotation(db, back.id))?.orphan).toBe(false);
    expect(await savedAnnotation(db, foreign.id)).toEqual(foreign);
  });
});

describe('topTags', () => {
  it('ranks by count, breaks ties alphabetically, keeps the most used spelling and the limit', () => {
    expect(topTags(['b', 'a', 'NYC', 'nyc', 'NYC', 'c', 'c'], 10)).toEqual(['NYC', 'c', 'a', 'b']);
    const many = Array.from({ length: TAG_LIST_SIZE + 20 }, (_, i) => `tag${i}`);
    expect(topTags(many, TAG_LIST_SIZE)).toHaveLength(TAG_LIST_SIZE);
  });
});
