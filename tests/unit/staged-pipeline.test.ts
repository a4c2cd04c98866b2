/**
 * The pipeline's work in stages (src/core/stages): each staged function names its stages in order
 * and returns exactly what its all-at-once form returns; `runStaged` runs one stage per task,
 * records each, and stops between stages once cancelled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect, detectInStages } from '@/src/core/detect';
import { extractArticle, extractArticleInStages } from '@/src/core/extract';
import { runAll, type Staged } from '@/src/core/stages';
import { runStaged, type StepTimings } from '@/src/page/auto/steps';
import { parseHtmlDocument } from '@/src/tools/node-html';

const root = path.resolve(import.meta.dirname, '../..');
const page = () => parseHtmlDocument(fs.readFileSync(path.join(root, 'tests/fixtures/eval-mini/pages/millbrook-bridge.html'), 'utf8'));

/** The stage names of `work`, in order, and its result. */
function stagesOf<T>(work: Staged<T>): { names: string[]; result: T } {
  const names: string[] = [];
  for (;;) {
    const next = work.next();
    if (next.done) return { names, result: next.value };
    names.push(next.value);
  }
}

describe('staged extraction and detection', () => {
  it('extracts in stages: readerable check (unless known), clone, Readability, text', () => {
    const whole = extractArticle(page(), 'https://example.org/a');
    const asked = stagesOf(extractArticleInStages(page(), 'https://example.org/a'));
    expect(asked.names).toEqual(['readerable', 'clone', 'readability', 'text']);
    expect(asked.result?.article).toEqual(whole?.article);
    expect(asked.result?.title).toBe(whole?.title);
    const known = stagesOf(extractArticleInStages(page(), 'https://example.org/a', { readerable: true }));
    expect(known.names).toEqual(['clone', 'readability', 'text']);
    expect(known.result?.article).toEqual(whole?.article);
  });

  it('stops after Readability when there is no article, and at once on an empty document', () => {
    const empty = parseHtmlDocument('<html><body></body></html>');
    const r = stagesOf(extractArticleInStages(empty, undefined, { readerable: false }));
    expect(r.result).toBeNull();
    expect(r.names).not.toContain('text');
  });

  it('detects in stages with the same result as detect()', () => {
    const article = extractArticle(page())!.article;
    const staged = stagesOf(detectInStages(article));
    expect(staged.names).toEqual(['tokens', 'names', 'officials', 'quotes']);
    expect(staged.result).toEqual(detect(article));
    expect(staged.result.quotes.length).toBeGreaterThan(0);
    expect(runAll(detectInStages(article))).toEqual(staged.result);
  });
});

describe('runStaged', () => {
  function* counting(log: string[]): Staged<number> {
    yield 'one';
    log.push('one');
    yield 'two';
    log.push('two');
    yield 'three';
    log.push('three');
    return 3;
  }

  it('runs no stage synchronously, then each stage as a recorded step', async () => {
    const log: string[] = [];
    const timings: StepTimings = [];
    const running = runStaged(counting(log), () => false, timings);
    expect(log).toEqual([]); // the first stage waits for the page to be idle
    expect(await running).toBe(3);
    expect(log).toEqual(['one', 'two', 'three']);
    expect(timings.map((t) => t.step)).toEqual(['one', 'two', 'three']);
    expect(timings.every((t) => t.ms >= 0)).toBe(true);
  });

  it('gives the page a turn between stages', async () => {
    const log: string[] = [];
    const running = runStaged(counting(log), () => false);
    // A task queued now runs before the second stage: stages do not run back to back.
    setTimeout(() => log.push('page'), 0);
    await running;
    expect(log.indexOf('page')).toBeGreaterThan(-1);
    expect(log.indexOf('page')).toBeLessThan(log.indexOf('three'));
  });

  it('stops between stages once cancelled, and runs the generator\'s cleanup', async () => {
    const log: string[] = [];
    let cleaned = false;
    let cancel = false;
    function* work(): Staged<string> {
      try {
        yield 'a';
        log.push('a');
        cancel = true; // as if the page navigated while stage 'a' ran
        yield 'b';
        log.push('b');
        return 'done';
      } finally {
        cleaned = true;
      }
    }
    const running = runStaged(work(), () => cancel);
    expect(await running).toBeNull();
    expect(log).toEqual(['a']);
    expect(cleaned).toBe(true);
  });
});
