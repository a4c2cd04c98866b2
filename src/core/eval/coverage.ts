/**
 * Whether a page's labels can be found at all in the text the detector is given: each labelled
 * quote, official name and mention, normalised, inside the normalised article text. A label that
 * is not there is lost by the extraction, not by the detector; the eval reports such pages.
 */
import type { PageLabels } from './labels';
import { normalise } from './normalise';

export interface Coverage {
  quotes: { found: number; total: number; missing: string[] };
  /** Names and mentions of the labelled officials. */
  officials: { found: number; total: number; missing: string[] };
}

/** Counts the labelled strings that occur in `text` after the README's normalisation. */
export function labelCoverage(text: string, labels: PageLabels): Coverage {
  // Plain containment: the text keeps punctuation beside words ("Obama,"), so no word-boundary test.
  const haystack = normalise(text);
  const check = (strings: string[]) => {
    const missing = strings.filter((s) => !haystack.includes(normalise(s)));
    return { found: strings.length - missing.length, total: strings.length, missing };
  };
  const officialStrings = labels.officials.flatMap((o) => [o.name, ...o.mentions]);
  return { quotes: check(labels.quotes.map((q) => q.text)), officials: check([...new Set(officialStrings)]) };
}
