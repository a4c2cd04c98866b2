/**
 * import-100k, in Chromium with the built extension (the figure that counts): our JSON export of
 * 100,000 highlights (the search-100k corpus) chosen in the export page's file input, timed until
 * the plan ("100,000 new, …") is on screen, then "Import" clicked and timed until the result is:
 * reading and parsing the file in the page, the chunks to the background and its checks, the plan,
 * and the ONE transaction that writes the annotations, pages and search index. Each run starts
 * from a fresh profile; the record counts are checked after. Median of RUNS.
 *
 * import-100k-node-*: the pure parts alone in Node: `parseImport` of a generated export (the
 * baseline is JSON.parse alone), `planImport` against half of it already saved, and the background
 * session staging the parsed annotations as the page sends them (baseline: JSON.parse of the chunks).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { acceptPort } from '@/src/background/exchange-port';
import { jsonChunks, parseImport, planImport, type ExistingRecords, type ImportedAnnotation } from '@/src/core/export';
import { IMPORT_CHUNK_ITEMS } from '@/src/exchange/import-client';
import { IMPORT_PORT, type PortLike } from '@/src/messaging/protocol';
import type { PageMeta } from '@/src/core/model';
import { generate } from '@/tests/fixtures/import/generate';
import type { Page } from 'playwright-core';
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
    planSteps: PlanSteps;
    planCpu: { extension: number; other: number };
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
        const planCpuBefore = cpuSeconds(extensionDir);
        const started = performance.now();
        await page.locator('.exchange input[type=file]').setInputFiles(file);
        const summary = page.locator('.import-summary');
        await summary.waitFor({ timeout: 300_000 });
        const planMs = performance.now() - started;
        const planCpuAfter = cpuSeconds(extensionDir);
        const planCpu = { extension: planCpuAfter.extension - planCpuBefore.extension, other: planCpuAfter.other - planCpuBefore.other };
        const planSteps = await planStepsOf(page);
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
        runs.push({ planMs, planSteps, planCpu, applyMs, applyCpu, memory, summary: planned, result: (await result.textContent()) ?? '', counts });
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
    // The page's marks (src/popup/ExportImport.tsx), medians: reading the File, JSON.parse and the
    // file-wide checks, checking and sending the annotations until the background staged the last
    // chunk (the two overlap), and the background's plan until it is on screen.
    planStepsMs: Object.fromEntries(PLAN_STEPS.map((step) => [step, round(median(runs.map((r) => r.planSteps[step])), 0)])),
    // CPU seconds from the file chosen to the plan shown: the extension's process (page and
    // service worker) and the rest of the browser.
    planCpuExtensionS: round(median(runs.map((r) => r.planCpu.extension)), 1),
    planCpuOtherS: round(median(runs.map((r) => r.planCpu.other)), 1),
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

const PLAN_STEPS = ['read', 'parse', 'checkAndStage', 'plan'] as const;
type PlanSteps = Record<(typeof PLAN_STEPS)[number], number>;

/** The plan's steps in the page, from its `marginalia:import <step>` marks. */
async function planStepsOf(page: Page): Promise<PlanSteps> {
  const marks = new Map(
    await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('marginalia:import '))
        .map((m) => [m.name.slice('marginalia:import '.length), m.startTime] as [string, number]),
    ),
  );
  const between = (from: string, to: string) => (marks.get(to) ?? NaN) - (marks.get(from) ?? NaN);
  return { read: between('start', 'read'), parse: between('read', 'parsed'), checkAndStage: between('parsed', 'sent'), plan: between('sent', 'planned') };
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
  const staged = await stageInNode(items, generated);

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
    {
      bench: 'import-100k-node-stage',
      value: staged.ms,
      unit: 'ms',
      chunks: staged.chunks,
      baseline: staged.baselineMs,
      ratio: round(staged.ms / staged.baselineMs),
    },
  ];
}

/**
 * The background's import session (acceptPort) receiving the parsed items as the export page
 * sends them, JSON chunks of IMPORT_CHUNK_ITEMS, over an in-memory port, until the last chunk is
 * staged: its JSON.parse and its checks. The baseline is JSON.parse of the same chunks alone.
 */
async function stageInNode(items: readonly ImportedAnnotation[], now: number): Promise<{ ms: number; baselineMs: number; chunks: number }> {
  const chunks: string[] = [];
  for (let from = 0; from < items.length; from += IMPORT_CHUNK_ITEMS) chunks.push(JSON.stringify(items.slice(from, from + IMPORT_CHUNK_ITEMS)));
  const listeners: ((message: unknown) => void)[] = [];
  let done: (() => void) | undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const port: PortLike = {
    name: IMPORT_PORT,
    postMessage(message) {
      const reply = message as { type: string; received?: number; error?: string };
      if (reply.type === 'error') throw new Error(reply.error);
      if (reply.received === items.length) done!();
    },
    disconnect() {},
    onMessage: { addListener: (listener) => void listeners.push(listener) },
    onDisconnect: { addListener() {} },
  };
  const base = 'chrome-extension://bench/';
  const sender = { id: 'bench', url: `${base}export.html`, tab: { id: 1, url: `${base}export.html` }, frameId: 0, ownId: 'bench', extensionBaseUrl: base };
  acceptPort(port, sender, { db: () => { throw new Error('staging reads no database'); }, now: () => now, appVersion: 'bench' });
  const deliver = (message: unknown) => listeners.forEach((listener) => listener(message));
  const started = performance.now();
  deliver({ type: 'begin', total: items.length });
  for (const data of chunks) deliver({ type: 'items', data });
  await finished;
  const ms = performance.now() - started;
  const parseStarted = performance.now();
  for (const data of chunks) JSON.parse(data);
  return { ms: round(ms), baselineMs: round(performance.now() - parseStarted), chunks: chunks.length };
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
