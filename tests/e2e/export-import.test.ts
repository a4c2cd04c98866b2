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
});
