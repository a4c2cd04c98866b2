// Export and import through the popup in real Chromium with the built extension: a highlight with
// a note made through the page UI is exported as JSON by the popup's button (a real download),
// the file passes the published JSON Schema, and importing it into a fresh profile through the
// popup's file input paints the highlight again on the page.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import type { Page } from 'playwright-core';
import { serveDir, type StaticServer } from '../../scripts/serve';
import { askBackground, clickSwatch, dragSelect, focusInOurUi, waitForPainted } from './driver';
import { FIXTURE_PAGES_DIR, launchExtension, PROJECT_ROOT, type ExtensionHandle } from './harness';

const PHRASE = 'a one-time transfer of $31 million from the city’s reserve fund';
const NOTE = 'Exported note <b>not bold</b> — export-note-5521';

interface StoredPage {
  annotations: { id: string; note: string; color: string; quote: { exact: string } }[];
}

describe('export and import from the popup in Chromium', () => {
  let server: StaticServer;
  let first: ExtensionHandle | undefined;
  let second: ExtensionHandle | undefined;
  let articleUrl: string;
  let exportedPath: string;
  let exportedText: string;

  beforeAll(async () => {
    server = await serveDir(FIXTURE_PAGES_DIR);
    articleUrl = server.url('/sample-article.html');
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await server?.close();
    if (exportedPath) await rm(join(exportedPath, '..'), { recursive: true, force: true });
  });

  const openPopup = async (ext: ExtensionHandle): Promise<Page> => {
    const popup = await ext.context.newPage();
    await popup.goto(`${ext.popupUrl}?url=${encodeURIComponent(articleUrl)}`);
    await popup.locator('details.exchange > summary').click();
    return popup;
  };

  it('exports a highlight with its note as a JSON file that the schema accepts', async () => {
    first = await launchExtension();
    const ext = first;
    const page = await ext.context.newPage();
    await page.goto(articleUrl);
    await page.waitForTimeout(300); // content script start
    const box = await dragSelect(page, PHRASE);
    await clickSwatch(page, box, 2); // blue
    await waitForPainted(page, 'blue', PHRASE);
    await expect.poll(() => focusInOurUi(page)).toBe(true);
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Escape');

    const popup = await openPopup(ext);
    await expect
      .poll(async () => (await askBackground<StoredPage>(popup, 'page.get', { url: articleUrl })).annotations[0]?.note, { timeout: 10_000 })
      .toBe(NOTE);

    await popup.locator('.exchange select').selectOption('json');
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export all' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^marginalia-\d{4}-\d{2}-\d{2}\.json$/);
    exportedPath = join(await mkdtemp(join(tmpdir(), 'marginalia-export-')), download.suggestedFilename());
    await download.saveAs(exportedPath);
    exportedText = await readFile(exportedPath, 'utf8');

    const schema = JSON.parse(await readFile(join(PROJECT_ROOT, 'schema', 'annotation-collection.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    // ajv-formats is not installed; as in tests/unit/export-json.test.ts.
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
    const validate = ajv.compile(schema);
    const doc = JSON.parse(exportedText);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.total).toBe(1);
    const item = doc.first.items[0];
    expect(item.target.source).toBe(articleUrl);
    expect(item.target.selector[0].exact).toBe(PHRASE);
    expect(item.body.find((b: { purpose: string }) => b.purpose === 'commenting').value).toBe(NOTE);
    await popup.close();
    await page.close();
  });

  it('exports this page as Markdown from the export page in a tab', async () => {
    const ext = first!;
    const tab = await ext.context.newPage();
    await tab.goto(`chrome-extension://${ext.extensionId}/export.html?url=${encodeURIComponent(articleUrl)}`);
    await tab.locator('.exchange select').selectOption('markdown');
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByRole('button', { name: 'Export this page' }).click()]);
    expect(download.suggestedFilename()).toMatch(/-page-.*\.md$/);
    const markdown = await readFile(await download.path(), 'utf8');
    expect(markdown).toContain('export-note-5521');
    expect(markdown).toContain('Council splits over transit budget');
    await tab.close();

    // An export handed over by the popup starts as soon as the page opens: every match of the search.
    const handed = await ext.context.newPage();
    const [started] = await Promise.all([
      handed.waitForEvent('download'),
      handed.goto(`chrome-extension://${ext.extensionId}/export.html?q=export-note&run=search&format=csv`),
    ]);
    expect(started.suggestedFilename()).toMatch(/-search-export-note\.csv$/);
    const csv = await readFile(await started.path(), 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv).toContain('export-note-5521');
    await expect.poll(() => handed.locator('.export-status').textContent()).toMatch(/Saved .*\(1 highlight\)/);
    await handed.close();
  });

  it('imports the file into a fresh profile through the popup, and the highlight is painted again', async () => {
    expect(exportedText).toBeTruthy();
    second = await launchExtension();
    const ext = second;
    const popup = await openPopup(ext);
    // A file that is not an export is refused, and said so, as text.
    await popup.locator('.exchange input[type=file]').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"type":"Annotation","target":"<img src=x onerror=alert(1)>"}'),
    });
    await expect.poll(() => popup.locator('.exchange [role=alert]').textContent()).toMatch(/\S/);
    expect(await popup.locator('.exchange img').count()).toBe(0);

    await popup.locator('.exchange input[type=file]').setInputFiles(exportedPath);
    await expect.poll(() => popup.locator('.import-summary').textContent()).toContain('1 new, 0 updated, 0 skipped');
    // The preview wrote nothing.
    expect((await askBackground<StoredPage>(popup, 'page.get', { url: articleUrl })).annotations).toEqual([]);
    await popup.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => popup.locator('.import-result').textContent()).toContain('Imported: 1 new');
    const stored = await askBackground<StoredPage>(popup, 'page.get', { url: articleUrl });
    expect(stored.annotations.map((a) => [a.note, a.color, a.quote.exact])).toEqual([[NOTE, 'blue', PHRASE]]);
    // "This page" was loaded again, and shows the note as text.
    await expect.poll(() => popup.locator('.note').first().textContent()).toBe(NOTE);
    expect(await popup.locator('.note b').count()).toBe(0);

    const page = await ext.context.newPage();
    await page.goto(articleUrl);
    await waitForPainted(page, 'blue', PHRASE);
    await page.close();

    // The imported note is searchable, and the results export on their own.
    await popup.locator('.search input').fill('export-note');
    const results = popup.getByRole('button', { name: 'Export results' });
    await expect.poll(() => results.isEnabled()).toBe(true);
    const [download] = await Promise.all([popup.waitForEvent('download'), results.click()]);
    expect(download.suggestedFilename()).toMatch(/-search-export-note\.json$/);
    const found = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(found.total).toBe(1);
    expect(found.marginalia).toMatchObject({ scope: 'search', query: 'export-note' });
    await popup.close();
  });

  it('sends exports and imports in several chunks over the connection, and a chunk refused half-way changes nothing', async () => {
    const ext = second!;
    const tab = await ext.context.newPage();
    await tab.goto(`chrome-extension://${ext.extensionId}/export.html`);
    await tab.evaluate('globalThis.__name ??= (f) => f;');
    // Three more annotations on another page, through the import connection, one per chunk.
    const file = JSON.parse(exportedText);
    const base = file.first.items[0];
    const items = [1, 2, 3].map((n) => ({
      annotation: {
        id: crypto.randomUUID(),
        url: `${articleUrl}?page=${n}`,
        kind: 'highlight',
        color: 'green',
        note: `chunk note ${n}`,
        tags: ['chunked'],
        quote: { type: 'TextQuoteSelector', exact: base.target.selector[0].exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 10 },
        orphan: false,
        created: Date.now() - (10 - n) * 86_400_000,
        updated: Date.now() - (10 - n) * 86_400_000,
      },
    }));
    type Reply = { type: string; error?: string; data?: string; done?: boolean; preview?: { add: number }; summary?: string; total?: number };
    const talk = (name: string, messages: unknown[], until: number) =>
      tab.evaluate(
        ([portName, list, count]) =>
          new Promise<Reply[]>((resolve) => {
            const chrome = (globalThis as unknown as { chrome: { runtime: { connect(o: { name: string }): { postMessage(m: unknown): void; disconnect(): void; onMessage: { addListener(l: (m: Reply) => void): void } } } } }).chrome;
            const port = chrome.runtime.connect({ name: portName });
            const replies: Reply[] = [];
            port.onMessage.addListener((m) => {
              replies.push(m);
              if (m.type === 'chunk' && !m.done) port.postMessage({ type: 'next' });
              if (replies.length >= count || m.type === 'error' || m.done) {
                port.disconnect();
                resolve(replies);
              }
            });
            for (const m of list) port.postMessage(m);
          }),
        [name, messages, until] as const,
      );
    const chunk = (list: unknown[]) => ({ type: 'items', data: JSON.stringify(list) });
    // What is stored, as search sees it (its stage timings left out: they differ on every call).
    const dump = async () => {
      const { timings: _timings, ...results } = await askBackground<{ timings?: unknown }>(tab, 'search.query', { query: 'chunk', limit: 200 });
      return JSON.stringify(results);
    };
    const before = await dump();

    // A bad annotation in the second of three chunks: refused, and nothing is written.
    const bad = { ...items[1]!, annotation: { ...items[1]!.annotation, note: 'x'.repeat(20_001) } };
    const refused = await talk('marginalia:import', [{ type: 'begin', total: 3 }, chunk([items[0]]), chunk([bad]), chunk([items[2]]), { type: 'apply' }], 3);
    expect(refused.map((r) => r.type)).toEqual(['staged', 'error']);
    expect(refused[1]!.error).toMatch(/items\[1\]: annotation\.note/);
    expect(await dump()).toBe(before);

    const applied = await talk('marginalia:import', [{ type: 'begin', total: 3 }, ...items.map((i) => chunk([i])), { type: 'plan' }, { type: 'apply' }], 5);
    expect(applied.map((r) => r.type)).toEqual(['staged', 'staged', 'staged', 'plan', 'applied']);
    expect(applied[3]!.preview).toMatchObject({ add: 3 });
    expect((await askBackground<{ hits: unknown[] }>(tab, 'search.query', { query: 'tag:chunked' })).hits).toHaveLength(3);

    // Every annotation, one per chunk; the header carries the manifest's version.
    const exported = await talk('marginalia:export', [{ type: 'start', scope: { kind: 'all' }, chunkSize: 1 }, { type: 'next' }], 100);
    expect(exported[0]).toMatchObject({ type: 'header', total: 4, meta: { appVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/) } });
    const chunks = exported.filter((r) => r.type === 'chunk');
    expect(chunks).toHaveLength(4);
    // Page by page (by URL), each page's oldest first: the order the annotations are stored in.
    const sent = chunks.flatMap((c) => JSON.parse(c.data!).annotations as { note: string; url: string; created: number }[]);
    expect(sent.map((a) => a.note).sort()).toEqual(['chunk note 1', 'chunk note 2', 'chunk note 3', NOTE].sort());
    const stored = [...sent].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : a.created - b.created));
    expect(sent).toEqual(stored);
    await tab.close();
  });
});
