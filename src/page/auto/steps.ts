/**
 * How the automatic pipeline runs its steps: each in a task of its own once the page is idle,
 * timed. Kept apart from the pipeline so the content script can use it without loading the
 * detectors.
 */
import type { Staged } from '@/src/core/stages';

/**
 * How long each step took, in ms, in the order run. Each step is one synchronous stretch of
 * main-thread work (a task of its own), so the longest step is a floor for our longest task.
 */
export type StepTimings = { step: string; ms: number }[];

/** Runs `work` as the step `step`, recording its duration in `timings`. */
export function timed<T>(timings: StepTimings | undefined, step: string, work: () => T): T {
  if (!timings) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    timings.push({ step, ms: Math.round((performance.now() - start) * 10) / 10 });
  }
}

/** The longest we wait for the page to go idle before running a step anyway. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Gives the page the main thread until it is idle (or for at most a second): our steps run
 * after the page's own loading, rendering and input work, not in competition with it.
 */
export const yieldToPage = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });

/**
 * Runs each stage of `work` (see src/core/stages) in a task of its own once the page is idle,
 * recording each as a step. Returns null, and runs no further stage, once `cancelled()` is true.
 */
export async function runStaged<T>(work: Staged<T>, cancelled: () => boolean, timings?: StepTimings): Promise<T | null> {
  for (let next = work.next(); ; ) {
    if (next.done) return next.value;
    const step = next.value;
    await yieldToPage();
    if (cancelled()) {
      work.return(null as T);
      return null;
    }
    next = timed(timings, step, () => work.next());
  }
}
