// Exports and imports through the chunked transport, end to end in Node: the page-side clients
// (src/exchange/) talk to the background's sessions (src/background/exchange-port.ts) over
// in-memory ports that serialise every message as Chrome does, with chunks small enough that every
// transfer takes several. A refusal at any point leaves the database byte for byte as it was.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonChunks, openImport, parseImport, type ExportMeta, type ImportedAnnotation } from '@/src/core/export';
import { openDatabase, type MarginaliaDb } from '@/src/background/db';
import { allDocs } from '@/src/background/doc-store';
import { acceptPort, type ExchangeDeps } from '@/src/background/exchange-port';
import { buildExport } from '@/src/background/export-import';
import type { SenderInfo } from '@/src/background/sender';
import { exportOverPort } from '@/src/exchange/export-client';
import { ImportConnection } from '@/src/exchange/import-client';
import { EXPORT_PORT, IMPORT_PORT, type PortLike } from '@/src/messaging/protocol';
import { generate } from '../fixtures/import/generate';
import { countSaved } from './saved';

const NOW = Date.UTC(2026, 10, 27, 12);
const OWN = 'ownextensionid';
const BASE = `chrome-extension://${OWN}/`;
const PAGE_SENDER: SenderInfo = { id: OWN, url: `${BASE}export.html`, tab: { id: 3, url: `${BASE}export.html` }, frameId: 0, ownId: OWN, extensionBaseUrl: BASE };
const CONTENT_SENDER: SenderInfo = { id: OWN, url: 'https://news.example.com/a', tab: { id: 4, url: 'https://news.example.com/a' }, frameId: 0, ownId: OWN, extensionBaseUrl: BASE };

/** Every message that crossed, by direction, as the JSON Chrome sends. */
interface Wire {
  toBackground: string[];
  toPage: string[];
}

/**
 * Two ends of a connection. Messages arrive asynchronously, in order, as copies (JSON, as Chrome
 * serialises extension messages); disconnecting one end tells the other, as runtime.Port does.
 */
interface End {
  port: PortLike;
  link(other: End): void;
  deliver(message: unknown): void;
  drop(): void;
}

function connection(name: string, wire: Wire): { page: PortLike; background: PortLike } {
  const end = (log: string[]): End => {
    const messages: ((m: unknown) => void)[] = [];
    const disconnects: (() => void)[] = [];
    let peer: End;
    let open = true;
    const port = {
      name,
      postMessage(message: unknown) {
        if (!open) throw new Error('Attempting to use a disconnected port object');
        const json = JSON.stringify(message);
        log.push(json);
        setTimeout(() => peer.deliver(JSON.parse(json)), 0);
      },
      disconnect() {
        if (!open) return;
        open = false;
        setTimeout(() => peer.drop(), 0);
      },
      onMessage: { addListener: (l: (m: unknown) => void) => void messages.push(l) },
      onDisconnect: { addListener: (l: () => void) => void disconnects.push(l) },
    };
    return {
      port,
      link: (other: End) => void (peer = other),
      deliver: (m: unknown) => open && messages.forEach((l) => l(m)),
      drop: () => {
        if (!open) return;
        open = false;
        disconnects.forEach((l) => l());
      },
    };
  };
  const page = end(wire.toBackground);
  const background = end(wire.toPage);
  page.link(background);
  background.link(page);
  return { page: page.port, background: background.port };
}

let db: MarginaliaDb;
let wire: Wire;
const deps = (): ExchangeDeps => ({ db: () => db, now: () => NOW, appVersion: '7.7.7' });

/** A page's end of a new connection to the background, opened by `sender`. */
function connect(name: string, sender: SenderInfo = PAGE_SENDER): PortLike {
  const { page, background } = connection(name, wire);
  acceptPort(background, sender, deps());
  return page;
}

async function dumpAll(d: MarginaliaDb = db): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of d.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

const META: ExportMeta = { generated: NOW, scope: { kind: 'all' }, appVersion: '7.7.7' };
const parsed = (text: string): ImportedAnnotation[] => {
  const result = parseImport(text, { now: NOW });
  if (!result.ok) throw new Error(result.message);
  return result.items;
};
/** The file's text as written, byte order mark included (Blob.text() drops it). */
const textOf = async (blob: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
const sentOf = (log: string[], type: string) => log.filter((m) => JSON.parse(m).type === type).length;

beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  wire = { toBackground: [], toPage: [] };
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** Imports through the chunked path; the plan, then the summary. */
async function importItems(items: ImportedAnnotation[], chunkSize = 7): Promise<{ plan: string; summary: string }> {
  const imp = new ImportConnection(connect(IMPORT_PORT));
  try {
    const plan = await imp.plan(items, { chunkSize });
    return { plan: plan.summary, summary: await imp.apply() };
  } finally {
    imp.destroy();
  }
}

describe('chunked export and import', () => {
  it('imports a file in chunks, shows the plan before writing, and exports the same file in chunks', async () => {
    const { annotations, pages } = generate(60, 11);
    const text = [...jsonChunks(annotations, pages, META)].join('');
    const items = parsed(text);
    const empty = await dumpAll();

    const imp = new ImportConnection(connect(IMPORT_PORT));
    const plan = await imp.plan(items, { chunkSize: 7 });
    expect(plan).toMatchObject({ add: 60, update: 0, skip: 0, summary: '60 new, 0 updated, 0 skipped.' });
    expect(sentOf(wire.toBackground, 'items')).toBe(9);
    // Staged and planned, nothing written.
    expect(await dumpAll()).toBe(empty);
    expect(await imp.apply()).toBe('Imported: 60 new, 0 updated, 0 skipped.');
    imp.destroy();
    expect(await countSaved(db)).toBe(60);
    expect((await allDocs(db)).length).toBe(60);

    const files: Record<string, string> = {};
    for (const format of ['json', 'csv', 'markdown'] as const) {
      wire.toPage.length = 0;
      const file = await exportOverPort(connect(EXPORT_PORT), { format, scope: { kind: 'all' }, chunkSize: 7 });
      expect(sentOf(wire.toPage, 'chunk')).toBe(9);
      const whole = await buildExport(db, { format, scope: { kind: 'all' } }, { now: NOW, appVersion: '7.7.7' });
      if (!whole.ok || !file) throw new Error('export failed');
      expect(file.fileName).toBe(whole.value.fileName);
      files[format] = await textOf(file.blob);
      expect(files[format]).toBe(whole.value.text);
    }
    // The same annotations as the file imported, with the version the background was given.
    const exported = JSON.parse(files.json!);
    expect(exported.generator.name).toBe('Marginalia 7.7.7');
    const byId = (list: ImportedAnnotation[]) => [...list].sort((a, b) => a.annotation.id.localeCompare(b.annotation.id));
    expect(byId(parsed(files.json!))).toStrictEqual(byId(items));
  });

  it('sends each page once, with the first chunk that needs it', async () => {
    const { annotations, pages } = generate(40, 5);
    await importItems(parsed([...jsonChunks(annotations, pages, META)].join('')));
    await exportOverPort(connect(EXPORT_PORT), { format: 'csv', scope: { kind: 'all' }, chunkSize: 3 });
    const chunks = wire.toPage.map((m) => JSON.parse(m)).filter((m) => m.type === 'chunk');
    const sentPages = chunks.flatMap((m) => JSON.parse(m.data).pages as { url: string }[]).map((p) => p.url);
    expect(sentPages.length).toBe(new Set(sentPages).size);
    expect(new Set(sentPages)).toEqual(new Set(annotations.map((a) => a.url).filter((u) => pages.has(u))));
  });

  it('exports every search match in chunks', async () => {
    const { annotations, pages } = generate(80, 9);
    await importItems(parsed([...jsonChunks(annotations, pages, META)].join('')));
    const file = await exportOverPort(connect(EXPORT_PORT), { format: 'json', scope: { kind: 'search', query: 'kind:highlight' }, chunkSize: 4 });
    const expected = annotations.filter((a) => a.kind === 'highlight').length;
    expect(expected).toBeGreaterThan(8);
    expect(JSON.parse(await file!.blob.text()).total).toBe(expected);
    expect(file!.fileName).toMatch(/-search-kind-highlight\.json$/);
  });

  it('hands over when asked, before writing anything', async () => {
    const { annotations, pages } = generate(10, 2);
    await importItems(parsed([...jsonChunks(annotations, pages, META)].join('')));
    const seen: number[] = [];
    const file = await exportOverPort(connect(EXPORT_PORT), { format: 'json', scope: { kind: 'all' }, handOver: (total) => seen.push(total) > 0 });
    expect(file).toBeNull();
    expect(seen).toEqual([10]);
    expect(sentOf(wire.toPage, 'chunk')).toBe(0);
  });
});

describe('refusals leave the database unchanged', () => {
  /** A database with something in it, and a file that overlaps it. */
  async function setUp(): Promise<{ items: ImportedAnnotation[]; before: string }> {
    const { annotations, pages } = generate(30, 4);
    await importItems(parsed([...jsonChunks(annotations, pages, META)].join('')));
    const more = generate(50, 8);
    const items = parsed([...jsonChunks([...more.annotations, ...annotations.slice(0, 5).map((a) => ({ ...a, note: 'newer', updated: a.updated + 1 }))], more.pages, META)].join(''));
    return { items, before: await dumpAll() };
  }

  it('refuses a bad annotation in the middle of the chunks, naming it, and writes nothing', async () => {
    const { items, before } = await setUp();
    const port = connect(IMPORT_PORT);
    const replies: { type: string; error?: string }[] = [];
    port.onMessage.addListener((m) => void replies.push(m as { type: string }));
    port.postMessage({ type: 'begin', total: items.length });
    const bad = items.map((item, i) => (i === 23 ? { ...item, annotation: { ...item.annotation, note: 'x'.repeat(20_001) } } : item));
    for (let from = 0; from < bad.length; from += 10) port.postMessage({ type: 'items', data: JSON.stringify(bad.slice(from, from + 10)) });
    // A page that goes on regardless gets errors, and nothing is written.
    port.postMessage({ type: 'plan' });
    port.postMessage({ type: 'apply' });
    await vi.waitFor(() => expect(replies.length).toBeGreaterThanOrEqual(5));
    expect(replies.slice(0, 2)).toEqual([{ type: 'staged', received: 10 }, { type: 'staged', received: 20 }]);
    expect(replies[2]).toEqual({ type: 'error', error: expect.stringMatching(/items\[23\]: annotation\.note: the note is too long/) });
    expect(replies.slice(3).every((r) => r.type === 'error')).toBe(true);
    expect(await dumpAll()).toBe(before);
  });

  it('refuses what a page may not send: unknown keys, future dates, bad ids, more than announced', async () => {
    const { items, before } = await setUp();
    const item = items[0]!;
    const cases: [unknown, RegExp][] = [
      [{ ...item, annotation: { ...item.annotation, html: '<b>' } }, /annotation: Unrecognized key/],
      [{ ...item, annotation: { ...item.annotation, updated: NOW + 3 * 86_400_000 } }, /updated: is in the future/],
      [{ ...item, annotation: { ...item.annotation, id: 'not-a-uuid' } }, /annotation\.id: must be a UUID/],
      [{ ...item, annotation: { ...item.annotation, url: 'javascript:alert(1)' } }, /annotation\.url/],
      [{ ...item, annotation: { ...item.annotation, created: item.annotation.updated + 1 } }, /updated: must not be before created/],
      [{ ...item, page: { title: 'x'.repeat(1001) } }, /page\.title/],
    ];
    for (const [bad, message] of cases) {
      const imp = new ImportConnection(connect(IMPORT_PORT));
      await expect(imp.plan([...items.slice(0, 12), bad as ImportedAnnotation, ...items.slice(12)], { chunkSize: 5 })).rejects.toThrow(message);
      imp.destroy();
    }
    const port = connect(IMPORT_PORT);
    const replies: unknown[] = [];
    port.onMessage.addListener((m) => void replies.push(m));
    port.postMessage({ type: 'begin', total: 2 });
    port.postMessage({ type: 'items', data: JSON.stringify(items.slice(0, 3)) });
    await vi.waitFor(() => expect(replies).toEqual([{ type: 'error', error: expect.stringMatching(/More annotations were sent than the 2 announced/) }]));
    expect(await dumpAll()).toBe(before);
  });

  it('planFile sends a file as it checks it: the same plan and warnings as parsing it first', async () => {
    const { annotations, pages } = generate(40, 21);
    const marked = annotations.map((a, i) => (i === 3 ? { ...a, note: `${a.note}\u0007` } : a));
    const text = [...jsonChunks(marked, pages, META)].join('');
    const whole = parseImport(text, { now: NOW });
    if (!whole.ok) throw new Error(whole.message);
    const opened = openImport(text, { now: NOW });
    if (!opened.ok) throw new Error(opened.message);
    const imp = new ImportConnection(connect(IMPORT_PORT));
    try {
      const progress: number[] = [];
      const preview = await imp.planFile(opened.reader, { chunkSize: 6, onProgress: (sent) => progress.push(sent) });
      expect(preview.summary).toMatch(/^40 new, 0 updated, 0 skipped/);
      expect(preview.warnings).toEqual(whole.warnings);
      expect(preview.warnings).toEqual(['Control characters were removed from 1 text.']);
      expect(progress).toEqual([6, 12, 18, 24, 30, 36, 40]);
      expect(await imp.apply()).toMatch(/^Imported: 40 new/);
    } finally {
      imp.destroy();
    }
  });

  it('planFile refuses an invalid file with parseImport’s own message, stops sending, and writes nothing', async () => {
    const { before } = await setUp();
    const { annotations, pages } = generate(60, 13);
    const doc = JSON.parse([...jsonChunks(annotations, pages, META)].join('')) as { first: { items: Record<string, unknown>[] } };
    doc.first.items[31]!.created = '2026-02-30T00:00:00Z';
    doc.first.items[55]!.target = {};
    const text = JSON.stringify(doc);
    const whole = parseImport(text, { now: NOW });
    if (whole.ok) throw new Error('the file should be refused');
    const opened = openImport(text, { now: NOW });
    if (!opened.ok) throw new Error(opened.message);
    wire.toBackground.length = 0;
    const imp = new ImportConnection(connect(IMPORT_PORT));
    try {
      await expect(imp.planFile(opened.reader, { chunkSize: 10 })).rejects.toThrow(whole.message);
    } finally {
      imp.destroy();
    }
    expect(whole.message).toMatch(/2 of 60 annotations in the file are invalid/);
    // The three chunks before the bad one went out; nothing after it, and no plan was asked for.
    expect(sentOf(wire.toBackground, 'items')).toBe(3);
    expect(sentOf(wire.toBackground, 'plan')).toBe(0);
    expect(await dumpAll()).toBe(before);
  });

  it('writes nothing when the page goes away after the plan, or before every chunk arrived', async () => {
    const { items, before } = await setUp();
    const imp = new ImportConnection(connect(IMPORT_PORT));
    expect((await imp.plan(items, { chunkSize: 9 })).summary).toMatch(/^50 new, 5 updated, 0 skipped/);
    imp.destroy();
    const port = connect(IMPORT_PORT);
    const replies: unknown[] = [];
    port.onMessage.addListener((m) => void replies.push(m));
    port.postMessage({ type: 'begin', total: items.length });
    port.postMessage({ type: 'items', data: JSON.stringify(items.slice(0, 20)) });
    port.postMessage({ type: 'apply' });
    await vi.waitFor(() => expect(replies).toHaveLength(2));
    expect(replies[1]).toEqual({ type: 'error', error: expect.stringMatching(/only 20 of 55 annotations arrived/) });
    expect(await dumpAll()).toBe(before);
  });

  it('writes nothing when the transaction fails half-way through applying', async () => {
    const { items, before } = await setUp();
    const imp = new ImportConnection(connect(IMPORT_PORT));
    await imp.plan(items, { chunkSize: 6 });
    // The annotations are written, then the browser refuses to write the search index.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'postings') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(imp.apply()).rejects.toThrow(/nothing was changed[\s\S]*QuotaExceededError/);
    imp.destroy();
    expect(await dumpAll()).toBe(before);
  });

  it('refuses connections from content scripts, and malformed requests', async () => {
    const { before } = await setUp();
    for (const name of [EXPORT_PORT, IMPORT_PORT]) {
      const port = connect(name, CONTENT_SENDER);
      const replies: unknown[] = [];
      let closed = false;
      port.onMessage.addListener((m) => void replies.push(m));
      port.onDisconnect.addListener(() => (closed = true));
      await vi.waitFor(() => expect(closed).toBe(true));
      expect(replies).toEqual([{ type: 'error', error: expect.stringMatching(/not open to a content script/) }]);
    }
    await expect(exportOverPort(connect(EXPORT_PORT, { ...PAGE_SENDER, id: 'another-extension' }), { format: 'json', scope: { kind: 'all' } })).rejects.toThrow(
      /not from this extension/,
    );
    await expect(exportOverPort(connect(EXPORT_PORT), { format: 'json', scope: { kind: 'page', url: 'javascript:alert(1)' } })).rejects.toThrow(
      /Invalid export request: scope\.url/,
    );
    const port = connect(IMPORT_PORT);
    const replies: unknown[] = [];
    port.onMessage.addListener((m) => void replies.push(m));
    port.postMessage({ type: 'items', items: [] });
    await vi.waitFor(() => expect(replies).toEqual([{ type: 'error', error: expect.stringMatching(/Invalid import request/) }]));
    // A chunk that is not a list of annotations, or nests absurdly deep, is refused before it is read.
    for (const data of ['{"a":1}', '[]', 'not json', `${'['.repeat(5000)}${']'.repeat(5000)}`]) {
      const p = connect(IMPORT_PORT);
      const got: unknown[] = [];
      p.onMessage.addListener((m) => void got.push(m));
      p.postMessage({ type: 'begin', total: 1 });
      p.postMessage({ type: 'items', data });
      await vi.waitFor(() => expect(got).toEqual([{ type: 'error', error: expect.stringMatching(/Invalid import request: the chunk/) }]));
    }
    expect(await dumpAll()).toBe(before);
  });
});
