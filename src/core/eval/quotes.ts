/**
 * Quote matching (../shared/eval/README.md, "Scoring", Quotes): which predicted quote answers which
 * labelled one, and whether its kind and speaker are right. The counts are made in score.ts.
 */
import type { LabelOfficial, LabelQuote, PageLabels, PredictedQuote } from './labels';
import { containsAsWords, lastWord, normalise, tokenF1Of, tokens } from './normalise';

/** A predicted quote matches a labelled one at this token F1 or above. */
export const QUOTE_MATCH_F1 = 0.8;

export interface QuotePair {
  labelIndex: number;
  label: LabelQuote;
  predictionIndex: number;
  prediction: PredictedQuote;
  f1: number;
  kindCorrect: boolean;
  /** null when the speaker is not scored (a term, or speech without a labelled speaker). */
  speakerCorrect: boolean | null;
}

/** The closest counterpart of an unmatched quote, for diagnosis (below the threshold, or already taken). */
export interface Nearest<T> {
  index: number;
  item: T;
  f1: number;
}

export interface QuoteDetails {
  matched: QuotePair[];
  /** Unmatched labels (speech ones cost recall; term ones cost nothing). */
  missed: { labelIndex: number; label: LabelQuote; nearest: Nearest<PredictedQuote> | null }[];
  falsePositives: { predictionIndex: number; prediction: PredictedQuote; nearest: Nearest<LabelQuote> | null }[];
}

/**
 * Quotes: every (prediction, label) pair at or above the threshold, taken best first, each side
 * used once. Ties go to the earlier label, then the earlier prediction, so that repeated texts
 * pair up in document order.
 */
export function matchQuotes(labels: PageLabels, predicted: readonly PredictedQuote[]): QuoteDetails {
  const labelTokens = labels.quotes.map((q) => tokens(q.text));
  const predTokens = predicted.map((q) => tokens(q.text));
  const f1 = predTokens.map((p) => labelTokens.map((l) => tokenF1Of(p, l)));
  const candidates: { p: number; l: number; f1: number }[] = [];
  f1.forEach((row, p) => row.forEach((value, l) => value >= QUOTE_MATCH_F1 && candidates.push({ p, l, f1: value })));
  candidates.sort((a, b) => b.f1 - a.f1 || a.l - b.l || a.p - b.p);

  const labelOf = new Map<number, number>(); // prediction → label
  const predictionOf = new Map<number, number>(); // label → prediction
  for (const c of candidates) {
    if (labelOf.has(c.p) || predictionOf.has(c.l)) continue;
    labelOf.set(c.p, c.l);
    predictionOf.set(c.l, c.p);
  }

  const matched: QuotePair[] = [];
  for (const [l, p] of [...predictionOf].sort((a, b) => a[0] - b[0])) {
    const label = labels.quotes[l]!;
    const prediction = predicted[p]!;
    const scoresSpeaker = label.kind === 'speech' && label.speaker !== null;
    matched.push({
      labelIndex: l,
      label,
      predictionIndex: p,
      prediction,
      f1: f1[p]![l]!,
      kindCorrect: prediction.kind === label.kind,
      speakerCorrect: scoresSpeaker ? speakerAccepted(prediction.speaker, label.speaker!, labels.officials) : null,
    });
  }
  const missed = labels.quotes.flatMap((label, l) =>
    predictionOf.has(l) ? [] : [{ labelIndex: l, label, nearest: nearest(predicted, f1.map((row) => row[l]!)) }],
  );
  const falsePositives = predicted.flatMap((prediction, p) =>
    labelOf.has(p) ? [] : [{ predictionIndex: p, prediction, nearest: nearest(labels.quotes, f1[p]!) }],
  );
  return { matched, missed, falsePositives };
}

/**
 * The speaker rule: the prediction, normalised, equals the labelled speaker or the name or a
 * mention of that person (the labelled official whose name or mentions include the speaker), or
 * shares the speaker's last word, or contains it or is contained in it as whole words.
 */
export function speakerAccepted(
  predicted: string | null,
  labelled: string,
  officials: readonly LabelOfficial[],
): boolean {
  if (predicted === null) return false;
  const p = normalise(predicted);
  const s = normalise(labelled);
  if (!p || !s) return false;
  if (p === s || lastWord(p) === lastWord(s) || containsAsWords(p, s)) return true;
  const person = officials.find((o) => [o.name, ...o.mentions].some((m) => normalise(m) === s));
  return person !== undefined && [person.name, ...person.mentions].some((m) => normalise(m) === p);
}

/** The best-scoring item with some word in common, for the diagnosis of an unmatched quote. */
function nearest<T>(items: readonly T[], scores: readonly number[]): Nearest<T> | null {
  let best = -1;
  scores.forEach((s, i) => {
    if (s > 0 && (best < 0 || s > scores[best]!)) best = i;
  });
  return best < 0 ? null : { index: best, item: items[best]!, f1: scores[best]! };
}
