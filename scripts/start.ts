// `npm start [-- <file.html|URL>] [--headless] [--no-build] [--out DIR]`
// Builds the extension and runs it in Chromium on the bundled sample article (or the given page),
// served from 127.0.0.1. With a display it opens a window and waits until you close it; without
// one it runs headless, creates a sample highlight with a note and tags, reloads, and writes
// screenshots of the page and the popup plus a short summary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { askBackground, clickSwatch, dragSelect, waitForPainted } from '../tests/e2e/driver';
import { FIXTURE_PAGES_DIR, PROJECT_ROOT, launchExtension } from '../tests/e2e/harness';
import { serveDir, type StaticServer } from './serve';

interface Options {
  target: string;
  headless: boolean;
  build: boolean;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    target: join(FIXTURE_PAGES_DIR, 'sample-article.html'),
    headless: !process.env.DISPLAY,
    build: true,
    out: join(PROJECT_ROOT, 'artifacts'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--headless') opts.headless = true;
    else if (arg === '--no-build') opts.build = false;
    else if (arg === '--out') opts.out = resolve(argv[++i] ?? opts.out);
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm start [-- <file.html|URL>] [--headless] [--no-build] [--out DIR]');
      process.exit(0);
    } else opts.target = arg;
  }
  return opts;
}

/** Serves a local file's folder (so its relative assets load) or passes a URL through. */
async function open(target: string): Promise<{ url: string; server?: StaticServer }> {
  if (/^https?:\/\//i.test(target)) return { url: target };
  const file = resolve(target);
  if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  const server = await serveDir(dirname(file));
  return { url: server.url(`/${encodeURIComponent(basename(file))}`), server };
}

/**
 * A phrase to highlight: the opening words of a long paragraph in one text node — the second
 * such paragraph when there is one, since the first is often the summary under the headline.
 */
async function pickPhrase(page: Page): Promise<string> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const p of document.querySelectorAll('article p, main p, p')) {
      for (const node of p.childNodes) {
        const text = node.nodeType === Node.TEXT_NODE ? (node.nodeValue ?? '') : '';
        const words = text.trim().split(/\s+/);
        if (words.length >= 14 && !text.startsWith(' ')) {
          found.push(words.slice(0, 9).join(' '));
          break;
        }
      }
      if (found.length === 2) break;
    }
    const phrase = found[1] ?? found[0];
    if (!phrase) throw new Error('found no paragraph long enough to highlight');
    return phrase;
  });
}

async function demo(page: Page, popup: Page, url: string, out: string, tabIdOf: (url: string) => Promise<number | undefined>): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForTimeout(500);
  const phrase = await pickPhrase(page);
  const box = await dragSelect(page, phrase);
  await clickSwatch(page, box, 0);
  await waitForPainted(page, 'yellow', phrase);
  await page.waitForFunction(() => document.activeElement?.hasAttribute('data-marginalia-ui'));
  const note = 'Sample note: check this figure against the council minutes.';
  await page.keyboard.type(note);
  await page.keyboard.press('Tab');
  await page.keyboard.type('sample, transit,');
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(out, 'page.png') });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);

  await page.reload({ waitUntil: 'domcontentloaded' });
  await waitForPainted(page, 'yellow', phrase);
  const stored = await askBackground<{ page: { title?: string } | null; annotations: { note: string; tags: string[] }[] }>(
    popup,
    'page.get',
    { url },
  );
  await popup.setViewportSize({ width: 400, height: 600 });
  // Opened as a tab, the popup is told which page (and tab) it is about.
  const tabId = await tabIdOf(url);
  await popup.goto(`${popup.url().split('?')[0]}?url=${encodeURIComponent(url)}${tabId ? `&tab=${tabId}` : ''}`);
  await popup.locator('.item').first().waitFor();
  await popup.locator('.detections .switches').waitFor();
  await popup.waitForTimeout(800);
  await popup.screenshot({ path: join(out, 'popup.png') });

  const saved = stored.annotations.at(-1);
  console.log(
    [
      '',
      `Page:        ${url}`,
      `Title:       ${stored.page?.title ?? '(none)'}`,
      `Highlighted: “${phrase}” (yellow)`,
      `Note:        ${saved?.note ?? '(missing)'}`,
      `Tags:        ${saved?.tags.join(', ') ?? '(missing)'}`,
      `Saved on this page: ${stored.annotations.length}; painted again after reload: yes`,
      `Screenshots: ${join(out, 'page.png')}, ${join(out, 'popup.png')}`,
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.build) {
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the build failed');
  }
  const { url, server } = await open(opts.target);
  const ext = await launchExtension({ headless: opts.headless });
  try {
    // tsx compiles with esbuild's keepNames, which wraps functions passed to page.evaluate in a
    // `__name` helper that only exists in Node; give pages a no-op one.
    await ext.context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    const page = await ext.context.newPage();
    if (!opts.headless) {
      await page.goto(url);
      console.log(`Chromium is running Marginalia on ${url}\nSelect text to highlight it; close the window to stop.`);
      await new Promise<void>((done) => ext.context.on('close', () => done()));
      return;
    }
    mkdirSync(opts.out, { recursive: true });
    const popup = await ext.context.newPage();
    await popup.goto(ext.popupUrl);
    const tabIdOf = (pageUrl: string) =>
      ext.worker.evaluate(async (u) => {
        const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
        return (await c.tabs.query({})).find((t) => t.url === u)?.id;
      }, pageUrl);
    await demo(page, popup, url, opts.out, tabIdOf);
  } finally {
    await ext.close().catch(() => undefined);
    await server?.close();
  }
}

main().catch((err: unknown) => {
  console.error(`npm start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
