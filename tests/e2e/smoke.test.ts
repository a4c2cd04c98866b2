// Smoke test of the built extension in real Chromium: it loads, its service worker runs and
// survives a restart, a fixture article opens beside it, and the popup page (if built) renders
// without errors. Needs `npm run build` first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir, type StaticServer } from '../../scripts/serve';
import {
  FIXTURE_PAGES_DIR,
  PROJECT_ROOT,
  launchExtension,
  serviceWorkerStatus,
  stopServiceWorker,
  waitForServiceWorker,
  type ExtensionHandle,
} from './harness';

const EXTENSION_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3');
const hasPopup = existsSync(join(EXTENSION_DIR, 'popup.html'));

/** The extension's own id, as its worker sees it (chrome.* is not typed in this Node project). */
function runtimeId(): string {
  return (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id;
}

describe('the built extension in Chromium', () => {
  let ext: ExtensionHandle;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveDir(FIXTURE_PAGES_DIR, { slow: new Set(['/sample-article.html?slow']) });
    ext = await launchExtension({ extensionDir: EXTENSION_DIR });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('runs its service worker under a well-formed extension id', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.worker.url()).toMatch(new RegExp(`^chrome-extension://${ext.extensionId}/`));
    expect(await ext.worker.evaluate(runtimeId)).toBe(ext.extensionId);
    expect(await serviceWorkerStatus(ext.context, ext.extensionId)).toBe('running');
  });

  it('opens a fixture article from the local server', async () => {
    const page = await ext.context.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (err) => errors.push(err));
    try {
      const response = await page.goto(server.url('/sample-article.html'));
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
      await expect(page.locator('h1').textContent()).resolves.toContain('Council splits over transit budget');
      expect(await page.locator('meta[property="og:site_name"]').getAttribute('content')).toBe('The Halbrook Courier');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.skipIf(!hasPopup)('renders the popup page without errors', async () => {
    const page = await ext.context.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (err) => errors.push(err));
    try {
      const response = await page.goto(ext.popupUrl);
      expect(response?.ok()).toBe(true);
      await page.waitForLoadState('load');
      await expect.poll(() => page.evaluate(() => document.body.childElementCount)).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('brings the service worker back after Chrome stops it, with fresh state', async () => {
    await ext.worker.evaluate(() => {
      (globalThis as { smokeMarker?: number }).smokeMarker = 1;
    });
    await stopServiceWorker(ext.context, ext.extensionId);
    expect(await serviceWorkerStatus(ext.context, ext.extensionId)).toBe('stopped');

    const worker = await waitForServiceWorker(ext.context, ext.extensionId, { start: true });
    expect(await worker.evaluate(runtimeId)).toBe(ext.extensionId);
    expect(await worker.evaluate(() => (globalThis as { smokeMarker?: number }).smokeMarker)).toBeUndefined();
  });

  it('can serve a page that never finishes loading', async () => {
    const page = await ext.context.newPage();
    try {
      await page.goto(server.url('/sample-article.html?slow'), { waitUntil: 'commit' });
      await expect.poll(() => page.evaluate(() => document.title)).toContain('Council splits');
      expect(await page.evaluate(() => document.readyState)).toBe('loading');
    } finally {
      await page.close();
    }
  });
});
