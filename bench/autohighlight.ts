/**
 * `autohighlight-vs-readability`: on each page of ../shared/eval, in headless Chromium, the time to
 * extract, detect and paint automatic highlights, against Readability.parse() alone in the same
 * page. One line per page plus the median ratio over pages.
 *
 * Two measures per page:
 * - warm: in one page, WARMUP untimed rounds of both sides, then the medians of RUNS timed rounds.
 *   Without the warm-up, the timed rounds are the ones in which V8 compiles the detector's hot
 *   functions on a background thread, which on two cores takes the main thread's core: the
 *   figure then measures the compiler as much as the work, and moved 1.3–1.9 between quiet runs.
 * - cold (`cold…`): COLD fresh pages per side, each running its side once, as a page load does
 *   (the content script runs the pipeline once per page): Readability's and the detector's code
 *   both cold. Medians.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bundle, launchChromium, median, openOffline, projectRoot, serveFile } from './browser';
import { threadCpuOfMarks } from './thread-cpu';
import type { BenchResult } from './types';

const pagesDir = path.resolve(projectRoot, '../shared/eval/pages');
const RUNS = 9;
const WARMUP = 3;
const COLD = 3;
const STEPS = ['extract', 'detect', 'place', 'paint'] as const;

export async function run(): Promise<BenchResult[]> {
  if (!fs.existsSync(pagesDir)) {
    return [{ bench: 'autohighlight-vs-readability', skipped: true, reason: `${pagesDir} is absent (../shared/eval is needed)` }];
  }
  const script = await bundle('autoBench', { file: path.join(projectRoot, 'bench/autohighlight.page.ts') });
  const files = fs.readdirSync(pagesDir).filter((f) => f.endsWith('.html') && !f.endsWith('.article.html')).sort();
  const browser = await launchChromium();
  const results: BenchResult[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  const coldRatios: number[] = [];
  const coldCpuRatios: number[] = [];
  try {
    for (const file of files) {
      const server = await serveFile(path.join(pagesDir, file));
      const page = await openOffline(browser, server.url);
      try {
        await addBench(page, script);
        for (let w = 0; w < WARMUP; w++) await page.evaluate('autoBench.runOurs(-1), autoBench.runBaseline(-1)');
        const ours: number[] = [];
        const base: number[] = [];
        const steps: number[][] = [[], [], [], []];
        let longest = 0;
        let firstRun: number[] = [];
        let found = { quotes: 0, officials: 0 };
        const cpu = await threadCpuOfMarks(browser, page, async () => {
          for (let round = 0; round < RUNS; round++) {
            // Alternate the order so that neither always runs on a warmer page.
            const o = async () => {
              const r = (await page.evaluate(`autoBench.runOurs(${round})`)) as { ms: number; steps: number[]; longestStepMs: number; quotes: number; officials: number };
              ours.push(r.ms);
              r.steps.forEach((ms, i) => steps[i]!.push(ms));
              if (ours.length === 1) firstRun = r.steps;
              longest = Math.max(longest, r.longestStepMs);
              found = { quotes: r.quotes, officials: r.officials };
            };
            const b = async () => base.push(((await page.evaluate(`autoBench.runBaseline(${round})`)) as { ms: number }).ms);
            if (round % 2) await b().then(o);
            else await o().then(b);
          }
        });
        const cpuOf = (who: string) => median(Array.from({ length: RUNS }, (_, round) => cpu.get(`${who} ${round}`) ?? NaN));
        const cpuOurs = cpuOf('ours');
        const cpuBase = cpuOf('base');
        cpuRatios.push(cpuOurs / cpuBase);
        const value = median(ours);
        const baseline = median(base);
        ratios.push(value / baseline);
        const cold = await coldRuns(browser, server.url, script);
        coldRatios.push(cold.ms / cold.baselineMs);
        coldCpuRatios.push(cold.cpuMs / cold.cpuBaselineMs);
        results.push({
          bench: 'autohighlight-vs-readability',
          page: file,
          value: round1(value),
          unit: 'ms',
          baseline: round1(baseline),
          ratio: round3(value / baseline),
          // The same medians in the main thread's CPU time (from a trace): what the page's own work
          // cost, without the waits for a core that a busy machine adds to the wall-clock times.
          cpuMs: round1(cpuOurs),
          cpuBaselineMs: round1(cpuBase),
          cpuRatio: round3(cpuOurs / cpuBase),
          longestStepMs: round1(longest),
          // Medians of each step: extract (Readability on a clone + article text), detect, place, paint.
          firstRunStepsMs: Object.fromEntries(STEPS.map((name, i) => [name, round1(firstRun[i] ?? 0)])),
          stepsMs: Object.fromEntries(STEPS.map((name, i) => [name, round1(median(steps[i]!))])),
          runs: RUNS,
          warmup: WARMUP,
          // One run per fresh page (medians of COLD pages per side): the first visit's cost.
          coldMs: round1(cold.ms),
          coldBaselineMs: round1(cold.baselineMs),
          coldRatio: round3(cold.ms / cold.baselineMs),
          coldCpuRatio: round3(cold.cpuMs / cold.cpuBaselineMs),
          ...found,
        });
      } finally {
        await page.close();
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  results.push({
    bench: 'autohighlight-vs-readability-median-ratio',
    value: round3(median(ratios)),
    unit: 'ratio',
    max: round3(Math.max(...ratios)),
    pages: ratios.length,
    cpuMedianRatio: round3(median(cpuRatios)),
    coldMedianRatio: round3(median(coldRatios)),
    coldCpuMedianRatio: round3(median(coldCpuRatios)),
  });
  return results;
}

/** The bench's script, with the compile hint the shipped pipeline bundle carries (see wxt.config.ts). */
function addBench(page: Page, script: string): Promise<unknown> {
  return page.addScriptTag({ content: `//# allFunctionsCalledOnLoad\n${script}` });
}

/** Each side run once in each of COLD fresh pages (alternating which goes first): medians of wall and CPU ms. */
async function coldRuns(browser: Browser, url: string, script: string): Promise<{ ms: number; baselineMs: number; cpuMs: number; cpuBaselineMs: number }> {
  const wall = { ours: [] as number[], base: [] as number[] };
  const cpu = { ours: [] as number[], base: [] as number[] };
  for (let k = 0; k < COLD; k++) {
    for (const who of k % 2 ? (['base', 'ours'] as const) : (['ours', 'base'] as const)) {
      const page = await openOffline(browser, url);
      try {
        await addBench(page, script);
        const call = who === 'ours' ? 'autoBench.runOurs(0)' : 'autoBench.runBaseline(0)';
        const marks = await threadCpuOfMarks(browser, page, async () => {
          wall[who].push(((await page.evaluate(call)) as { ms: number }).ms);
        });
        cpu[who].push(marks.get(`${who} 0`) ?? NaN);
      } finally {
        await page.close();
      }
    }
  }
  return { ms: median(wall.ours), baselineMs: median(wall.base), cpuMs: median(cpu.ours), cpuBaselineMs: median(cpu.base) };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
