/**
 * `detect-hostile`: the detectors on texts built to be slow for them (tests/fixtures/detect),
 * each after one warm-up call, median of 5; a quadratic rule shows here as seconds, not ms.
 */
import { detect } from '@/src/core/detect';
import { joinParagraphs } from '@/src/core/extract';
import { HOSTILE_INPUTS } from '../tests/fixtures/detect/hostile-inputs';
import { median } from './browser';
import type { BenchResult } from './types';

export async function run(): Promise<BenchResult[]> {
  return HOSTILE_INPUTS.map(([input, paragraphs]) => {
    const article = joinParagraphs(paragraphs);
    detect(article);
    const times = Array.from({ length: 5 }, () => {
      const start = performance.now();
      detect(article);
      return performance.now() - start;
    });
    return { bench: 'detect-hostile', input, value: Math.round(median(times) * 10) / 10, unit: 'ms', chars: article.text.length };
  });
}
