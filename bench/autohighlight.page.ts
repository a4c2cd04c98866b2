/**
 * The in-page half of `autohighlight-vs-readability`: the content script's pipeline steps run
 * back to back (extract, detect, map onto the page, paint), timed, against Readability.parse()
 * on a clone alone. Bundled by bench/autohighlight.ts and injected into the page. Each run is
 * bracketed by two `performance.mark`s, which a trace stamps with the main thread's CPU clock.
 */
import { Readability } from '@mozilla/readability';
import { detect } from '@/src/core/detect';
import { extractArticle } from '@/src/core/extract';
import { AutoPainter } from '@/src/page/auto/auto-painter';
import { placeDetection } from '@/src/page/auto/pipeline';

const painter = new AutoPainter();

/** Ours: every step of the pipeline, with the longest single step (a main-thread task when run for real). */
export function runOurs(run: number): { steps: number[]; ms: number; longestStepMs: number; quotes: number; officials: number } {
  performance.mark(`ours ${run} start`);
  const steps: number[] = [];
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    steps.push(now - t);
    t = now;
  };
  const start = t;
  const extracted = extractArticle(document, location.href, { locate: true });
  lap();
  if (!extracted) throw new Error('no article');
  const detection = detect(extracted.article);
  lap();
  const result = placeDetection(document, extracted, detection);
  lap();
  painter.show(result, { quotes: true, officials: true });
  lap();
  performance.mark(`ours ${run} end`);
  return { steps, ms: performance.now() - start, longestStepMs: Math.max(...steps), quotes: result.quotes.length, officials: result.officials.length };
}

/** The baseline: what any reader-mode extension pays, Readability on a clone of the page. */
export function runBaseline(run: number): { ms: number } {
  performance.mark(`base ${run} start`);
  const start = performance.now();
  new Readability(document.cloneNode(true) as Document).parse();
  const ms = performance.now() - start;
  performance.mark(`base ${run} end`);
  return { ms };
}
