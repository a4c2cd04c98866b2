// The Firefox build in real Firefox ESR (puppeteer-core over WebDriver BiDi): the content script
// runs, a selection becomes a highlight through the toolbar, and it is painted again after a reload
// (so it went through the background page's database and back).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir, type StaticServer } from '../../scripts/serve';
import { FIXTURE_PAGES_DIR, PROJECT_ROOT } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD = join(PROJECT_ROOT, '.output', 'firefox-mv2');
const PHRASE = 'a one-time transfer of $31 million from the city’s reserve fund';

/** Viewport box of the phrase, scrolled to the middle of the screen. */
function phraseBox(page: Page, phrase: string) {
  return page.evaluate((needle: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue?.indexOf(needle) ?? -1;
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const rect = (start: number, end: number) => {
        const r = document.createRange();
        r.setStart(node, start);
        r.setEnd(node, end);
        const b = r.getBoundingClientRect();
        return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      };
      // The phrase may wrap: the drag goes from its first character to its last.
      return { all: rect(at, at + needle.length), first: rect(at, at + 1), last: rect(at + needle.length - 1, at + needle.length) };
    }
    throw new Error('phrase not found');
  }, phrase);
}

function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n: string) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()), name);
}

async function until(check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

describe.runIf(existsSync(FIREFOX))('the Firefox build in Firefox ESR', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    expect(existsSync(join(BUILD, 'manifest.json')), 'run `npm run build:firefox` first').toBe(true);
    server = await serveDir(FIXTURE_PAGES_DIR);
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    await browser.installExtension(BUILD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights a selection and paints it again after a reload', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.url('/sample-article.html'));
    // The content script has started once its highlight layers are registered.
    await until(() => page.evaluate(() => CSS.highlights.has('marginalia-yellow')));

    const { all: box, first, last } = await phraseBox(page, PHRASE);
    // Drag from the first to the last character, as a reader does.
    await page.mouse.move(first.left + 1, (first.top + first.bottom) / 2);
    await page.mouse.down();
    await page.mouse.move(last.right - 1, (last.top + last.bottom) / 2, { steps: 6 });
    await page.mouse.up();
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(PHRASE);

    // The toolbar's first swatch (yellow): centred under the selection, see tests/e2e/driver.ts.
    // The toolbar's UI is injected on first use.
    await until(() => page.evaluate(() => document.querySelector('[data-marginalia-ui]') !== null));
    await new Promise((r) => setTimeout(r, 150));
    const centre = (box.left + box.right) / 2;
    await page.mouse.click(centre - 76 + 1 + 8 + 11, box.bottom + 8 + 1 + 6 + 11);
    await until(async () => (await painted(page, 'marginalia-yellow')).includes(PHRASE));
    await page.keyboard.type('Noted in Firefox');
    await page.keyboard.press('Escape');
    await new Promise((r) => setTimeout(r, 500));

    await page.reload();
    await until(async () => (await painted(page, 'marginalia-yellow')).includes(PHRASE));
    // Nothing of ours in the page's own storage.
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    await page.close();
  });
});
