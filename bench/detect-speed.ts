/**
 * `detect-per-1k-words`: the detectors' time per 1,000 words of article text in Node, over the
 * eval pages (and our own fixture pages, so it runs without ../shared). Extraction is done once
 * beforehand; each article is detected many times and the median per-article time is used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { detect } from '@/src/core/detect';
import { extractArticle } from '@/src/core/extract';
import { parseHtmlDocument } from '@/src/tools/node-html';
import { median, projectRoot } from './browser';
import type { BenchResult } from './types';

const RUNS = 41;

function pages(): string[] {
  const dirs = [path.join(projectRoot, 'tests/fixtures/pages'), path.resolve(projectRoot, '../shared/eval/pages')];
  return dirs
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.html') && !f.endsWith('.article.html')).map((f) => path.join(d, f)));
}

export async function run(): Promise<BenchResult[]> {
  const articles = pages()
    .map((file) => extractArticle(parseHtmlDocument(fs.readFileSync(file, 'utf8')))?.article)
    .filter((a) => a !== undefined && a.text.length > 0);
  let words = 0;
  const perArticle: number[] = [];
  const firstRun: number[] = [];
  for (const article of articles) {
    const count = article!.text.split(/\s+/).filter(Boolean).length;
    words += count;
    // The first call on each article (as a content script makes it), then warmed-up calls.
    const first = performance.now();
    detect(article!);
    firstRun.push(((performance.now() - first) / count) * 1000);
    for (let i = 0; i < 20; i++) detect(article!);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      detect(article!);
      times.push(performance.now() - start);
    }
    perArticle.push((median(times) / count) * 1000);
  }
  return [
    {
      bench: 'detect-per-1k-words',
      value: Math.round(median(perArticle) * 1000) / 1000,
      unit: 'ms',
      max: Math.round(Math.max(...perArticle) * 1000) / 1000,
      firstCallMedian: Math.round(median(firstRun) * 1000) / 1000,
      articles: articles.length,
      words,
      runs: RUNS,
    },
  ];
}
