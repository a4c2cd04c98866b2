/**
 * import-100k, in Chromium with the built extension (the figure that counts): our JSON export of
 * 100,000 highlights (the search-100k corpus) chosen in the export page's file input, timed until
 * the plan ("100,000 new, …") is on screen, then "Import" clicked and timed until the result is:
 * reading and parsing the file in the page, the chunks to the background and its checks, the plan,
 * and the ONE transaction that writes the annotations, pages and search index. Each run starts
 * from a fresh profile; the record counts are checked after. Median of RUNS.
 *
 * import-100k-node-*: the pure parts alone in Node: `parseImport` of a generated export (the
 * baseline is JSON.parse alone), and `planImport` against half of it already saved.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { jsonChunks, parseImport, planImport, type ExistingRecords } from '@/src/core/export';
import type { PageMeta } from '@/src/core/model';
import { generate } from '@/tests/fixtures/import/generate';
import { askBackground } from '../tests/e2e/driver';
import { launchExtension } from '../tests/e2e/harness';
import { COUNT, countRecords, cpuSeconds, ensureBuilt, median, PAGES, sampleMemory, type MemoryPeaks } from './exchange-browser';
import { measure } from './export-100k';
import { buildCorpus } from './search-corpus';
import type { BenchResult } from './types';

const N = 100_000;
const RUNS = Number(process.env.EXCHANGE_BENCH_RUNS ?? 3);

export async function run(): Promise<BenchResult[]> {
  return [await inBrowser(), ...(await inNode())];
}

async function inBrowser(): Promise<BenchResult> {
  const extensionDir = ensureBuilt();
  const load = [round(loadavg()[0]!, 1)];
  const corpus = buildCorpus(COUNT, PAGES);
  const pages = new Map(corpus.pages.map((p) => [p.url, p]));
  const text = [...jsonChunks(corpus.annotations, pages, { generated: Date.now(), scope: { kind: 'all' }, appVersion: 'bench' })].join('');
  const dir = await mkdtemp(path.join(tmpdir(), 'marginalia-import-bench-'));
  const file = path.join(dir, 'marginalia-export.json');
  await writeFile(file, text);
  const runs: {
    planMs: number;
    applyMs: number;
    applyCpu: { extension: number; other: number };
    memory: MemoryPeaks;
    summary: string;
    result: string;
    counts: Record<string, number>;
  }[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const ext = await launchExtension();
      try {
        const page = await ext.context.newPage();
        await page.goto(`chrome-extension://${ext.extensionId}/export.html`);
        await askBackground(page, 'tags.list', {}); // the reader's database exists already
        const cdp = await ext.context.newCDPSession(page);
        const stop = await sampleMemory(extensionDir, cdp);
        const started = performance.now();
        await page.locator('.exchange input[type=file]').setInputFiles(file);
        const summary = page.locator('.import-summary');
        await summary.waitFor({ timeout: 300_000 });
        const planMs = performance.now() - started;
        const planned = (await summary.textContent()) ?? '';
        const cpuBefore = cpuSeconds(extensionDir);
        const clicked = performance.now();
        await page.getByRole('button', { name: 'Import', exact: true }).click();
        const result = page.locator('.import-result');
        await result.waitFor({ timeout: 300_000 });
        const applyMs = performance.now() - clicked;
        const cpuAfter = cpuSeconds(extensionDir);
        const applyCpu = { extension: cpuAfter.extension - cpuBefore.extension, other: cpuAfter.other - cpuBefore.other };
        const memory = await stop();
        await cdp.detach();
        const counts = await countRecords(page);
        if (counts.annotations !== COUNT || counts.search !== COUNT) throw new Error(`imported ${JSON.stringify(counts)}`);
        runs.push({ planMs, applyMs, applyCpu, memory, summary: planned, result: (await result.textContent()) ?? '', counts });
      } finally {
        await ext.close();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  load.push(round(loadavg()[0]!, 1));
  const total = runs.map((r) => r.planMs + r.applyMs);
  return {
    bench: 'import-100k',
    value: round(median(total), 0),
    unit: 'ms',
    what: 'Chromium, built extension: file chosen on the export page → plan shown, then Import → done (one transaction)',
    runsMs: total.map((t) => round(t, 0)),
    planMs: round(median(runs.map((r) => r.planMs)), 0),
    applyMs: round(median(runs.map((r) => r.applyMs)), 0),
    // CPU seconds during Import: the extension's process, and the rest of the browser (IndexedDB).
    applyCpuExtensionS: round(median(runs.map((r) => r.applyCpu.extension)), 1),
    applyCpuOtherS: round(median(runs.map((r) => r.applyCpu.other)), 1),
    fileMB: round(Buffer.byteLength(text, 'utf8') / 2 ** 20, 1),
    summary: runs[0]!.summary,
    result: runs[0]!.result,
    counts: runs[0]!.counts,
    extensionRssPeakMB: median(runs.map((r) => r.memory.extensionRssPeakMB)),
    pageHeapPeakMB: median(runs.map((r) => r.memory.pageHeapPeakMB)),
    storageRssPeakMB: median(runs.map((r) => r.memory.storageRssPeakMB)),
    browserRssPeakMB: median(runs.map((r) => r.memory.browserRssPeakMB)),
    floorMs: 20_000,
    load,
  };
}

async function inNode(): Promise<BenchResult[]> {
  const { annotations, pages } = generate(N, 42);
  const generated = Date.UTC(2026, 10, 27);
  const text = [...jsonChunks(annotations, pages, { generated, scope: { kind: 'all' }, appVersion: 'bench' })].join('');
  const bytes = Buffer.byteLength(text, 'utf8');

  const parsed = measure(() => parseImport(text, { now: generated }));
  // After the import, so that the RSS it reaches does not hide the import's own growth.
  const baseline = measure(() => (JSON.parse(text) as { total: number }).total);
  if (!parsed.result.ok) throw new Error(parsed.result.message);
  const items = parsed.result.items;

  // Half already saved: a quarter unchanged, a quarter older than the file (to be updated).
  const existing: ExistingRecords = { annotations: new Map(), pages: new Map<string, PageMeta>() };
  annotations.slice(0, N / 2).forEach((a, i) => {
    const saved = { url: a.url, updated: i % 2 === 0 ? a.updated : a.updated - 1000 };
    (existing.annotations as Map<string, typeof saved>).set(a.id, saved);
  });
  const planned = measure(() => planImport(items, existing));

  return [
    {
      bench: 'import-100k-node-parse',
      value: parsed.ms,
      unit: 'ms',
      items: items.length,
      fileMB: round(bytes / 2 ** 20),
      baseline: baseline.ms,
      ratio: round(parsed.ms / baseline.ms),
      heapPeakMB: parsed.heapPeakMB,
      rssPeakMB: parsed.rssPeakMB,
    },
    {
      bench: 'import-100k-node-plan',
      value: planned.ms,
      unit: 'ms',
      summary: planned.result.summary,
      heapPeakMB: planned.heapPeakMB,
      rssPeakMB: planned.rssPeakMB,
    },
  ];
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
