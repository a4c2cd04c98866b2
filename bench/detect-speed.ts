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
 *   - firstCallMedian: the first call on each article, in this process (the code warmed by the
 *     articles before it);
 *   - coldMedian: the first call in a fresh worker thread per article (a new V8 isolate: nothing
 *     compiled, no regular expression built), as a page that has never run the detector.
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

/** Milliseconds of the first `detect()` on `article` in a new worker thread (a fresh isolate). */
function coldCall(module: string, article: ArticleText): Promise<number> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.module).then(({ detect }) => {
      const start = performance.now();
      detect(workerData.article);
      parentPort.postMessage(performance.now() - start);
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, execArgv: [], workerData: { module, article } });
    worker.once('message', (ms: number) => {
      resolve(ms);
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
  let words = 0;
  let warmTotal = 0;
  const perArticle: number[] = [];
  const firstRun: number[] = [];
  const cold: number[] = [];
  // Words as a reader counts them: what whitespace separates.
  const counts = articles.map((a) => a.text.split(/\s+/).filter(Boolean).length);
  for (const [n, article] of articles.entries()) {
    words += counts[n]!;
    cold.push(((await coldCall(module, article)) / counts[n]!) * 1000);
    // The first call on this article in this process (after the articles before it), then warm-up calls.
    const first = performance.now();
    detect(article);
    firstRun.push(((performance.now() - first) / counts[n]!) * 1000);
    for (let i = 0; i < WARMUP; i++) detect(article);
  }
  // Timed once every article has warmed the code up: the first articles' figures are then not
  // those of code still being optimised.
  for (const [n, article] of articles.entries()) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      detect(article);
      times.push(performance.now() - start);
    }
    warmTotal += median(times);
    perArticle.push((median(times) / counts[n]!) * 1000);
  }
  return [
    {
      bench: 'detect-per-1k-words',
      value: round(median(perArticle)),
      unit: 'ms',
      max: round(Math.max(...perArticle)),
      /** All articles' warmed-up medians over all their words: long articles weigh more. */
      overall: round((warmTotal / words) * 1000),
      firstCallMedian: round(median(firstRun)),
      coldMedian: round(median(cold)),
      coldMax: round(Math.max(...cold)),
      articles: articles.length,
      words,
      runs: RUNS,
    },
  ];
}
