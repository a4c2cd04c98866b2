// Highlights come back on pages whose article arrives after load, and follow a single-page app
// as it changes URL without reloading.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveDir, type StaticServer } from '../../scripts/serve';
import { askBackground, clickSwatch, dragSelect, waitForPainted } from './driver';
import { FIXTURE_PAGES_DIR, launchExtension, type ExtensionHandle } from './harness';

const FERRY = 'more corrosion in the ramps than anyone expected';
const LIBRARY = 'open on Sundays from noon to five';

describe('late articles and single-page apps', () => {
  let ext: ExtensionHandle;
  let server: StaticServer;
  let extPage: Page;

  beforeAll(async () => {
    server = await serveDir(FIXTURE_PAGES_DIR, { slow: new Set(['/second-article.html']) });
    ext = await launchExtension();
    extPage = await ext.context.newPage();
    await extPage.goto(ext.popupUrl);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function highlight(page: Page, phrase: string, swatch: number, color: string) {
    await page.waitForFunction((p) => document.body.textContent?.includes(p), phrase);
    const box = await dragSelect(page, phrase);
    await clickSwatch(page, box, swatch);
    await waitForPainted(page, color, phrase);
    await page.keyboard.press('Escape');
  }

  it('places a saved highlight once the article arrives, and does not leave it an orphan', async () => {
    const url = server.url('/late-article.html?story=ferry');
    const page = await ext.context.newPage();
    await page.goto(url);
    await highlight(page, FERRY, 2, 'blue');
    await page.reload();
    // At first the article is not there; the highlight is placed when it arrives.
    await waitForPainted(page, 'blue', FERRY);
    await expect
      .poll(async () => (await askBackground<{ annotations: { orphan: boolean }[] }>(extPage, 'page.get', { url })).annotations.map((a) => a.orphan), {
        timeout: 6000,
      })
      .toEqual([false]);
    await page.close();
  });

  it('loads the right highlights when a single-page app changes URL', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/late-article.html?story=library'));
    await highlight(page, LIBRARY, 3, 'pink');
    // Navigate in-app to the ferry story: its saved highlight appears, the library one goes.
    await page.click('#to-ferry');
    await waitForPainted(page, 'blue', FERRY);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('marginalia-pink')?.size ?? 0)).toBe(0);
    // And back.
    await page.click('#to-library');
    await waitForPainted(page, 'pink', LIBRARY);
    await page.close();
  });

  it('works on a page that never finishes loading', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/second-article.html'), { waitUntil: 'commit' });
    const phrase = 'explain why flood alerts reached some Kessel River towns';
    await page.waitForFunction((p) => document.body?.textContent?.includes(p), phrase);
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    await page.waitForTimeout(3500); // the content script gives up waiting for the DOM after 3 s
    await highlight(page, phrase, 4, 'purple');
    await page.reload({ waitUntil: 'commit' });
    await waitForPainted(page, 'purple', phrase, 15_000);
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    await page.close();
  });
});
