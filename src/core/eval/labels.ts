/**
 * The evaluation labels (../shared/eval/README.md, "Label format") and what the scorer compares
 * them with. Label files come from outside the code, so they are validated when read.
 */
import { z } from 'zod';

const labelQuote = z.object({
  text: z.string(),
  speaker: z.string().nullable(),
  kind: z.enum(['speech', 'term']),
});

const labelOfficial = z.object({
  name: z.string(),
  role: z.string(),
  mentions: z.array(z.string()),
});

const pageLabels = z.object({
  id: z.string(),
  lang: z.string().optional(),
  quotes: z.array(labelQuote),
  officials: z.array(labelOfficial),
});

export type LabelQuote = z.infer<typeof labelQuote>;
export type LabelOfficial = z.infer<typeof labelOfficial>;
export type PageLabels = z.infer<typeof pageLabels>;

/** The parts of a detected quote the scorer looks at (offsets are not scored). */
export interface PredictedQuote {
  text: string;
  kind: LabelQuote['kind'];
  speaker: string | null;
}

/** The parts of a detected official the scorer looks at (mentions are not scored). */
export interface PredictedOfficial {
  name: string;
  role: string;
}

/** What a detector predicted for one page; a `Detection` is one. */
export interface Prediction {
  quotes: readonly PredictedQuote[];
  officials: readonly PredictedOfficial[];
}

/** Validates a parsed label file; throws an error naming the file and the faulty field. */
export function parseLabels(json: unknown, source: string): PageLabels {
  const result = pageLabels.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
    throw new Error(`${source}: ${where}`);
  }
  return result.data;
}
