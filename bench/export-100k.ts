/**
 * export-100k, in Chromium with the built extension (the figure that counts): 100,000 highlights in
 * the extension's database; the export page's "Export all" (JSON) clicked and timed until the
 * browser has the file (its download starts), i.e. the background's read, the chunks over the
 * connection, the page writing the file and the Blob. Memory: peak growth of the extension's
 * process (page and service worker) and of the page's JS heap while it runs. Median of RUNS.
 *
 * export-100k-node-*: the pure builders alone in Node (JSON, CSV, Markdown of 100,000 generated
 * highlights over 5,000 pages), pulling chunks into a list as for a Blob; the baseline is one
 * object and one JSON.stringify of it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { csvChunks, jsonChunks, markdownChunks, toAnnotationCollection, type ExportMeta } from '@/src/core/export';
import { generate } from '@/tests/fixtures/import/generate';
import { askBackground } from '../tests/e2e/driver';
import { launchExtension } from '../tests/e2e/harness';
import { corpusStores, COUNT, ensureBuilt, median, sampleMemory, seed, type MemoryPeaks } from './exchange-browser';
import type { BenchResult } from './types';

const N = 100_000;
const RUNS = Number(process.env.EXCHANGE_BENCH_RUNS ?? 3);

export async function run(): Promise<BenchResult[]> {
  return [await inBrowser(), ...(await inNode())];
}

/** The user-visible path in Chromium: click "Export all" → the file is handed to the browser. */
async function inBrowser(): Promise<BenchResult> {
  const extensionDir = ensureBuilt();
  const load = [round(loadavg()[0]!)];
  const { stores } = corpusStores();
  const ext = await launchExtension();
  const downloads = await mkdtemp(path.join(tmpdir(), 'marginalia-export-bench-'));
  try {
    const page = await ext.context.newPage();
    const exportPage = `chrome-extension://${ext.extensionId}/export.html`;
    await page.goto(exportPage);
    await askBackground(page, 'tags.list', {}); // the background creates the database
    const seedStart = performance.now();
    await seed(page, stores);
    const seedSeconds = round((performance.now() - seedStart) / 1000);
    const runs: { ms: number; savedMs: number; memory: MemoryPeaks; bytes: number }[] = [];
    for (let r = 0; r < RUNS; r++) {
      await page.goto(exportPage); // a fresh page each run
      const cdp = await ext.context.newCDPSession(page);
      await page.locator('.exchange select').selectOption('json');
      const stop = await sampleMemory(extensionDir, cdp);
      const started = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export all' }).click()]);
      const ms = performance.now() - started;
      const file = path.join(downloads, `run-${r}.json`);
      await download.saveAs(file);
      const savedMs = performance.now() - started;
      const memory = await stop();
      await cdp.detach();
      runs.push({ ms, savedMs, memory, bytes: statSync(file).size });
      if (r === 0) {
        // The file is the export: valid JSON, every highlight in it.
        const { readFile } = await import('node:fs/promises');
        const doc = JSON.parse(await readFile(file, 'utf8')) as { total: number; first: { items: unknown[] } };
        if (doc.total !== COUNT || doc.first.items.length !== COUNT) throw new Error(`export has ${doc.first.items.length} items`);
      }
      await rm(file);
    }
    load.push(round(loadavg()[0]!));
    const status = await page.locator('.export-status').textContent();
    return {
      bench: 'export-100k',
      value: round(median(runs.map((r) => r.ms))),
      unit: 'ms',
      what: 'Chromium, built extension: click "Export all" (JSON) on the export page until the download starts',
      runsMs: runs.map((r) => round(r.ms)),
      savedMs: round(median(runs.map((r) => r.savedMs))),
      items: COUNT,
      fileMB: round(runs[0]!.bytes / 2 ** 20),
      extensionRssPeakMB: median(runs.map((r) => r.memory.extensionRssPeakMB)),
      pageHeapPeakMB: median(runs.map((r) => r.memory.pageHeapPeakMB)),
      browserRssPeakMB: median(runs.map((r) => r.memory.browserRssPeakMB)),
      floorMs: 5000,
      status,
      seedSeconds,
      load,
    };
  } finally {
    await ext.close();
    await rm(downloads, { recursive: true, force: true });
  }
}

async function inNode(): Promise<BenchResult[]> {
  const { annotations, pages } = generate(N, 42);
  const meta: ExportMeta = { generated: Date.now(), scope: { kind: 'all' }, appVersion: 'bench' };
  const builds = {
    'export-100k-node-json': () => jsonChunks(annotations, pages, meta),
    'export-100k-node-csv': () => csvChunks(annotations, pages),
    'export-100k-node-markdown': () => markdownChunks(annotations, pages, meta),
  };
  const results: BenchResult[] = [];
  for (const [bench, build] of Object.entries(builds)) {
    const m = measure((sample) => {
      const parts: string[] = [];
      let chars = 0;
      // The longest stretch without a chance to yield: what the event loop would feel.
      let longestChunkMs = 0;
      let last = performance.now();
      for (const chunk of build()) {
        longestChunkMs = Math.max(longestChunkMs, performance.now() - last);
        parts.push(chunk);
        chars += chunk.length;
        sample();
        last = performance.now();
      }
      return { chunks: parts.length, chars, longestChunkMs: round(longestChunkMs) };
    });
    const memory = { heapPeakMB: m.heapPeakMB, rssPeakMB: m.rssPeakMB };
    results.push({ bench, value: m.ms, unit: 'ms', items: N, ...m.result, ...memory });
  }
  // Baseline, measured last so that its 90 MB string does not raise the RSS the others start from:
  // the naive way, one object and one JSON.stringify of it.
  const baseline = measure(() => JSON.stringify(toAnnotationCollection(annotations, pages, meta)).length);
  const json = results[0]!;
  if ('value' in json) Object.assign(json, { baseline: baseline.ms, ratio: round(json.value / baseline.ms) });
  return results;
}

const round = (n: number) => Math.round(n * 10) / 10;
const MB = 1024 * 1024;

export interface Measured<T> {
  ms: number;
  result: T;
  heapPeakMB: number;
  rssPeakMB: number;
}

/**
 * Runs `task` once and reports its time and memory. The task calls `sample()` between its steps
 * (between chunks), since nothing else can run during synchronous work; the last sample is taken
 * when it returns, before any collection, so garbage made by the task counts towards the peak.
 * Heap figures are growth over the heap after a full collection when Node runs with --expose-gc
 * (`npm run bench` does not pass it, so the baseline then holds some garbage: figures are lower).
 */
export function measure<T>(task: (sample: () => void) => T): Measured<T> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  let heapPeak = before.heapUsed;
  let rssPeak = before.rss;
  const sample = () => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed);
    rssPeak = Math.max(rssPeak, now.rss);
  };
  const started = performance.now();
  const result = task(sample);
  const ms = performance.now() - started;
  sample();
  const heapPeakMB = round((heapPeak - before.heapUsed) / MB);
  return { ms: round(ms), result, heapPeakMB, rssPeakMB: round((rssPeak - before.rss) / MB) };
}
