/**
 * `detect-per-1k-words`: the detectors' time per 1,000 words of article text, over the eval pages
 * (and our own fixture pages, so it runs without ../shared). Extraction is done once beforehand,
 * and only `detect()` is timed.
 *
 * The detector is timed as it ships: bundled and minified by esbuild (as the extension's build
 * does), not through tsx, whose keepNames transform wraps every closure the rules create in a
 * `__name()` call that the shipped code does not make. Three figures:
 *   - value: the median over articles of each article's warmed-up median (ms per 1k words), timed
 *     after every article has been through the warm-up;
 *   - firstCallMedian: the first call on each article when all are run in turn in a fresh worker
 *     thread (the code warmed by the articles before it, 1 + WARMUP calls each);
 *   - coldMedian: the first call in a fresh worker thread per article (a new V8 isolate: nothing
 *     compiled, no regular expression built), as on a page that has never run the detector.
 * Both first-call figures are each article's median over REPEATS fresh workers; coldLoadMs is
 * the median time to load the module there (outside the per-word figures).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { ArticleText, Detection } from '@/src/core/detect';
import { extractArticle } from '@/src/core/extract';
import { parseHtmlDocument } from '@/src/tools/node-html';
import { median, projectRoot } from './browser';
import type { BenchResult } from './types';

const RUNS = 41;
const WARMUP = 20;
const REPEATS = 3;

function pages(): string[] {
  const dirs = [path.join(projectRoot, 'tests/fixtures/pages'), path.resolve(projectRoot, '../shared/eval/pages')];
  return dirs
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.html') && !f.endsWith('.article.html')).map((f) => path.join(d, f)));
}

/** The detector bundled and minified as the extension ships it, written to a temporary module. */
async function shippedDetector(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(projectRoot, 'src/core/detect/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detect-bench-'));
  const file = path.join(dir, 'detect.mjs');
  fs.writeFileSync(file, result.outputFiles[0]!.text);
  return pathToFileURL(file).href;
}

/**
 * In a new worker thread (a fresh isolate), the milliseconds of the first `detect()` on each of
 * `articles` in turn, each followed by WARMUP more calls (so each article's first call finds the
 * code as the articles before it left it).
 */
function firstCalls(module: string, articles: readonly ArticleText[]): Promise<{ load: number; times: number[] }> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const loading = performance.now();
    import(workerData.module).then(({ detect }) => {
      const load = performance.now() - loading;
      const times = [];
      for (const article of workerData.articles) {
        const start = performance.now();
        detect(article);
        times.push(performance.now() - start);
        for (let i = 0; i < workerData.warmup; i++) detect(article);
      }
      parentPort.postMessage({ load, times });
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, execArgv: [], workerData: { module, articles, warmup: WARMUP } });
    worker.once('message', (result: { load: number; times: number[] }) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export async function run(): Promise<BenchResult[]> {
  const articles = pages()
    .map((file) => extractArticle(parseHtmlDocument(fs.readFileSync(file, 'utf8')))?.article)
    .filter((a): a is ArticleText => a !== undefined && a.text.length > 0);
  const module = await shippedDetector();
  const { detect } = (await import(module)) as { detect: (article: ArticleText) => Detection };
  // Words as a reader counts them: what whitespace separates.
  const counts = articles.map((a) => a.text.split(/\s+/).filter(Boolean).length);
  const words = counts.reduce((x, y) => x + y, 0);
  const perWords = (ms: number, n: number): number => (ms / counts[n]!) * 1000;
  // First calls: each article alone in a fresh isolate (cold), and all in turn in one (first
  // call per article); REPEATS times over, each article's median kept, for a busy machine.
  const cold: number[][] = articles.map(() => []);
  const firsts: number[][] = articles.map(() => []);
  const loads: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    for (const [n, article] of articles.entries()) {
      const { load, times } = await firstCalls(module, [article]);
      loads.push(load);
      cold[n]!.push(perWords(times[0]!, n));
    }
    (await firstCalls(module, articles)).times.forEach((ms, n) => firsts[n]!.push(perWords(ms, n)));
  }
  const coldPerArticle = cold.map(median);
  const firstPerArticle = firsts.map(median);
  // Warmed up: every article through the warm-up, then each timed.
  for (const article of articles) for (let i = 0; i < WARMUP; i++) detect(article);
  let warmTotal = 0;
  const perArticle: number[] = [];
  for (const [n, article] of articles.entries()) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      detect(article);
      times.push(performance.now() - start);
    }
    warmTotal += median(times);
    perArticle.push(perWords(median(times), n));
  }
  return [
    {
      bench: 'detect-per-1k-words',
      value: round(median(perArticle)),
      unit: 'ms',
      max: round(Math.max(...perArticle)),
      /** All articles' warmed-up medians over all their words: long articles weigh more. */
      overall: round((warmTotal / words) * 1000),
      firstCallMedian: round(median(firstPerArticle)),
      coldMedian: round(median(coldPerArticle)),
      coldMax: round(Math.max(...coldPerArticle)),
      /** Milliseconds to load the module in a fresh worker (word lists built), before any call. */
      coldLoadMs: round(median(loads)),
      articles: articles.length,
      words,
      runs: RUNS,
    },
  ];
}
