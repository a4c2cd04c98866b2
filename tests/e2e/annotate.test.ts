// The reader's whole path in real Chromium with the built extension: select → highlight → note
// and tags → reload → painted again and listed in the popup; and the trust boundary: the page
// cannot read notes, has no database of ours, and cannot change anything by messaging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveDir, type StaticServer } from '../../scripts/serve';
import { askBackground, clickHighlight, clickSwatch, dragSelect, focusInOurUi, waitForPainted } from './driver';
import { FIXTURE_PAGES_DIR, launchExtension, stopServiceWorker, type ExtensionHandle } from './harness';

interface StoredAnnotation {
  id: string;
  note: string;
  tags: string[];
  color: string;
  orphan: boolean;
  quote: { exact: string };
}
interface StoredPage {
  page: { title?: string; siteName?: string } | null;
  annotations: StoredAnnotation[];
}

const PHRASE = 'a one-time transfer of $31 million from the city’s reserve fund';
const NOTE = 'Check the roll call <img src=x onerror=alert(1)> — secret-note-4817';

describe('reader highlights in Chromium', () => {
  let ext: ExtensionHandle;
  let server: StaticServer;
  let extPage: Page;
  let articleUrl: string;

  beforeAll(async () => {
    server = await serveDir(FIXTURE_PAGES_DIR);
    ext = await launchExtension();
    extPage = await ext.context.newPage();
    await extPage.goto(ext.popupUrl);
    articleUrl = server.url('/sample-article.html');
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const stored = () => askBackground<StoredPage>(extPage, 'page.get', { url: articleUrl });

  /** Waits until the stored note of the page's first annotation satisfies `check`. */
  async function waitForStored(check: (a: StoredAnnotation) => boolean): Promise<StoredAnnotation> {
    for (let i = 0; i < 100; i++) {
      const a = (await stored()).annotations[0];
      if (a && check(a)) return a;
      await extPage.waitForTimeout(100);
    }
    throw new Error(`stored annotation never matched: ${JSON.stringify((await stored()).annotations)}`);
  }

  it('highlights a selection from the toolbar, saves note and tags as typed, and restores them after a reload', async () => {
    const page = await ext.context.newPage();
    await page.goto(articleUrl);
    await page.waitForTimeout(300); // content script start
    const box = await dragSelect(page, PHRASE);
    await clickSwatch(page, box, 1); // green
    await waitForPainted(page, 'green', PHRASE);

    // The editor opens (once the background has saved the highlight) with the note field focused.
    await expect.poll(() => focusInOurUi(page)).toBe(true);
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Tab');
    await page.keyboard.type('transit, Budget,  transit ,');
    await page.keyboard.press('Escape');
    const saved = await waitForStored((a) => a.note === NOTE && a.tags.length === 2);
    expect(saved.quote.exact).toBe(PHRASE);
    expect(saved.color).toBe('green');
    expect(saved.tags).toEqual(['transit', 'Budget']);

    await page.reload();
    await waitForPainted(page, 'green', PHRASE);

    const popup = await ext.context.newPage();
    await popup.goto(`${ext.popupUrl}?url=${encodeURIComponent(articleUrl)}`);
    await expect.poll(() => popup.locator('.note').first().textContent()).toBe(NOTE);
    // Shown as text: the markup in the note did not become an element.
    expect(await popup.locator('.note img').count()).toBe(0);
    expect(await popup.locator('.tag').allTextContents()).toEqual(['transit', 'Budget']);
    expect(await popup.locator('.page-title').textContent()).toContain('Council splits over transit budget');
    await popup.close();
    await page.close();
  });

  it('keeps note and tag text out of everything the page can read, even with the editor open', async () => {
    const page = await ext.context.newPage();
    await page.goto(articleUrl);
    await waitForPainted(page, 'green', PHRASE);
    // Open the editor by clicking the highlight, so the note is on screen.
    await clickHighlight(page, 'green', PHRASE);
    await expect.poll(() => focusInOurUi(page)).toBe(true);

    const found = await page.evaluate((secret) => {
      const hits: string[] = [];
      const visit = (root: Document | ShadowRoot | Element) => {
        const html = root instanceof Document ? root.documentElement.outerHTML : 'innerHTML' in root ? root.innerHTML : '';
        if (html.includes(secret)) hits.push('innerHTML');
        if ((root.textContent ?? '').includes(secret)) hits.push('textContent');
        for (const el of root.querySelectorAll('*')) {
          for (const attr of el.getAttributeNames()) if ((el.getAttribute(attr) ?? '').includes(secret)) hits.push(`attr ${attr}`);
          if ((el as HTMLInputElement).value?.includes?.(secret)) hits.push('value');
          if (el.shadowRoot) visit(el.shadowRoot);
        }
      };
      visit(document);
      if (document.body.innerText.includes(secret)) hits.push('innerText');
      const serialised = (document.documentElement as Element & { getHTML?: (o: object) => string }).getHTML?.({ serializableShadowRoots: true }) ?? '';
      if (serialised.includes(secret)) hits.push('getHTML');
      return hits;
    }, 'secret-note-4817');
    expect(found).toEqual([]);
    await page.close();
  });

  it('keeps no database in the page’s origin', async () => {
    const page = await ext.context.newPage();
    await page.goto(articleUrl);
    await waitForPainted(page, 'green', PHRASE);
    const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(names).toEqual([]);
    await page.close();
  });

  it('ignores messages from the page: window.postMessage and chrome.runtime', async () => {
    const before = await stored();
    const id = before.annotations[0]!.id;
    const page = await ext.context.newPage();
    await page.goto(articleUrl);
    await waitForPainted(page, 'green', PHRASE);
    const outcome = await page.evaluate(
      async ([annotationId, extensionId]) => {
        const attack = { channel: 'marginalia', type: 'annotation.delete', payload: { id: annotationId } };
        const update = { channel: 'marginalia', type: 'annotation.update', payload: { id: annotationId, patch: { note: 'pwned' } } };
        window.postMessage(attack, '*');
        window.postMessage(update, '*');
        window.postMessage({ channel: 'marginalia', type: 'selection.highlight', payload: {} }, '*');
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
        let runtimeResult = 'no chrome.runtime in the page';
        if (runtime?.sendMessage) {
          try {
            await runtime.sendMessage(extensionId, attack);
            runtimeResult = 'sent';
          } catch (e) {
            runtimeResult = `refused: ${String(e)}`;
          }
        }
        await new Promise((r) => setTimeout(r, 500));
        return runtimeResult;
      },
      [id, ext.extensionId] as const,
    );
    expect(outcome).not.toBe('sent');
    expect(await stored()).toEqual(before);
    await page.close();
  });

  it('loses no edit when the service worker is stopped between two edits', async () => {
    const page = await ext.context.newPage();
    await page.goto(articleUrl);
    await waitForPainted(page, 'green', PHRASE);
    await clickHighlight(page, 'green', PHRASE);
    await expect.poll(() => focusInOurUi(page)).toBe(true);
    await page.keyboard.press('End');
    await page.keyboard.type(' first edit');
    await waitForStored((a) => a.note.endsWith(' first edit'));

    await stopServiceWorker(ext.context, ext.extensionId);
    await page.keyboard.type(' second edit');
    await page.keyboard.press('Escape');
    expect(await focusInOurUi(page)).toBe(false);
    const after = await waitForStored((a) => a.note.endsWith(' first edit second edit'));
    expect(after.note).toBe(`${NOTE} first edit second edit`);
    await page.close();
  });

  it('highlights through the background command (context menu and shortcut path) and refuses an empty selection', async () => {
    const page = await ext.context.newPage();
    await page.goto(articleUrl);
    await waitForPainted(page, 'green', PHRASE);
    const phrase = 'More than 60 residents signed up to speak during public comment';
    await dragSelect(page, phrase);
    // What the context menu item and the keyboard shortcut do: a command to the active tab.
    await ext.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      await c.tabs.sendMessage(tab!.id, { channel: 'marginalia', type: 'selection.highlight', payload: {} });
    });
    await waitForPainted(page, 'yellow', phrase);
    const afterCommand = await stored();
    expect(afterCommand.annotations.map((a) => a.quote.exact)).toContain(phrase);

    // With nothing selected the same command saves nothing.
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    await ext.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      await c.tabs.sendMessage(tab!.id, { channel: 'marginalia', type: 'selection.highlight', payload: {} });
    });
    expect(await stored()).toEqual(afterCommand);
    await page.close();
  });
});
