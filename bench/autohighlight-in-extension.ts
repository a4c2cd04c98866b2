/**
 * `autohighlight-in-extension`: the automatic pipeline as readers get it — the built extension in
 * Chromium, each eval page opened in a fresh tab (a new document: the on-demand bundle is loaded
 * and compiled again, the code runs cold). The content script reports how long each step took
 * (`timings` in its detections summary); each step is one synchronous stretch of main-thread work,
 * so the longest step is the longest task we add to the page (the bundle's compile is not in it).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension } from '../tests/e2e/harness';
import { median, projectRoot, serveFile } from './browser';
import type { BenchResult } from './types';

const pagesDir = path.resolve(projectRoot, '../shared/eval/pages');
const LOADS = 3;

type Timings = { step: string; ms: number }[];

/**
 * Asks the content script of the tab showing `url` for its summary, from one of our extension
 * pages (the service worker may be stopped while idle), until its pipeline has painted.
 */
async function pipelineTimings(control: Page, url: string): Promise<Timings> {
  return control.evaluate(async (pageUrl) => {
    const chrome = (globalThis as unknown as { chrome: any }).chrome;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      if (tab?.id !== undefined && tab.status === 'complete') {
        const reply = await chrome.tabs
          .sendMessage(tab.id, { channel: 'marginalia', type: 'detections.get', payload: {} })
          .catch(() => null);
        const timings = reply?.ok ? (reply.value.timings as { step: string; ms: number }[]) : [];
        if (timings.some((t) => t.step === 'paint') || (reply?.ok && !reply.value.article && timings.length > 0)) return timings;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no pipeline timings from ${pageUrl}`);
  }, url);
}

export async function run(): Promise<BenchResult[]> {
  if (!fs.existsSync(pagesDir)) {
    return [{ bench: 'autohighlight-in-extension', skipped: true, reason: `${pagesDir} is absent (../shared/eval is needed)` }];
  }
  const files = fs.readdirSync(pagesDir).filter((f) => f.endsWith('.html') && !f.endsWith('.article.html')).sort();
  const results: BenchResult[] = [];
  const longestPerPage: number[] = [];
  for (const file of files) {
    // A browser per page: one page's scripts (service workers, windows) cannot upset the next.
    const ext = await launchExtension();
    const server = await serveFile(path.join(pagesDir, file));
    const longest: number[] = [];
    const perStep = new Map<string, number[]>();
    try {
      const control = await ext.context.newPage();
      await control.goto(ext.popupUrl);
      for (let load = 0; load < LOADS; load++) {
        const page = await ext.context.newPage();
        // Other origins (ads, analytics) are unreachable here and would hold the load event.
        const origin = new URL(server.url).origin;
        await page.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
        await page.goto(server.url, { waitUntil: 'load' });
        const timings = await pipelineTimings(control, server.url);
        await page.close();
        longest.push(Math.max(...timings.map((t) => t.ms)));
        for (const t of timings) perStep.set(t.step, [...(perStep.get(t.step) ?? []), t.ms]);
      }
    } catch (error: unknown) {
      results.push({ bench: 'autohighlight-in-extension', page: file, skipped: true, reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
      continue;
    } finally {
      await server.close();
      await ext.close();
    }
    longestPerPage.push(Math.max(...longest));
    results.push({
      bench: 'autohighlight-in-extension',
      page: file,
      value: median(longest),
      unit: 'ms',
      max: Math.max(...longest),
      stepsMs: Object.fromEntries([...perStep].map(([step, ms]) => [step, median(ms)])),
      loads: LOADS,
    });
  }
  results.push({ bench: 'autohighlight-in-extension-longest-step', value: Math.max(...longestPerPage), unit: 'ms', pages: longestPerPage.length, over50ms: longestPerPage.filter((ms) => ms > 50).length });
  return results;
}
