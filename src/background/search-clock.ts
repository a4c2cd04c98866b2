/**
 * Where a search's time goes, stage by stage, reported with its results so that the bench (and a
 * developer in DevTools) can see which part to work on without a profiler. Cheap: a few
 * `performance.now()` calls per stage.
 */
import type { SearchTimings } from '@/src/messaging/protocol';

export type Stage = 'parse' | 'expand' | 'postings' | 'docs';

/** Times the stages of one search; what is not a named stage counts as compute. */
export class SearchClock {
  readonly started = performance.now();
  readonly timings: SearchTimings = { parse: 0, expand: 0, postings: 0, docs: 0, compute: 0, total: 0, blocks: 0, docsRead: 0, docBlocks: 0, docRequests: 0 };

  /** Runs `work`, adding its time to `stage`. */
  async time<T>(stage: Stage, work: () => Promise<T> | T): Promise<T> {
    const from = performance.now();
    try {
      return await work();
    } finally {
      this.timings[stage] += performance.now() - from;
    }
  }

  count(what: 'blocks' | 'docsRead' | 'docBlocks' | 'docRequests', n: number): void {
    this.timings[what] += n;
  }

  /** The timings, rounded to 0.01 ms, with compute as the rest of the total. */
  finish(): SearchTimings {
    const t = this.timings;
    t.total = performance.now() - this.started;
    t.compute = Math.max(0, t.total - t.parse - t.expand - t.postings - t.docs);
    for (const key of Object.keys(t) as (keyof SearchTimings)[]) t[key] = Math.round(t[key] * 100) / 100;
    return t;
  }
}
