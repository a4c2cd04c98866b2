// Search from the popup in real Chromium with the built extension: notes saved through the page UI
// on two served articles are found by note text, by tag filter and by site filter; the keyboard
// moves through results; Enter opens the right page (an open tab, or a new one) and flashes the
// highlight there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveDir, type StaticServer } from '../../scripts/serve';
import { askBackground, clickSwatch, dragSelect, focusInOurUi, waitForPainted } from './driver';
import { FIXTURE_PAGES_DIR, launchExtension, type ExtensionHandle } from './harness';

interface StoredPage {
  annotations: { id: string; note: string; tags: string[] }[];
}

const A = {
  path: '/sample-article.html',
  phrase: 'a one-time transfer of $31 million from the city’s reserve fund',
  note: 'Quokka memo: ask the Élection board about this',
  tags: 'ice, transit,',
};
const B = {
  path: '/second-article.html',
  phrase: 'only 11 of 40 planned gauges were working by the night of the flood',
  note: 'Zeppelin check: auditor report on river gauges',
  tags: 'flood, audit,',
};

describe('search from the popup in Chromium', () => {
  let ext: ExtensionHandle;
  let server: StaticServer;
  let extPage: Page;

  beforeAll(async () => {
    server = await serveDir(FIXTURE_PAGES_DIR);
    ext = await launchExtension();
    extPage = await ext.context.newPage();
    await extPage.goto(ext.popupUrl);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Highlights `phrase` on a new tab of `path` through the page UI, with a note and tags; returns the tab. */
  async function annotate(spec: typeof A): Promise<Page> {
    const url = server.url(spec.path);
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForTimeout(300); // content script start
    const box = await dragSelect(page, spec.phrase);
    await clickSwatch(page, box, 0);
    await waitForPainted(page, 'yellow', spec.phrase);
    // The editor opens once the highlight is saved, with the note field focused.
    await expect.poll(() => focusInOurUi(page)).toBe(true);
    await page.keyboard.type(spec.note);
    await page.keyboard.press('Tab');
    await page.keyboard.type(spec.tags);
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await askBackground<StoredPage>(extPage, 'page.get', { url })).annotations[0], { timeout: 10_000 })
      .toMatchObject({ note: spec.note, tags: expect.arrayContaining([expect.any(String)]) });
    return page;
  }

  /** A fresh popup (as a tab: the active tab is then the popup itself, so there is no "This page"). */
  async function openPopup(): Promise<Page> {
    const popup = await ext.context.newPage();
    await popup.goto(ext.popupUrl);
    await popup.locator('.results .item').first().waitFor();
    return popup;
  }

  /** Replaces the search text as a reader does, and waits until the results answer it. */
  async function search(popup: Page, text: string): Promise<string[]> {
    await popup.keyboard.press('Escape');
    await popup.keyboard.type(text);
    await expect.poll(() => popup.locator('#search-input').inputValue()).toBe(text);
    // The results for this text are in once the live region speaks of results (not "recent").
    await expect.poll(() => popup.locator('[role=status]').first().textContent()).toMatch(/result|match/);
    await popup.waitForTimeout(200);
    return popup.locator('.results .item .note').allTextContents();
  }

  let pageA: Page;

  it('finds notes saved on two pages by note text, tag filter and site filter', async () => {
    pageA = await annotate(A);
    const pageB = await annotate(B);
    await pageB.close();

    const popup = await openPopup();
    // The cursor is in the search box on open, and the empty query lists the most recent first.
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('search-input');
    expect(await popup.locator('.results .item .note').allTextContents()).toEqual([B.note, A.note]);

    expect(await search(popup, 'zeppel')).toEqual([B.note]);
    expect(await popup.locator('.results .item mark').allTextContents()).toContain('Zeppelin');
    expect(await popup.locator('.results .result-page').allTextContents()).toEqual([expect.stringContaining('Lawmakers grill emergency chief')]);
    expect(await popup.locator('[role=status]').first().textContent()).toBe('1 result.');
    // Accents and case do not matter.
    expect(await search(popup, 'ELECTION quokka')).toEqual([A.note]);
    expect(await search(popup, 'tag:ice')).toEqual([A.note]);
    expect(await popup.locator('.results .item .tag').allTextContents()).toEqual(['ice', 'transit']);
    expect(await search(popup, 'site:"valley sentinel"')).toEqual([B.note]);
    expect(await search(popup, 'site:halbrook gauges')).toEqual([]);
    expect(await search(popup, 'site:127.0.0.1')).toEqual([B.note, A.note]);
    // A phrase, and words from the highlighted text itself.
    expect(await search(popup, '"planned gauges"')).toEqual([B.note]);
    expect(await search(popup, '"gauges planned"')).toEqual([]);
    // An unknown filter is searched as words, with a hint; nothing breaks.
    expect(await search(popup, 'author:quokka')).toEqual([]);
    expect(await popup.locator('.notice').textContent()).toMatch(/not a filter/);
    await popup.close();
  });

  it('survives a 10,000-character paste and punctuation', async () => {
    const popup = await openPopup();
    await popup.locator('#search-input').fill('zeppelin '.repeat(1200));
    await expect.poll(() => popup.locator('.notice').textContent()).toMatch(/first 300 characters/);
    expect(await popup.locator('.results .item .note').allTextContents()).toEqual([B.note]);
    await popup.locator('#search-input').fill('!!! ??? ...');
    await expect.poll(() => popup.locator('.notice').textContent()).toMatch(/Nothing to search for/);
    expect(await popup.locator('.results .item').count()).toBe(2);
    await popup.close();
  });

  it('moves with the arrow keys, and Enter focuses the open page and flashes the highlight', async () => {
    const popup = await openPopup();
    const input = popup.locator('#search-input');
    const ids = await popup.locator('.results .item').evaluateAll((els) => els.map((e) => e.id));
    expect(await input.getAttribute('aria-activedescendant')).toBe(ids[0]);
    await popup.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(ids[1]);
    await popup.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(ids[0]);

    await search(popup, 'quokka');
    await popup.keyboard.press('Enter');
    await pageA.waitForFunction(
      (phrase) => [...(CSS.highlights.get('marginalia-flash') ?? [])].some((r) => r.toString() === phrase),
      A.phrase,
      { polling: 'raf', timeout: 10_000 },
    );
    expect(await pageA.evaluate(() => document.visibilityState)).toBe('visible');
    await expect.poll(() => popup.locator('.status').textContent()).toMatch(/shown on the page/);
    await popup.close();
  });

  it('opens a page that is not open in a new tab, and flashes the highlight there', async () => {
    const popup = await openPopup();
    await search(popup, 'zeppelin');
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().endsWith(B.path) });
    await popup.keyboard.press('Enter');
    const pageB = await opened;
    await pageB.waitForFunction(
      (phrase) => [...(CSS.highlights.get('marginalia-flash') ?? [])].some((r) => r.toString() === phrase),
      B.phrase,
      { polling: 'raf', timeout: 15_000 },
    );
    await expect.poll(() => popup.locator('.status').textContent()).toMatch(/shown on the page/);
    await pageB.close();
    await popup.close();
  });
});
