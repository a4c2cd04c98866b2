/**
 * anchor-200: re-anchoring 200 highlights on a real news page (bbc-1.html from ../shared/eval) in
 * headless Chromium, ours (`anchorAll`, text walk included) against Apache Annotator's text quote
 * matcher. `anchor-200-shifted` does the same after text is inserted above the article, so that
 * every stored position is off and our exact search runs instead of the position check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { bundle, launchChromium, median, openOffline, serveFile } from './browser';
import type { BenchResult } from './types';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGE = 'bbc-1.html';
const pageFile = path.resolve(projectRoot, '../shared/eval/pages', PAGE);
const RUNS = 7;

interface OursRun {
  ms: number;
  anchored: number;
  methods: Record<string, number>;
}
interface BaselineRun {
  ms: number;
  found: number;
}

/** RUNS alternating rounds (ours first on even rounds), so that neither always runs warmer. */
async function measure(page: Page, withBaseline: boolean): Promise<{ ours: OursRun[]; baseline: BaselineRun[] }> {
  const ours: OursRun[] = [];
  const baseline: BaselineRun[] = [];
  for (let round = 0; round < RUNS; round++) {
    const runOurs = async () => ours.push((await page.evaluate('anchorBench.runOurs()')) as OursRun);
    const runBaseline = async () => {
      if (withBaseline) baseline.push((await page.evaluate('anchorBench.runBaseline()')) as BaselineRun);
    };
    if (round % 2 === 0) {
      await runOurs();
      await runBaseline();
    } else {
      await runBaseline();
      await runOurs();
    }
  }
  return { ours, baseline };
}

function report(bench: string, runs: { ours: OursRun[]; baseline: BaselineRun[] }, baselineError?: string): BenchResult {
  const value = median(runs.ours.map((r) => r.ms));
  const last = runs.ours[runs.ours.length - 1]!;
  const detail = { runs: RUNS, page: PAGE, anchored: last.anchored, methods: last.methods };
  if (baselineError !== undefined) return { bench, value: round(value), unit: 'ms', baseline: null, ratio: null, ...detail, baselineError };
  const baseline = median(runs.baseline.map((r) => r.ms));
  return {
    bench,
    value: round(value),
    unit: 'ms',
    baseline: round(baseline),
    ratio: Number((value / baseline).toPrecision(3)),
    ...detail,
    baselineFound: runs.baseline[runs.baseline.length - 1]!.found,
  };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

export async function run(): Promise<BenchResult[]> {
  if (!fs.existsSync(pageFile)) {
    const reason = `../shared is absent: ${pageFile} not found`;
    return [
      { bench: 'anchor-200', skipped: true, reason },
      { bench: 'anchor-200-shifted', skipped: true, reason },
    ];
  }
  const ours = await bundle('MarginaliaAnchoring', { file: 'src/core/anchoring/index.ts' });
  const harness = await bundle('AnchorBenchPage', { file: 'bench/anchor-200.page.ts' });
  let baseline: string | undefined;
  let baselineError: string | undefined;
  try {
    baseline = await bundle('AnnotatorBaseline', {
      source: "export { createTextQuoteSelectorMatcher, describeTextQuote } from '@apache-annotator/dom';",
    });
  } catch (error: unknown) {
    // @apache-annotator/dom 0.2.0 imports @apache-annotator/selector without depending on it.
    const first = (error as { errors?: { text: string }[] }).errors?.[0]?.text;
    baselineError = `baseline not bundled: ${first ?? String(error)}`;
  }

  const server = await serveFile(pageFile);
  const browser = await launchChromium();
  try {
    const page = await openOffline(browser, server.url);
    await page.addScriptTag({ content: ours });
    if (baseline) await page.addScriptTag({ content: baseline });
    else await page.addScriptTag({ content: 'var AnnotatorBaseline = { describeTextQuote: async () => null };' });
    await page.addScriptTag({ content: harness });
    await page.evaluate('anchorBench.setup()');
    const plain = await measure(page, baseline !== undefined);
    await page.evaluate('anchorBench.shift()');
    const shifted = await measure(page, baseline !== undefined);
    return [report('anchor-200', plain, baselineError), report('anchor-200-shifted', shifted, baselineError)];
  } finally {
    await browser.close();
    await server.close();
  }
}
