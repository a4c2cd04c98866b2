// Export and import against a real Dexie database (fake-indexeddb): round trip, all-or-nothing,
// no duplicates on a second import, newer `modified` wins, and the search index kept in step.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonChunks, MAX_IMPORT_BYTES, type ExportMeta } from '@/src/core/export';
import type { Annotation } from '@/src/core/model';
import { openDatabase, type MarginaliaDb } from '@/src/background/db';
import { allDocs } from '@/src/background/doc-store';
import { applyImport, buildExport, previewImport } from '@/src/background/export-import';
import { createRepository, type Repository } from '@/src/background/repository';
import { requestSchemas } from '@/src/background/schemas';
import { handleMessage } from '@/src/background/router';
import type { SenderInfo } from '@/src/background/sender';
import type { NewAnnotation } from '@/src/messaging/protocol';
import { generate, rng } from '../fixtures/import/generate';
import { savedAnnotation, savedAnnotations } from './saved';

const NOW = Date.UTC(2026, 10, 27, 12);
const PAGE = 'https://news.example.com/story';

let db: MarginaliaDb;
let repo: Repository;
let clock: number;

beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  clock = Date.UTC(2026, 10, 20);
  repo = createRepository(db, () => clock);
});
afterEach(async () => {
  await db.delete();
});

/** Every table, as one string: a refused import must leave it byte for byte the same. */
async function dumpAll(d: MarginaliaDb = db): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of d.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

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

async function exportAll(d: MarginaliaDb = db): Promise<string> {
  const reply = await buildExport(d, { format: 'json', scope: { kind: 'all' } }, { now: NOW });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value.text;
}

async function imported(text: string, d: MarginaliaDb = db): Promise<string> {
  const reply = await applyImport(d, text, { now: NOW });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value.summary;
}

const byId = (list: Annotation[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

/** A database filled through the repository: notes, tags, an edit, an orphan, a quote with its speaker. */
async function seed(): Promise<Annotation[]> {
  const page = { url: PAGE, title: 'Harbour ferry returns', siteName: 'Example News', lang: 'en' };
  const a = await repo.create({ annotation: newAnnotation({ note: 'Compare zanzibarquux timetable', tags: ['transport', 'ferry'] }), page });
  clock += 1000;
  const b = await repo.create({
    annotation: newAnnotation({ kind: 'quote', color: 'green', speaker: 'The mayor', url: 'https://other.example.org/a?x=1' }),
  });
  clock += 1000;
  const c = await repo.create({ annotation: newAnnotation({ note: 'line one\nline two' }) });
  if (!a.ok || !b.ok || !c.ok) throw new Error('seed failed');
  clock += 5000;
  await repo.update(a.value.id, { note: 'Compare zanzibarquux timetable, edited', color: 'pink' });
  await repo.reportAnchoring(PAGE, [c.value.id], []);
  return savedAnnotations(db);
}

describe('export.build', () => {
  it('exports all, one page, or the given ids in their order, in each format', async () => {
    const saved = await seed();
    const page = await buildExport(db, { format: 'json', scope: { kind: 'page', url: PAGE } }, { now: NOW });
    expect(page.ok && JSON.parse(page.value.text).total).toBe(2);
    expect(page.ok && page.value.fileName).toBe('marginalia-2026-11-27-page-harbour-ferry-returns.json');
    const search = await buildExport(db, { format: 'json', scope: { kind: 'search', query: 'zanzibarq' } }, { now: NOW });
    const zan = saved.filter((a) => a.note.includes('zanzibarquux')).map((a) => `urn:uuid:${a.id}`);
    expect(search.ok && JSON.parse(search.value.text).first.items.map((i: { id: string }) => i.id)).toEqual(zan);
    const csv = await buildExport(db, { format: 'csv', scope: { kind: 'all' } }, { now: NOW });
    expect(csv.ok && csv.value.fileName.endsWith('.csv') && csv.value.text.includes('zanzibarquux')).toBe(true);
    const md = await buildExport(db, { format: 'markdown', scope: { kind: 'all' } }, { now: NOW });
    expect(md.ok && md.value.fileName.endsWith('.md') && md.value.text.includes('zanzibarquux')).toBe(true);
  });
});

describe('export → clear → import → export', () => {
  it('gives back the same annotations and file, and search finds an imported note', async () => {
    const saved = await seed();
    const first = await exportAll();
    const fresh = openDatabase(`test-${crypto.randomUUID()}`);
    try {
      expect(await imported(first, fresh)).toBe('Imported: 3 new, 0 updated, 0 skipped.');
      // ids, selectors, notes, tags, times and extras (kind, colour, orphan, speaker).
      expect(byId(await savedAnnotations(fresh))).toStrictEqual(byId(saved));
      expect(await exportAll(fresh)).toBe(first);
      const hits = (await createRepository(fresh).search('zanzibarq')).hits.map((h) => h.id);
      expect(hits).toEqual([saved.find((a) => a.note.includes('zanzibarquux'))!.id]);
      // Page metadata came along, and is searchable too.
      expect((await fresh.pages.get(PAGE))?.title).toBe('Harbour ferry returns');
      expect((await createRepository(fresh).search('harbour')).hits).toHaveLength(2);
    } finally {
      await fresh.delete();
    }
  });

  it('round-trips a varied generated set', async () => {
    const { annotations, pages } = generate(60, 7);
    const meta: ExportMeta = { generated: NOW, scope: { kind: 'all' }, appVersion: '0.1.0' };
    await imported([...jsonChunks(annotations, pages, meta)].join(''));
    expect(byId(await savedAnnotations(db))).toStrictEqual(byId(annotations));
    const first = await exportAll();
    const fresh = openDatabase(`test-${crypto.randomUUID()}`);
    try {
      await imported(first, fresh);
      expect(await exportAll(fresh)).toBe(first);
      expect((await allDocs(fresh)).length).toBe(60);
    } finally {
      await fresh.delete();
    }
  }, 30_000);
});

describe('import.apply', () => {
  it('imports the same file twice without duplicating', async () => {
    await seed();
    const text = await exportAll();
    const before = await dumpAll();
    expect(await imported(text)).toBe('Imported: 0 new, 0 updated, 3 skipped: 3 unchanged.');
    expect(await dumpAll()).toBe(before);
    const preview = await previewImport(db, text, { now: NOW });
    expect(preview).toMatchObject({ ok: true, value: { add: 0, update: 0, skip: 3 } });
  });

  it('lets the newer `modified` win, and re-indexes the winner', async () => {
    const [saved] = await seed().then((list) => list.filter((a) => a.note.includes('zanzibarquux')));
    const file = JSON.parse(await exportAll());
    const item = file.first.items.find((i: { id: string }) => i.id === `urn:uuid:${saved!.id}`);
    const bodies = item.body as { purpose: string; value: string }[];
    // An older copy with another note: skipped.
    bodies.find((b) => b.purpose === 'commenting')!.value = 'older copy quokkaword';
    item.modified = new Date(saved!.updated - 1000).toISOString();
    expect(await previewImport(db, JSON.stringify(file), { now: NOW })).toMatchObject({ ok: true, value: { add: 0, update: 0 } });
    expect(await imported(JSON.stringify(file))).toMatch(/0 new, 0 updated, 3 skipped: 2 unchanged, 1 older/);
    expect((await savedAnnotation(db, saved!.id))?.note).toBe(saved!.note);
    // A newer copy: replaces the saved one, and search finds its words instead of the old ones.
    item.modified = new Date(saved!.updated + 1000).toISOString();
    expect(await previewImport(db, JSON.stringify(file), { now: NOW })).toMatchObject({ ok: true, value: { add: 0, update: 1, skip: 2 } });
    expect(await imported(JSON.stringify(file))).toMatch(/0 new, 1 updated/);
    expect((await savedAnnotation(db, saved!.id))?.note).toBe('older copy quokkaword');
    expect((await repo.search('quokkaw')).hits.map((h) => h.id)).toEqual([saved!.id]);
    expect((await repo.search('zanzibarq')).hits).toEqual([]);
  });

  it('refuses an invalid file, naming the problem, and changes nothing', async () => {
    await seed();
    const before = await dumpAll();
    const file = JSON.parse(await exportAll());
    // Two valid annotations and one without its quote: the valid ones are not imported either.
    file.first.items[0].id = `urn:uuid:${crypto.randomUUID()}`;
    delete file.first.items[2].target.selector[0].exact;
    const reply = await applyImport(db, JSON.stringify(file), { now: NOW });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/first\.items\[2\]\.target/) });
    expect(await previewImport(db, JSON.stringify(file), { now: NOW })).toMatchObject({ ok: false });
    for (const bad of ['', 'not json', '{}', '[[[[', '{"type":"Annotation"}']) {
      expect((await applyImport(db, bad, { now: NOW })).ok).toBe(false);
    }
    expect(await dumpAll()).toBe(before);
  });

  it('writes nothing when the transaction fails half-way', async () => {
    await seed();
    const before = await dumpAll();
    const { annotations, pages } = generate(30, 3);
    const text = [...jsonChunks(annotations, pages, { generated: NOW, scope: { kind: 'all' }, appVersion: '0.1.0' })].join('');
    // The annotations are added, then the browser refuses to write a page.
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'pages') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await applyImport(db, text, { now: NOW });
    spy.mockRestore();
    log.mockRestore();
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/nothing was changed[\s\S]*QuotaExceededError/) });
    expect(await dumpAll()).toBe(before);
  });

  it('leaves every table unchanged for each refused mutation of an export (200 runs)', async () => {
    await seed();
    const text = await exportAll();
    const random = rng(99);
    const junk: unknown[] = [null, 42, -1, '', 'x'.repeat(6000), [], {}, true, 'javascript:alert(1)', '2999-01-01T00:00:00Z', 'not-a-date'];
    let refused = 0;
    for (let run = 0; run < 200; run++) {
      let mutated: string;
      if (run % 4 === 3) {
        // Text-level damage: cut short, or a character replaced.
        const at = Math.floor(random() * text.length);
        mutated = random() < 0.5 ? text.slice(0, at) : text.slice(0, at) + '"{]'[Math.floor(random() * 3)] + text.slice(at + 1);
      } else {
        const doc = JSON.parse(text);
        const places: [Record<string, unknown> | unknown[], string | number][] = [];
        const walk = (v: unknown) => {
          if (typeof v !== 'object' || v === null) return;
          for (const key of Object.keys(v)) {
            places.push([v as Record<string, unknown>, Array.isArray(v) ? Number(key) : key]);
            walk((v as Record<string, unknown>)[key]);
          }
        };
        walk(doc);
        const [container, key] = places[Math.floor(random() * places.length)]!;
        if (random() < 0.2 && !Array.isArray(container)) delete (container as Record<string, unknown>)[key as string];
        else (container as Record<string | number, unknown>)[key] = junk[Math.floor(random() * junk.length)];
        mutated = JSON.stringify(doc);
      }
      const before = await dumpAll();
      const reply = await applyImport(db, mutated, { now: NOW });
      if (!reply.ok) {
        refused++;
        expect(reply.error.length).toBeGreaterThan(0);
        expect(await dumpAll()).toBe(before);
      }
    }
    expect(refused).toBeGreaterThan(50);
  }, 30_000);
});

describe('search results', () => {
  it('exports every match of the query, beyond the popup’s 50, in the search’s order', async () => {
    for (let i = 0; i < 130; i++) {
      await repo.create({ annotation: newAnnotation({ note: `wombat note ${i}`, tags: i % 2 ? ['odd'] : [] }) });
      clock += 10;
    }
    await repo.create({ annotation: newAnnotation({ note: 'unrelated' }) });
    const shown = await repo.search('wombat');
    expect(shown.hits).toHaveLength(50);
    expect(shown.more).toBe(true);
    const reply = await buildExport(db, { format: 'json', scope: { kind: 'search', query: 'wombat' } }, { now: NOW });
    if (!reply.ok) throw new Error(reply.error);
    const doc = JSON.parse(reply.value.text);
    expect(doc.total).toBe(130);
    expect(doc.marginalia).toMatchObject({ scope: 'search', query: 'wombat' });
    const all = await repo.search('wombat', 1000);
    expect(doc.first.items.map((i: { id: string }) => i.id)).toEqual(all.hits.map((h) => `urn:uuid:${h.id}`));
    const odd = await buildExport(db, { format: 'csv', scope: { kind: 'search', query: 'wombat tag:odd' } }, { now: NOW });
    expect(odd.ok && odd.value.text.trim().split('\r\n')).toHaveLength(1 + 65);
  });
});
