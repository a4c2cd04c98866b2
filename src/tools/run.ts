/**
 * Node only: the evaluation pipeline over a folder of pages and a folder of labels. For each
 * labels/<id>.json: pages/<id>.html → linkedom → extractArticle → detector → scorePage. The
 * detector is passed in, so the pipeline is tested with stubs and compared against an oracle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isProbablyReaderable } from '@mozilla/readability';
import type { ArticleText } from '../core/detect/types';
import { extractArticle } from '../core/extract/extract-article';
import { parseHtmlDocument } from './node-html';
import { labelCoverage } from '../core/eval/coverage';
import { parseLabels, type PageLabels, type Prediction } from '../core/eval/labels';
import { microAverage, scorePage } from '../core/eval/score';
import type { Detector, EvalRun, PageResult } from '../core/eval/types';

export type { Detector, EvalRun, PageResult } from '../core/eval/types';

export interface EvalOptions {
  pagesDir: string;
  labelsDir: string;
  detect: Detector;
  /** Evaluate only these page ids (all labelled pages when absent). */
  only?: readonly string[];
}

/** Runs the evaluation. Throws when a folder is missing; a bad page or label file is skipped and reported. */
export function runEval({ pagesDir, labelsDir, detect, only }: EvalOptions): EvalRun {
  for (const dir of [pagesDir, labelsDir]) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`no such folder: ${dir}`);
  }
  const ids = fs
    .readdirSync(labelsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .filter((id) => !only || only.includes(id))
    .sort();

  const pages: PageResult[] = [];
  const skipped: EvalRun['skipped'] = [];
  for (const id of ids) {
    const pageFile = path.join(pagesDir, `${id}.html`);
    if (!fs.existsSync(pageFile)) {
      skipped.push({ id, reason: `no page ${pageFile}` });
      continue;
    }
    let labels: PageLabels;
    try {
      const file = path.join(labelsDir, `${id}.json`);
      labels = parseLabels(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown, file);
    } catch (e: unknown) {
      skipped.push({ id, reason: e instanceof Error ? e.message : String(e) });
      continue;
    }
    pages.push(evaluatePage(id, fs.readFileSync(pageFile, 'utf8'), labels, detect));
  }
  return { pages, micro: microAverage(pages.map((p) => p.score)), skipped };
}

/** One page: extract, detect, score. */
export function evaluatePage(id: string, html: string, labels: PageLabels, detect: Detector): PageResult {
  const doc = parseHtmlDocument(html);
  const extracted = extractArticle(doc);
  // The detector gets what the content script would get: the page's own language, never the label's.
  const article: ArticleText = extracted?.article ?? { text: '', paragraphs: [] };
  let prediction: Prediction = { quotes: [], officials: [] };
  let error: string | undefined;
  const started = performance.now();
  try {
    prediction = detect(article, { id });
  } catch (e: unknown) {
    error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  const detectMs = performance.now() - started;
  const result: PageResult = {
    id,
    labels,
    score: scorePage(labels, prediction),
    coverage: labelCoverage(article.text, labels),
    readerable: extracted?.readerable ?? isProbablyReaderable(doc),
    extracted: extracted !== null,
    detectMs,
  };
  if (error !== undefined) result.error = error;
  return result;
}
