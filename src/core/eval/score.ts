/**
 * The scorer: one page's predictions against its labels, exactly by the rules of
 * ../shared/eval/README.md ("Scoring"), and the micro-average over pages. Pure: no files, no DOM.
 * The matching rules live in quotes.ts and officials.ts; here they are counted. Each page keeps
 * its counts (what the averages are summed from) and the pairs behind them (what `--verbose`
 * shows the detector's author).
 */
import type { PageLabels, Prediction } from './labels';
import { matchOfficials, type OfficialDetails } from './officials';
import { matchQuotes, type QuoteDetails } from './quotes';

export { QUOTE_MATCH_F1, speakerAccepted } from './quotes';
export type { Nearest, QuoteDetails, QuotePair } from './quotes';
export { officialMatchStrength, roleAccepted } from './officials';
export type { OfficialDetails, OfficialPair } from './officials';

export interface Ratio {
  correct: number;
  total: number;
}

export interface QuoteCounts {
  /** Every predicted quote. */
  predicted: number;
  /** Predictions matched to a `speech` label: the true positives. */
  speechMatched: number;
  /** Predictions matched to a `term` label: neither right nor wrong. */
  termMatched: number;
  /** Predictions matched to no label. */
  falsePositives: number;
  /** Labelled `speech` quotes: the recall's denominator. */
  speechLabels: number;
  /** Matched quotes (speech and term) whose predicted kind is the label's. */
  kind: Ratio;
  /** Matched speech quotes with a labelled speaker whose predicted speaker is accepted. */
  speaker: Ratio;
}

export interface OfficialCounts {
  predicted: number;
  /** Labelled officials matched by a prediction (each at most once). */
  matched: number;
  /** Further predictions of an official already matched: counted once, so neither right nor wrong. */
  duplicates: number;
  falsePositives: number;
  labelled: number;
  /** Matched officials whose predicted role contains the labelled one or is contained in it. */
  role: Ratio;
}

export interface Counts {
  quotes: QuoteCounts;
  officials: OfficialCounts;
}

/** The reported figures; null where the denominator is 0 (nothing to measure, e.g. no speech labelled). */
export interface Metrics {
  quotes: {
    precision: number | null;
    recall: number | null;
    f1: number | null;
    kindAccuracy: number | null;
    speakerAccuracy: number | null;
  };
  officials: { precision: number | null; recall: number | null; f1: number | null; roleAccuracy: number | null };
}

export interface PageScore {
  id: string;
  counts: Counts;
  metrics: Metrics;
  quotes: QuoteDetails;
  officials: OfficialDetails;
}

/** Scores one page. */
export function scorePage(labels: PageLabels, prediction: Prediction): PageScore {
  const quotes = matchQuotes(labels, prediction.quotes);
  const officials = matchOfficials(labels.officials, prediction.officials);
  const counts: Counts = {
    quotes: {
      predicted: prediction.quotes.length,
      speechMatched: quotes.matched.filter((p) => p.label.kind === 'speech').length,
      termMatched: quotes.matched.filter((p) => p.label.kind === 'term').length,
      falsePositives: quotes.falsePositives.length,
      speechLabels: labels.quotes.filter((q) => q.kind === 'speech').length,
      kind: ratio(quotes.matched.map((p) => p.kindCorrect)),
      speaker: ratio(quotes.matched.map((p) => p.speakerCorrect)),
    },
    officials: {
      predicted: prediction.officials.length,
      matched: officials.matched.length,
      duplicates: officials.duplicates.length,
      falsePositives: officials.falsePositives.length,
      labelled: labels.officials.length,
      role: ratio(officials.matched.map((p) => p.roleCorrect)),
    },
  };
  return { id: labels.id, counts, metrics: metricsOf(counts), quotes, officials };
}

/** The figures of some counts (one page's, or the sum over pages: the micro-average). */
export function metricsOf(c: Counts): Metrics {
  const q = c.quotes;
  const o = c.officials;
  const qp = share(q.speechMatched, q.speechMatched + q.falsePositives);
  const qr = share(q.speechMatched, q.speechLabels);
  const op = share(o.matched, o.matched + o.falsePositives);
  const or = share(o.matched, o.labelled);
  return {
    quotes: {
      precision: qp,
      recall: qr,
      f1: f1Of(qp, qr),
      kindAccuracy: share(q.kind.correct, q.kind.total),
      speakerAccuracy: share(q.speaker.correct, q.speaker.total),
    },
    officials: { precision: op, recall: or, f1: f1Of(op, or), roleAccuracy: share(o.role.correct, o.role.total) },
  };
}

/** Sums pages' counts: micro-averaging is computing the figures of the sum. */
export function sumCounts(all: readonly Counts[]): Counts {
  const zero: Counts = {
    quotes: {
      predicted: 0,
      speechMatched: 0,
      termMatched: 0,
      falsePositives: 0,
      speechLabels: 0,
      kind: { correct: 0, total: 0 },
      speaker: { correct: 0, total: 0 },
    },
    officials: { predicted: 0, matched: 0, duplicates: 0, falsePositives: 0, labelled: 0, role: { correct: 0, total: 0 } },
  };
  return all.reduce<Counts>(
    (a, b) => ({
      quotes: {
        predicted: a.quotes.predicted + b.quotes.predicted,
        speechMatched: a.quotes.speechMatched + b.quotes.speechMatched,
        termMatched: a.quotes.termMatched + b.quotes.termMatched,
        falsePositives: a.quotes.falsePositives + b.quotes.falsePositives,
        speechLabels: a.quotes.speechLabels + b.quotes.speechLabels,
        kind: addRatio(a.quotes.kind, b.quotes.kind),
        speaker: addRatio(a.quotes.speaker, b.quotes.speaker),
      },
      officials: {
        predicted: a.officials.predicted + b.officials.predicted,
        matched: a.officials.matched + b.officials.matched,
        duplicates: a.officials.duplicates + b.officials.duplicates,
        falsePositives: a.officials.falsePositives + b.officials.falsePositives,
        labelled: a.officials.labelled + b.officials.labelled,
        role: addRatio(a.officials.role, b.officials.role),
      },
    }),
    zero,
  );
}

/** The micro-averaged figures over pages. */
export function microAverage(pages: readonly PageScore[]): { counts: Counts; metrics: Metrics } {
  const counts = sumCounts(pages.map((p) => p.counts));
  return { counts, metrics: metricsOf(counts) };
}

function ratio(outcomes: readonly (boolean | null)[]): Ratio {
  const scored = outcomes.filter((o): o is boolean => o !== null);
  return { correct: scored.filter(Boolean).length, total: scored.length };
}

function addRatio(a: Ratio, b: Ratio): Ratio {
  return { correct: a.correct + b.correct, total: a.total + b.total };
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * F1 of a precision and a recall. 0 when either is 0, even if the other is unknown (a harmonic
 * mean with 0 is 0: no predictions on a page with labels scores 0, not "nothing to measure");
 * otherwise unknown when either is (a page with no speech labelled).
 */
function f1Of(precision: number | null, recall: number | null): number | null {
  if (precision === 0 || recall === 0) return 0;
  if (precision === null || recall === null) return null;
  return (2 * precision * recall) / (precision + recall);
}
