/**
 * export-100k: builds the JSON, CSV and Markdown exports of 100,000 generated highlights (over
 * 5,000 pages) with the pure builders of src/core/export, the way the background will: pulling
 * chunks from the generators into a list (as for a Blob), never one big string. Reports the time
 * and the peak growth of the JS heap and of the process (RSS) during each build.
 */
import { csvChunks, jsonChunks, markdownChunks, toAnnotationCollection, type ExportMeta } from '@/src/core/export';
import { generate } from '@/tests/fixtures/import/generate';
import type { BenchResult } from './types';

const N = 100_000;

export async function run(): Promise<BenchResult[]> {
  const { annotations, pages } = generate(N, 42);
  const meta: ExportMeta = { generated: Date.now(), scope: { kind: 'all' }, appVersion: 'bench' };
  const builds = {
    'export-100k-json': () => jsonChunks(annotations, pages, meta),
    'export-100k-csv': () => csvChunks(annotations, pages),
    'export-100k-markdown': () => markdownChunks(annotations, pages, meta),
  };
  const results: BenchResult[] = [];
  for (const [bench, build] of Object.entries(builds)) {
    const m = measure((sample) => {
      const parts: string[] = [];
      let chars = 0;
      // The longest stretch without a chance to yield: what the event loop would feel.
      let longestChunkMs = 0;
      let last = performance.now();
      for (const chunk of build()) {
        longestChunkMs = Math.max(longestChunkMs, performance.now() - last);
        parts.push(chunk);
        chars += chunk.length;
        sample();
        last = performance.now();
      }
      return { chunks: parts.length, chars, longestChunkMs: round(longestChunkMs) };
    });
    const memory = { heapPeakMB: m.heapPeakMB, rssPeakMB: m.rssPeakMB };
    results.push({ bench, value: m.ms, unit: 'ms', items: N, ...m.result, ...memory });
  }
  // Baseline, measured last so that its 90 MB string does not raise the RSS the others start from:
  // the naive way, one object and one JSON.stringify of it.
  const baseline = measure(() => JSON.stringify(toAnnotationCollection(annotations, pages, meta)).length);
  const json = results[0]!;
  if ('value' in json) Object.assign(json, { baseline: baseline.ms, ratio: round(json.value / baseline.ms) });
  return results;
}

const round = (n: number) => Math.round(n * 10) / 10;
const MB = 1024 * 1024;

export interface Measured<T> {
  ms: number;
  result: T;
  heapPeakMB: number;
  rssPeakMB: number;
}

/**
 * Runs `task` once and reports its time and memory. The task calls `sample()` between its steps
 * (between chunks), since nothing else can run during synchronous work; the last sample is taken
 * when it returns, before any collection, so garbage made by the task counts towards the peak.
 * Heap figures are growth over the heap after a full collection when Node runs with --expose-gc
 * (`npm run bench` does not pass it, so the baseline then holds some garbage: figures are lower).
 */
export function measure<T>(task: (sample: () => void) => T): Measured<T> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  let heapPeak = before.heapUsed;
  let rssPeak = before.rss;
  const sample = () => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed);
    rssPeak = Math.max(rssPeak, now.rss);
  };
  const started = performance.now();
  const result = task(sample);
  const ms = performance.now() - started;
  sample();
  const heapPeakMB = round((heapPeak - before.heapUsed) / MB);
  return { ms: round(ms), result, heapPeakMB, rssPeakMB: round((rssPeak - before.rss) / MB) };
}
