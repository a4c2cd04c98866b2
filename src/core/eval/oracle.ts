/**
 * A detector that answers from the labels: the ceiling of the pipeline. Scored by the real
 * scorer it must reach 1.0 on every figure; if it does not, the extraction, the scorer or the
 * labels are at fault, not the detector. Used by the tests.
 */
import type { ArticleText, Detection } from '../detect/types';
import type { PageLabels } from './labels';
import type { Detector } from './types';

/** A detector predicting exactly the labels of the page it is asked about. */
export function oracleDetector(labelsById: ReadonlyMap<string, PageLabels>): Detector {
  return (article, { id }) => {
    const labels = labelsById.get(id);
    return labels ? detectionFromLabels(article, labels) : { quotes: [], officials: [] };
  };
}

/** The labels as a Detection, with offsets where the labelled strings occur in the text (0 when absent). */
export function detectionFromLabels(article: ArticleText, labels: PageLabels): Detection {
  let cursor = 0;
  const quotes = labels.quotes.map((q) => {
    const found = article.text.indexOf(q.text, cursor);
    const start = found < 0 ? 0 : found;
    if (found >= 0) cursor = found;
    return { text: q.text, kind: q.kind, speaker: q.speaker, start, end: found < 0 ? 0 : start + q.text.length };
  });
  const officials = labels.officials.map((o) => ({
    name: o.name,
    role: o.role,
    mentions: o.mentions.flatMap((text) => {
      const start = article.text.indexOf(text);
      return start < 0 ? [] : [{ text, start, end: start + text.length }];
    }),
  }));
  return { quotes, officials };
}
