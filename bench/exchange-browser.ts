/**
 * What the browser halves of export-100k and import-100k share: the built extension in Chromium
 * with 100,000 generated highlights (bench/search-corpus.ts, the corpus search-100k uses) written
 * straight into its database, and the memory of the Chromium processes sampled from /proc while a
 * timed step runs (the extension's renderer holds both the export page and the service worker; the
 * storage service holds IndexedDB).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../tests/e2e/harness';
import { packDocs } from '@/src/core/search/doc-blocks';
import { packAnnotations } from '@/src/core/store/pack';
import { buildPostings } from '@/src/core/search/postings';
import { buildCorpus, corpusDocs, type Corpus } from './search-corpus';

export const COUNT = Number(process.env.EXCHANGE_BENCH_COUNT ?? 100_000);
export const PAGES = 2_000;
const SEED_CHUNK = 2_500;
const MB = 1024 * 1024;

export const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

export function ensureBuilt(): string {
  const dir = path.join(PROJECT_ROOT, '.output', 'chrome-mv3');
  if (existsSync(path.join(dir, 'manifest.json'))) return dir;
  const done = spawnSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
  if (done.status !== 0) throw new Error('npx wxt build failed');
  return dir;
}

/** The corpus with its search documents and posting blocks, as the background would have written them. */
export function corpusStores(count = COUNT): { corpus: Corpus; stores: Record<string, readonly unknown[]> } {
  const corpus = buildCorpus(count, PAGES);
  const docs = corpusDocs(corpus);
  return { corpus, stores: { ...packAnnotations(corpus.annotations), pages: corpus.pages, docBlocks: packDocs(docs), postings: buildPostings(docs) } };
}

/**
 * Writes records into the extension's IndexedDB from one of its pages, one transaction per chunk
 * (search-100k seeds with it too): no real feature writes 100k annotations but import, which is
 * what import-100k measures.
 */
export async function seed(page: Page, stores: Record<string, readonly unknown[]>): Promise<void> {
  const names = Object.keys(stores);
  // Every store in the same number of transactions, each a proportional slice (blocks are large records).
  const rounds = Math.ceil(Math.max(...Object.values(stores).map((s) => s.length)) / SEED_CHUNK);
  for (let round = 0; round < rounds; round++) {
    const chunk = Object.fromEntries(
      names.map((n) => {
        const size = Math.ceil(stores[n]!.length / rounds);
        return [n, stores[n]!.slice(round * size, (round + 1) * size)];
      }),
    );
    await page.evaluate(async (records) => {
      const g = globalThis as unknown as { benchDb?: IDBDatabase };
      g.benchDb ??= await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('marginalia');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = g.benchDb.transaction(Object.keys(records), 'readwrite', { durability: 'relaxed' });
      for (const [store, list] of Object.entries(records)) for (const r of list) tx.objectStore(store).put(r);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }, chunk);
  }
  await page.evaluate(() => {
    const g = globalThis as unknown as { benchDb?: IDBDatabase };
    g.benchDb?.close();
    delete g.benchDb;
  });
}

/** Record counts of the extension's tables, read from one of its pages; `search` counts the documents in `docBlocks`, `annotations` the ids in `idBlocks`. */
export function countRecords(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('marginalia');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const out: Record<string, number> = {};
    for (const name of ['pageAnnotations', 'pages', 'docBlocks', 'postings']) {
      out[name] = await new Promise<number>((resolve, reject) => {
        const r = db.transaction([name], 'readonly').objectStore(name).count();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    }
    // Documents in `docBlocks`, annotations in `idBlocks`: a list field's length summed over the records.
    for (const [key, name, field] of [['search', 'docBlocks', 'keys'], ['annotations', 'idBlocks', 'ids']] as const) {
      out[key] = await new Promise<number>((resolve, reject) => {
        let n = 0;
        const cursor = db.transaction([name], 'readonly').objectStore(name).openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return resolve(n);
          n += (c.value as Record<string, unknown[]>)[field]!.length;
          c.continue();
        };
        cursor.onerror = () => reject(cursor.error);
      });
    }
    db.close();
    return out;
  });
}

interface Proc {
  pid: number;
  args: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      out.push({ pid: Number(entry), args: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ') });
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

const rssOf = (pid: number): number => {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
};

/**
 * The Chromium processes of the browser that loaded `extensionDir` (other benches and tests on the
 * machine run their own): found by the browser's profile folder, which every child names.
 */
export function browserProcesses(extensionDir: string): { extension: number[]; storage: number[]; all: number[] } {
  const list = processes();
  const browser = list.filter((p) => p.args.includes(`--load-extension=${extensionDir}`)).sort((a, b) => b.pid - a.pid)[0];
  const profile = browser && /--user-data-dir=(\S+)/.exec(browser.args)?.[1];
  if (!browser || !profile) throw new Error('could not find the benchmark’s Chromium');
  const mine = list.filter((p) => p.args.includes(`--user-data-dir=${profile}`) || p.pid === browser.pid);
  const storage = list.filter((p) => p.args.includes('storage.mojom.StorageService') && isChildOf(p.pid, new Set(mine.map((m) => m.pid))));
  return {
    extension: mine.filter((p) => p.args.includes('--extension-process')).map((p) => p.pid),
    storage: storage.map((p) => p.pid),
    all: [...new Set([...mine.map((p) => p.pid), ...storage.map((p) => p.pid)])],
  };
}

function isChildOf(pid: number, parents: ReadonlySet<number>): boolean {
  try {
    const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
    return parents.has(ppid);
  } catch {
    return false;
  }
}

/** CPU time of a process (user + system) in seconds, from /proc; 0 once it is gone. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used so far by the browser that loaded `extensionDir`: its extension process (page
 * and service worker) and the rest (the browser process and IndexedDB's backend among them). On a
 * shared machine, CPU time varies less than wall time with what else runs.
 */
export function cpuSeconds(extensionDir: string): { extension: number; other: number } {
  const pids = browserProcesses(extensionDir);
  const extension = pids.extension.reduce((s, pid) => s + cpuSecondsOf(pid), 0);
  const all = pids.all.reduce((s, pid) => s + cpuSecondsOf(pid), 0);
  return { extension, other: all - extension };
}

export interface MemoryPeaks {
  /** Peak RSS growth of the extension's renderer (the export page and the service worker), MB. */
  extensionRssPeakMB: number;
  /** Peak RSS growth of IndexedDB's storage service, MB. */
  storageRssPeakMB: number;
  /** Peak growth of the RSS summed over all of the browser's processes, MB. */
  browserRssPeakMB: number;
  /** Peak JS heap of the export page (CDP Runtime.getHeapUsage), MB. */
  pageHeapPeakMB: number;
}

/**
 * Samples memory every `everyMs` until `stop()`: RSS from /proc (independent of how busy the page
 * is), and the page's JS heap through DevTools (answered when the page yields, as it does between
 * chunks). Growth is over the figures when sampling started.
 */
export async function sampleMemory(extensionDir: string, cdp: CDPSession, everyMs = 50): Promise<() => Promise<MemoryPeaks>> {
  const pids = browserProcesses(extensionDir);
  const sum = (list: number[]) => list.reduce((s, pid) => s + rssOf(pid), 0);
  const base = { ext: sum(pids.extension), storage: sum(pids.storage), all: sum(pids.all) };
  const peak = { ...base };
  const rss = setInterval(() => {
    peak.ext = Math.max(peak.ext, sum(pids.extension));
    peak.storage = Math.max(peak.storage, sum(pids.storage));
    peak.all = Math.max(peak.all, sum(pids.all));
  }, everyMs);
  let heapPeak = 0;
  let running = true;
  const heap = (async () => {
    while (running) {
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      heapPeak = Math.max(heapPeak, usedSize);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    running = false;
    clearInterval(rss);
    await heap;
    return {
      extensionRssPeakMB: round((peak.ext - base.ext) / MB),
      storageRssPeakMB: round((peak.storage - base.storage) / MB),
      browserRssPeakMB: round((peak.all - base.all) / MB),
      pageHeapPeakMB: round(heapPeak / MB),
    };
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
