// End-to-end harness: loads the built extension into Debian's Chromium the way a user has it
// (a persistent profile with the unpacked extension), finds its id and service worker, and can
// stop and restart that MV3 service worker to test behaviour across worker restarts.
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Worker } from 'playwright-core';

/** The project root (two levels above this file). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The folder of fixture pages, served to the browser by scripts/serve.ts. */
export const FIXTURE_PAGES_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'pages');

export interface LaunchOptions {
  /** Unpacked extension folder; default `<root>/.output/chrome-mv3` (from `npm run build`). */
  extensionDir?: string;
  /** Default true; set HEADED=1 in the environment to watch. */
  headless?: boolean;
  /** How long to wait for the service worker to register, in ms (default 30 s). */
  timeout?: number;
  /**
   * A profile folder to use and keep (benches reuse a seeded database this way); by default a
   * fresh temporary profile, deleted on close.
   */
  userDataDir?: string;
}

export interface ExtensionHandle {
  context: BrowserContext;
  /** 32 letters a–p, read from the service worker's URL. */
  extensionId: string;
  /**
   * The background service worker. Playwright keeps this object across a stop and restart, but
   * evaluate() on it hangs while the worker is stopped: await waitForServiceWorker() first.
   */
  worker: Worker;
  /** `chrome-extension://<id>/popup.html` (whether or not the build has a popup). */
  popupUrl: string;
  /** Closes the browser and deletes the temporary profile (not one passed as `userDataDir`). */
  close(): Promise<void>;
}

/** Launches Chromium with the built extension loaded, in a fresh temporary profile. */
export async function launchExtension(opts: LaunchOptions = {}): Promise<ExtensionHandle> {
  const extensionDir = resolve(opts.extensionDir ?? join(PROJECT_ROOT, '.output', 'chrome-mv3'));
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${extensionDir} (manifest.json missing): run \`npm run build\` first.`,
    );
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const timeout = opts.timeout ?? 30_000;
  const keep = opts.userDataDir !== undefined;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'marginalia-e2e-')));

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: opts.headless ?? process.env.HEADED !== '1',
      // Playwright passes --disable-extensions by default; it must go for ours to load.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        ...(process.env.EXTRA_CHROMIUM_ARGS ? process.env.EXTRA_CHROMIUM_ARGS.split(' ') : []),
      ],
    });
  } catch (err: unknown) {
    if (!keep) await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }

  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
    if (!keep) await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const worker = await firstExtensionWorker(context, timeout);
    const extensionId = extensionIdOf(worker.url());
    return { context, extensionId, worker, popupUrl: `chrome-extension://${extensionId}/popup.html`, close };
  } catch (err: unknown) {
    await close();
    throw err;
  }
}

/** The id in `chrome-extension://<id>/...`. */
export function extensionIdOf(url: string): string {
  const match = /^chrome-extension:\/\/([a-p]{32})\//.exec(url);
  if (!match?.[1]) throw new Error(`Not an extension URL: ${url}`);
  return match[1];
}

async function firstExtensionWorker(context: BrowserContext, timeout: number): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout,
    });
  } catch (err: unknown) {
    throw new Error(
      `The extension's service worker did not start within ${timeout} ms; does the build have a background?`,
      { cause: err },
    );
  }
}

/** A service worker's running state, as the DevTools protocol reports it. */
export type WorkerRunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: WorkerRunningStatus;
  status: string;
}

/**
 * Runs `fn` with the DevTools ServiceWorker domain of a throwaway page, which sees the profile's
 * default storage partition, where extension workers live. `versions` always holds the latest
 * state of the extension's worker versions (enable() reports the current state at once).
 */
async function withServiceWorkerDomain<T>(
  context: BrowserContext,
  extensionId: string,
  fn: (cdp: CDPSession, until: (test: (v: WorkerVersion) => boolean, what: string, timeout: number) => Promise<WorkerVersion>) => Promise<T>,
): Promise<T> {
  const prefix = `chrome-extension://${extensionId}/`;
  const versions = new Map<string, WorkerVersion>();
  const waiters = new Set<() => void>();
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
      for (const v of updated) {
        if (v.scriptURL.startsWith(prefix)) versions.set(v.versionId, v);
      }
      for (const wake of waiters) wake();
    });
    // Resolves with the first of the extension's versions that passes `test`, now or later.
    const until = (test: (v: WorkerVersion) => boolean, what: string, timeout: number): Promise<WorkerVersion> =>
      new Promise<WorkerVersion>((ok, fail) => {
        const check = (): void => {
          const found = [...versions.values()].find(test);
          if (!found) return;
          cleanup();
          ok(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = [...versions.values()].map((v) => `${v.status}/${v.runningStatus}`).join(', ') || 'none';
          fail(new Error(`Service worker of ${extensionId} not ${what} within ${timeout} ms (versions: ${seen})`));
        }, timeout);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    try {
      await cdp.send('ServiceWorker.enable');
      return await fn(cdp, until);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  } finally {
    await page.close();
  }
}

const isActive = (v: WorkerVersion): boolean => v.status === 'activated' || v.status === 'activating';

/** The running state of the extension's active service worker, or null if it has none. */
export async function serviceWorkerStatus(context: BrowserContext, extensionId: string): Promise<WorkerRunningStatus | null> {
  return withServiceWorkerDomain(context, extensionId, async (_cdp, until) => {
    try {
      return (await until(isActive, 'registered', 2_000)).runningStatus;
    } catch {
      return null;
    }
  });
}

/**
 * Really stops the extension's MV3 service worker, as Chrome does after 30 s idle: its globals and
 * in-memory state are gone. Only this extension's worker is stopped. Resolves once Chrome reports
 * it stopped. Playwright keeps the same `Worker` object, but evaluate() on it waits while the
 * worker is stopped: call waitForServiceWorker() first.
 */
export async function stopServiceWorker(context: BrowserContext, extensionId: string, timeout = 10_000): Promise<void> {
  await withServiceWorkerDomain(context, extensionId, async (cdp, until) => {
    const version = await until(isActive, 'registered', timeout);
    if (version.runningStatus === 'stopped') return;
    await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    await until((v) => v.versionId === version.versionId && v.runningStatus === 'stopped', 'stopped', timeout);
  });
}

/**
 * Waits until the extension's service worker is running (again, after stopServiceWorker) and
 * returns it. With `start: true` it asks Chrome to start it, as an incoming event would; without,
 * something the test does (a message from a page or the popup) must wake it.
 */
export async function waitForServiceWorker(
  context: BrowserContext,
  extensionId: string,
  { start = false, timeout = 15_000 }: { start?: boolean; timeout?: number } = {},
): Promise<Worker> {
  const prefix = `chrome-extension://${extensionId}/`;
  await withServiceWorkerDomain(context, extensionId, async (cdp, until) => {
    if (start) await cdp.send('ServiceWorker.startWorker', { scopeURL: prefix });
    await until((v) => isActive(v) && v.runningStatus === 'running', 'running', timeout);
  });
  // Chrome restarts a stopped worker in the same DevTools target, so Playwright's Worker object
  // usually lives on; a new version (extension reloaded) arrives as a new 'serviceworker' event.
  const known = context.serviceWorkers().filter((w) => w.url().startsWith(prefix));
  return known.at(-1) ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout });
}

/** Absolute path of `../shared/eval` beside the project root, or null if there is none. */
export function sharedEvalDir(): string | null {
  const dir = resolve(PROJECT_ROOT, '..', 'shared', 'eval');
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : null;
}
