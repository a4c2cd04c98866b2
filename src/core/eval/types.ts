/** The evaluation's shapes, shared by the pure report and oracle and the Node pipeline (src/tools/run.ts). */
import type { ArticleText } from '../detect/types';
import type { Coverage } from './coverage';
import type { PageLabels, Prediction } from './labels';
import type { Counts, Metrics, PageScore } from './score';

/**
 * What is evaluated: the project's `detect(article)` fits; the page id is there only for test
 * doubles (an oracle that answers from the labels).
 */
export type Detector = (article: ArticleText, page: { id: string }) => Prediction;

export interface PageResult {
  id: string;
  labels: PageLabels;
  score: PageScore;
  /** The labelled strings found in the extracted text: what any detector could find at best. */
  coverage: Coverage;
  readerable: boolean;
  /** False when Readability found no article: the page is scored on an empty text. */
  extracted: boolean;
  /** The detector threw on this page; it is scored as predicting nothing. */
  error?: string;
  /** Time taken by the detector, in ms. */
  detectMs: number;
}

export interface EvalRun {
  pages: PageResult[];
  micro: { counts: Counts; metrics: Metrics };
  /** Labelled ids without a page, or whose label file is invalid. */
  skipped: { id: string; reason: string }[];
}
