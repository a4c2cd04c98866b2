/**
 * search-100k: 100,000 generated highlights (bench/search-corpus.ts) in the extension's own
 * database, in Chromium with the built extension; 50 typed queries sent from an extension page
 * to the background as the popup sends them, timed round trip (parse, index reads, ranking and
 * the first 50 results with their pages). The baseline, in the same run and page: a full scan of
 * the same documents, scored by the same ranking code. `popup-first-results`: from opening the
 * popup to its first results on screen (a `performance.mark` the popup sets), at 100k.
 *
 * Seeding writes the records and their search documents (built by the same `buildSearchDoc` the
 * background uses) straight into IndexedDB from an extension page — same origin as the
 * background, so the same database — because no real feature writes 100k annotations at once.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { askBackground } from '../tests/e2e/driver';
import { PROJECT_ROOT, launchExtension, stopServiceWorker, type ExtensionHandle } from '../tests/e2e/harness';
import { DB_VERSION, SCHEMA_V5 } from '@/src/background/db';
import { packDocs } from '@/src/core/search/doc-blocks';
import { packAnnotations } from '@/src/core/store/pack';
import type { SearchDoc } from '@/src/core/search/document';
import { REQUEST_PORT, type SearchTimings } from '@/src/messaging/protocol';
import { buildPostings, docTerms } from '@/src/core/search/postings';
import { ensureBuilt, seed } from './exchange-browser';
import { buildCorpus, corpusDocs } from './search-corpus';
import type { BenchResult } from './types';

const COUNT = Number(process.env.SEARCH_BENCH_COUNT ?? 100_000);
const PAGES = 2_000;
const ROUNDS = 3;
/** The full scan reads every document: timed on every fifth query (its cost hardly depends on the query). */
const BASELINE_EVERY = 5;
/** Popup opens timed: 20, so that the reported p95 is not simply the slowest of a handful. */
const POPUP_OPENS = Number(process.env.SEARCH_BENCH_POPUP_OPENS ?? 20);
/**
 * For quick iterations only: a folder where the seeded database is kept between runs, so that it
 * is seeded once (about six minutes at 100k) and reused while the data and schema stay the same.
 * Reported figures come from a fresh seed: a reused database has been compacted on disk.
 */
const PROFILE = process.env.SEARCH_BENCH_CACHE;
const FIRST_RESULTS_MARK = 'marginalia:first-results';

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
};
const round = (ms: number) => Math.round(ms * 100) / 100;

/** The search modules as one script defining `marginaliaSearch`, for the baseline in the page. */
async function searchBundle(): Promise<string> {
  const result = await build({
    stdin: { contents: "export * from '@/src/core/search'; export { docsIn } from '@/src/core/search/doc-blocks';", resolveDir: PROJECT_ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'marginaliaSearch',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    absWorkingDir: PROJECT_ROOT,
  });
  return result.outputFiles[0]!.text;
}

/**
 * What the seeded database holds: the schema, and a sample of the documents (which change with the
 * corpus or document code); and the checkout it was seeded from, since an unpacked extension's id
 * (the database's origin) comes from its folder: another checkout's copy would be an empty database.
 */
function seedStamp(docs: readonly SearchDoc[]): string {
  const hash = createHash('sha256').update(JSON.stringify({ DB_VERSION, SCHEMA_V5, count: docs.length, PAGES, checkout: PROJECT_ROOT }));
  for (let i = 0; i < docs.length; i += 997) hash.update(JSON.stringify([docs[i], docTerms(docs[i]!)]));
  return hash.digest('hex');
}

/** Whether the cache holds a database seeded with this data; if not, it is emptied for a fresh seed. */
function cachedDatabase(dir: string, stamp: string): boolean {
  const file = path.join(dir, 'marginalia-seed.txt');
  if (existsSync(file) && readFileSync(file, 'utf8') === stamp && existsSync(path.join(dir, 'IndexedDB'))) return true;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return false;
}

interface Timed {
  ms: number;
  ids: string[];
  /** The background's own account of its stages (src/background/search-clock.ts); absent for the scan. */
  timings?: SearchTimings;
}

/**
 * Each query sent to the background as the popup sends it (over one connection: REQUEST_PORT,
 * src/messaging/port-client.ts), timed in the page.
 */
function timeOurs(page: Page, queries: readonly string[]): Promise<Timed[]> {
  return page.evaluate(
    async ([list, portName]) => {
      type Reply = { id: number; reply: { ok: boolean; value?: { hits: { id: string }[]; timings?: SearchTimings }; error?: string } };
      type Port = { postMessage(m: unknown): void; disconnect(): void; onMessage: { addListener(l: (m: Reply) => void): void } };
      const runtime = (globalThis as unknown as { chrome: { runtime: { connect(info: { name: string }): Port } } }).chrome.runtime;
      const port = runtime.connect({ name: portName });
      const waiting = new Map<number, (reply: Reply['reply']) => void>();
      port.onMessage.addListener((m) => waiting.get(m.id)?.(m.reply));
      const out: { ms: number; ids: string[]; timings?: SearchTimings }[] = [];
      for (let id = 0; id < list.length; id++) {
        const query = list[id]!;
        const start = performance.now();
        const reply = await new Promise<Reply['reply']>((resolve) => {
          waiting.set(id, resolve);
          port.postMessage({ id, message: { channel: 'marginalia', type: 'search.query', payload: { query, limit: 50 } } });
        });
        const ms = performance.now() - start;
        if (!reply.ok || !reply.value) throw new Error(`search failed for ${query}: ${reply.error}`);
        out.push({ ms, ids: reply.value.hits.map((h) => h.id), timings: reply.value.timings });
      }
      port.disconnect();
      return out;
    },
    [queries, REQUEST_PORT] as const,
  );
}

/**
 * The baseline: each query as a full scan of every search document (read, score, rank), timed;
 * with `timed` false the documents are read once and only the results are returned, to compare.
 */
function fullScan(page: Page, queries: readonly string[], timed: boolean): Promise<Timed[]> {
  return page.evaluate(async ([list, timeEach]) => {
    type Doc = { key: string; id: string };
    type Block = { text: Uint8Array; ends: number[] };
    const S = (globalThis as unknown as {
      marginaliaSearch: {
        parseQuery(q: string): unknown;
        scanSearch(docs: Doc[], q: unknown, limit: number): { hits: { id: string }[] };
        docsIn(block: Block, cache: Map<string, unknown>): Doc[];
      };
    }).marginaliaSearch;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('marginalia');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const out: { ms: number; ids: string[] }[] = [];
    // Every document read whole, as the background's scan reads them (src/background/search-read.ts).
    const readAll = async () => {
      const pages = new Map<string, unknown>();
      return (await request(db.transaction(['docBlocks'], 'readonly').objectStore('docBlocks').getAll() as IDBRequest<Block[]>)).flatMap((b) => S.docsIn(b, pages));
    };
    const once = timeEach ? null : await readAll();
    for (const query of list) {
      const start = performance.now();
      const docs = once ?? (await readAll());
      // Documents carry what a result shows, as in the indexed search: no join needed.
      const { hits } = S.scanSearch(docs, S.parseQuery(query), 50);
      out.push({ ms: performance.now() - start, ids: hits.map((h) => h.id) });
    }
    db.close();
    return out;
  }, [queries, timed] as const);
}

/** The popup's marks on the way to its first results (src/popup), reported as medians. */
const POPUP_MARKS = ['marginalia:popup-script', 'marginalia:popup-rendered', 'marginalia:first-reply', 'marginalia:active-page'] as const;

/**
 * Opens the popup afresh and reads when its first results were shown (ms from navigation start),
 * with when its script started, its first render and the first reply came.
 */
async function popupFirstResults(ext: ExtensionHandle): Promise<{ shown: number; marks: Record<string, number> }> {
  const popup = await ext.context.newPage();
  try {
    await popup.goto(ext.popupUrl);
    const handle = await popup.waitForFunction(
      (mark) => performance.getEntriesByName(mark)[0]?.startTime,
      FIRST_RESULTS_MARK,
      { timeout: 30_000, polling: 20 },
    );
    const shown = (await handle.jsonValue()) as number;
    const marks = await popup.evaluate(
      (names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? NaN])),
      [...POPUP_MARKS],
    );
    return { shown, marks };
  } finally {
    await popup.close();
  }
}

/** The slowest popup open, with its marks (ms from navigation start). */
function slowestOpen(opens: readonly { shown: number; marks: Record<string, number> }[]): Record<string, number> | null {
  const slowest = [...opens].sort((a, b) => b.shown - a.shown)[0];
  if (!slowest) return null;
  return { shown: round(slowest.shown), ...Object.fromEntries(Object.entries(slowest.marks).map(([m, t]) => [m.replace('marginalia:', ''), round(t)])) };
}

export async function run(): Promise<BenchResult[]> {
  ensureBuilt();
  const started = performance.now();
  const loadStart = loadavg()[0]!;
  const corpus = buildCorpus(COUNT, PAGES);
  const docs = corpusDocs(corpus);
  const stamp = PROFILE ? seedStamp(docs) : '';
  const reused = PROFILE ? cachedDatabase(PROFILE, stamp) : false;
  // With a cache, the profile is still a fresh one (a kept profile would run the service worker
  // of an older build); only its IndexedDB folder is copied in, or out once seeded.
  const profile = PROFILE ? mkdtempSync(path.join(tmpdir(), 'marginalia-bench-')) : undefined;
  if (profile && reused) cpSync(path.join(PROFILE!, 'IndexedDB'), path.join(profile, 'Default', 'IndexedDB'), { recursive: true });
  const ext = await launchExtension(profile ? { userDataDir: profile } : {});
  try {
    await ext.context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    const page = await ext.context.newPage();
    await page.goto(`${ext.popupUrl}?bench`);
    await page.evaluate('globalThis.__name ??= (f) => f;');
    // The background creates the database at the current version on its first request.
    await askBackground(page, 'tags.list', {});
    const seedStart = performance.now();
    if (!reused) {
      await seed(page, { ...packAnnotations(corpus.annotations), pages: corpus.pages, docBlocks: packDocs(docs), postings: buildPostings(docs) });
    }
    const seedMs = performance.now() - seedStart;
    await page.evaluate(await searchBundle());

    await timeOurs(page, corpus.queries); // warm-up: the worker's database handle, caches
    const ours: Timed[][] = [];
    for (let r = 0; r < ROUNDS; r++) ours.push(await timeOurs(page, corpus.queries));
    const scan = await fullScan(page, corpus.queries, false);
    const timedScan = await fullScan(page, corpus.queries.filter((_, i) => i % BASELINE_EVERY === 0), true);

    const oursMs = ours.flat().map((t) => t.ms);
    // Each query's median over the rounds: a steadier figure on a shared machine.
    const medians = corpus.queries.map((_, i) => quantile(ours.map((o) => o[i]!.ms), 0.5));
    const scanMs = timedScan.map((t) => t.ms);
    const agree = scan.filter((s, i) => JSON.stringify(s.ids) === JSON.stringify(ours[0]![i]!.ids)).length;
    const p95 = quantile(oursMs, 0.95);
    const baseline = quantile(scanMs, 0.95);
    const perQuery = corpus.queries.map((q, i) => ({ q, ms: round(Math.max(...ours.map((o) => o[i]!.ms))), hits: ours[0]![i]!.ids.length }));
    const slowest = [...perQuery].sort((a, b) => b.ms - a.ms).slice(0, 5);
    // Where the time went: each background stage's median and 95th percentile over every sample,
    // and the rest of the round trip (messaging, serialising the reply) as `messaging`.
    const samples = ours.flat();
    const stage = (of: (t: Timed) => number) => ({ p50: round(quantile(samples.map(of), 0.5)), p95: round(quantile(samples.map(of), 0.95)) });
    const stages = Object.fromEntries([
      ...(['parse', 'expand', 'postings', 'docs', 'compute', 'total', 'blocks', 'docsRead', 'docBlocks', 'docRequests'] as const).map((k) => [k, stage((t) => t.timings?.[k] ?? NaN)]),
      ['messaging', stage((t) => t.ms - (t.timings?.total ?? NaN))],
    ]);
    // The background's stages in each of those slowest samples (not another round's): whether the
    // time went to reading, computing or outside the background (`ms` − `total`).
    const slowTimings = slowest.map(({ q, ms }) => {
      const i = corpus.queries.indexOf(q);
      const sample = ours.map((o) => o[i]!).find((t) => round(t.ms) === ms)!;
      return { q, ms, ...sample.timings };
    });

    const opens: { shown: number; marks: Record<string, number> }[] = [];
    for (let i = 0; i < POPUP_OPENS; i++) opens.push(await popupFirstResults(ext));
    const warm = opens.map((o) => o.shown);
    const marks = Object.fromEntries(POPUP_MARKS.map((m) => [m.replace('marginalia:', ''), round(quantile(opens.map((o) => o.marks[m] ?? NaN), 0.5))]));
    let cold = NaN;
    if (POPUP_OPENS > 0) {
      await stopServiceWorker(ext.context, ext.extensionId);
      cold = (await popupFirstResults(ext)).shown;
    }

    return [
      {
        bench: 'search-100k',
        value: round(p95),
        unit: 'ms',
        p50: round(quantile(oursMs, 0.5)),
        p95: round(p95),
        baseline: round(baseline),
        baselineP50: round(quantile(scanMs, 0.5)),
        baselineQueries: scanMs.length,
        ratio: Math.round((p95 / baseline) * 10_000) / 10_000,
        p95OfQueryMedians: round(quantile(medians, 0.95)),
        annotations: COUNT,
        pages: PAGES,
        queries: corpus.queries.length,
        samples: oursMs.length,
        sameResultsAsScan: `${agree}/${corpus.queries.length}`,
        slowest,
        stages,
        slowTimings,
        seedSeconds: round(seedMs / 1000),
        ...(reused ? { reusedDatabase: PROFILE } : {}),
        // The machine's load (1-minute average) before and after: other work skews every figure.
        load: [round(loadStart), round(loadavg()[0]!)],
        totalSeconds: round((performance.now() - started) / 1000),
      },
      {
        bench: 'popup-first-results',
        value: round(quantile(warm, 0.95)),
        unit: 'ms',
        p50: round(quantile(warm, 0.5)),
        p95: round(quantile(warm, 0.95)),
        max: round(Math.max(...warm)),
        // The slowest open's marks: a late `popup-script` is time before any of our code runs
        // (the browser creating the page), a late `first-reply` the background's.
        slowestOpen: slowestOpen(opens),
        // Medians, ms from navigation start: script running, first render, first reply in.
        marks,
        opens: POPUP_OPENS,
        coldWorker: round(cold),
        load: round(loadavg()[0]!),
        annotations: COUNT,
      },
    ];
  } finally {
    await ext.close();
    if (PROFILE && profile) {
      if (!reused) {
        cpSync(path.join(profile, 'Default', 'IndexedDB'), path.join(PROFILE, 'IndexedDB'), { recursive: true });
        writeFileSync(path.join(PROFILE, 'marginalia-seed.txt'), stamp);
      }
      rmSync(profile, { recursive: true, force: true });
    }
  }
}
