/**
 * The main thread's CPU time between `performance.mark`s, read from a Chromium trace: each mark's
 * trace event carries the thread's clock (`tts`, µs) beside the wall clock. A run's wall time on a
 * busy 2-core machine includes the time the thread waited for a core; its CPU time does not.
 */
import type { Browser, Page } from 'playwright-core';

interface MarkEvent {
  name: string;
  cat: string;
  tts?: number;
}

/** Traces `page` while `work` runs; returns each `<label> start` … `<label> end` pair's CPU ms. */
export async function threadCpuOfMarks(browser: Browser, page: Page, work: () => Promise<void>): Promise<Map<string, number>> {
  await browser.startTracing(page, { categories: ['blink.user_timing'] });
  let trace: Buffer;
  try {
    await work();
  } finally {
    trace = await browser.stopTracing();
  }
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: MarkEvent[] }).traceEvents;
  const starts = new Map<string, number>();
  const cpu = new Map<string, number>();
  for (const e of events) {
    if (e.cat !== 'blink.user_timing' || e.tts === undefined) continue;
    const m = /^(.*) (start|end)$/.exec(e.name);
    if (!m) continue;
    if (m[2] === 'start') starts.set(m[1]!, e.tts);
    else if (starts.has(m[1]!)) cpu.set(m[1]!, (e.tts - starts.get(m[1]!)!) / 1000);
  }
  return cpu;
}
