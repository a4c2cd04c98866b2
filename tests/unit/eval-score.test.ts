/**
 * The scorer, rule by rule (../shared/eval/README.md, "Scoring"), on small hand-made labels and
 * predictions whose expected figures are worked out by hand in each test.
 */
import { describe, expect, it } from 'vitest';
import { parseLabels, type LabelOfficial, type LabelQuote, type PageLabels, type PredictedOfficial, type PredictedQuote } from '@/src/core/eval/labels';
import { normalise, tokenF1 } from '@/src/core/eval/normalise';
import { microAverage, officialMatchStrength, roleAccepted, scorePage, speakerAccepted } from '@/src/core/eval/score';

const speech = (text: string, speaker: string | null = null): LabelQuote => ({ text, speaker, kind: 'speech' });
const term = (text: string): LabelQuote => ({ text, speaker: null, kind: 'term' });
const said = (text: string, speaker: string | null = null, kind: 'speech' | 'term' = 'speech'): PredictedQuote => ({ text, speaker, kind });
const page = (quotes: LabelQuote[], officials: LabelOfficial[] = []): PageLabels => ({ id: 'p', quotes, officials });
const official = (name: string, role: string, mentions: string[] = []): LabelOfficial => ({ name, role, mentions });
const predicted = (name: string, role = ''): PredictedOfficial => ({ name, role });

const obama = official('Barack Obama', 'President', ['President Barack Obama', 'Mr Obama', 'Obama']);

describe('normalise', () => {
  it('applies Unicode NFKC', () => {
    expect(normalise('ﬁnal ＡＢＣ')).toBe('final abc');
    expect(normalise('x\u00a0y')).toBe('x y');
  });

  it('removes every quotation mark, straight, curly, low-9, angled and guillemets', () => {
    const marks = ['"', "'", '“', '”', '‘', '’', '‚', '„', '‛', '‟', '«', '»', '‹', '›', '＂', '＇'];
    for (const m of marks) expect(normalise(`a${m}b`), `mark ${m}`).toBe('ab');
    expect(normalise('« Il a dit „ja“ et ‚nein‘ »')).toBe('il a dit ja et nein');
  });

  it('collapses whitespace, also where a mark was removed', () => {
    expect(normalise('one \n\t two " three')).toBe('one two three');
  });

  it('trims punctuation and space at both ends but keeps inner punctuation', () => {
    expect(normalise('  …“Distressing,”  ')).toBe('distressing');
    expect(normalise('(It is, he said, over.)')).toBe('it is, he said, over');
    expect(normalise('—')).toBe('');
  });

  it('lower-cases', () => {
    expect(normalise('Mayor LORI Lightfoot')).toBe('mayor lori lightfoot');
  });
});

describe('tokenF1', () => {
  it('is 1 for the same words whatever the marks, case and spacing', () => {
    expect(tokenF1('“It is over,” ', 'it  is over')).toBe(1);
  });

  it('counts shared tokens as a multiset, as SQuAD does', () => {
    // common = 2 ("the", "cat"): 2·2 / (3 + 2)
    expect(tokenF1('the the cat', 'the cat')).toBeCloseTo(0.8, 12);
    expect(tokenF1('a b', 'c d')).toBe(0);
  });

  it('keeps inner punctuation in tokens', () => {
    // "100." and "100" differ: 2·1 / (2 + 2)
    expect(tokenF1('under 100. Then', 'under 100 then')).toBe(2 / 3);
  });
});

describe('quote matching', () => {
  it('matches at F1 0.8 exactly and not below', () => {
    const label = speech('a b c d e');
    // 4 common of 5 + 5 tokens: 8/10 = 0.8, a match.
    expect(scorePage(page([label]), { quotes: [said('a b c d x')], officials: [] }).counts.quotes.speechMatched).toBe(1);
    // 4 common of 5 + 6 tokens: 8/11 ≈ 0.73, no match.
    const below = scorePage(page([label]), { quotes: [said('a b c d x y')], officials: [] });
    expect(below.counts.quotes.speechMatched).toBe(0);
    expect(below.counts.quotes.falsePositives).toBe(1);
  });

  it('pairs one to one, best pair first, whatever the order of the predictions', () => {
    const labels = page([speech('the mayor said it was a disaster')]);
    const score = scorePage(labels, { quotes: [said('mayor said it was a disaster'), said('the mayor said it was a disaster')], officials: [] });
    expect(score.quotes.matched.map((m) => m.predictionIndex)).toEqual([1]);
    expect(score.quotes.falsePositives.map((f) => f.predictionIndex)).toEqual([0]);
    expect(score.metrics.quotes.precision).toBe(0.5);
    expect(score.metrics.quotes.recall).toBe(1);
  });

  it('takes pairs best first across labels, so a prediction does not block a better pairing', () => {
    // P0 is L1 exactly and also L0's closest (16/17); P1 fits only L0 (14/17; 12/16 with L1).
    // Label by label, L0 would take P0 and leave L1 unmatched; best first, both are matched.
    const labels = page([speech('a b c d e f g h i'), speech('a b c d e f g h')]);
    const score = scorePage(labels, { quotes: [said('a b c d e f g h'), said('c d e f g h i x')], officials: [] });
    expect(score.quotes.matched.map((m) => [m.labelIndex, m.predictionIndex])).toEqual([[0, 1], [1, 0]]);
    expect(score.counts.quotes.falsePositives).toBe(0);
  });

  it('counts a second prediction of the same quote as a false positive', () => {
    const score = scorePage(page([speech('we will rebuild the bridge')]), {
      quotes: [said('we will rebuild the bridge'), said('We will rebuild the bridge.')],
      officials: [],
    });
    expect(score.counts.quotes).toMatchObject({ speechMatched: 1, falsePositives: 1 });
  });

  it('counts recall over speech labels only', () => {
    const score = scorePage(page([speech('we will win'), term('Iron Lady'), term('sanctuary city')]), {
      quotes: [said('we will win')],
      officials: [],
    });
    expect(score.counts.quotes.speechLabels).toBe(1);
    expect(score.metrics.quotes.recall).toBe(1);
  });

  it('counts a prediction matching a term label as neither right nor wrong', () => {
    const score = scorePage(page([speech('we will win'), term('sanctuary city')]), {
      quotes: [said('sanctuary city'), said('we will win'), said('nothing like it')],
      officials: [],
    });
    expect(score.counts.quotes).toMatchObject({ predicted: 3, speechMatched: 1, termMatched: 1, falsePositives: 1 });
    expect(score.metrics.quotes.precision).toBe(0.5); // 1 / (1 + 1): the term match is left out
    expect(score.metrics.quotes.f1).toBeCloseTo(2 / 3, 12);
  });

  it('measures kind accuracy over every matched quote, terms included', () => {
    const score = scorePage(page([speech('we will win'), term('sanctuary city'), term('Iron Lady')]), {
      quotes: [said('we will win', null, 'speech'), said('sanctuary city', null, 'speech'), said('Iron Lady', null, 'term')],
      officials: [],
    });
    expect(score.counts.quotes.kind).toEqual({ correct: 2, total: 3 });
  });

  it('scores speakers only on matched speech with a labelled speaker', () => {
    const labels = page([speech('we will win', 'Barack Obama'), speech('no comment'), term('Iron Lady')]);
    const score = scorePage(labels, {
      quotes: [said('we will win', 'Joe Biden'), said('no comment', 'Joe Biden'), said('Iron Lady', 'Joe Biden', 'term')],
      officials: [],
    });
    expect(score.counts.quotes.speaker).toEqual({ correct: 0, total: 1 });
    expect(score.metrics.quotes.speakerAccuracy).toBe(0);
  });

  it('gives no figure where there is nothing to measure', () => {
    const score = scorePage(page([term('Iron Lady')]), { quotes: [said('Iron Lady', null, 'term')], officials: [] });
    expect(score.metrics.quotes).toEqual({ precision: null, recall: null, f1: null, kindAccuracy: 1, speakerAccuracy: null });
    expect(score.metrics.officials).toEqual({ precision: null, recall: null, f1: null, roleAccuracy: null });
  });

  it('scores 0, not "nothing to measure", when every prediction is wrong or nothing is predicted', () => {
    const wrong = scorePage(page([speech('we will win')]), { quotes: [said('something else entirely')], officials: [] });
    expect(wrong.metrics.quotes).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    const silent = scorePage(page([speech('we will win')], [obama]), { quotes: [], officials: [] });
    expect(silent.metrics.quotes).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(silent.metrics.officials).toMatchObject({ precision: null, recall: 0, f1: 0 });
    const noSpeech = scorePage(page([term('Iron Lady')]), { quotes: [said('made up')], officials: [] });
    expect(noSpeech.metrics.quotes).toMatchObject({ precision: 0, recall: null, f1: 0 });
  });
});

describe('speaker rule', () => {
  it('accepts the labelled speaker after normalisation', () => {
    expect(speakerAccepted('barack  OBAMA', 'Barack Obama', [])).toBe(true);
  });

  it('accepts a prediction sharing the last word', () => {
    expect(speakerAccepted('Mr. Obama', 'Barack Obama', [])).toBe(true);
    expect(speakerAccepted('Michelle Obama', 'Barack Obama', [])).toBe(true); // the rule is that lenient
    expect(speakerAccepted('Barack Hussein', 'Barack Obama', [])).toBe(false);
  });

  it('accepts containment either way, as whole words only', () => {
    expect(speakerAccepted('Whole Foods', 'Whole Foods Market', [])).toBe(true);
    expect(speakerAccepted('the Whole Foods Market chain', 'Whole Foods Market', [])).toBe(true);
    expect(speakerAccepted('Whole Food', 'Whole Foods Market', [])).toBe(false);
    expect(speakerAccepted('Foods Mark', 'Whole Foods Market', [])).toBe(false);
  });

  it("accepts the labelled person's name and mentions, found through the labelled official", () => {
    const pope = official('Pope Francis', 'Pope', ['Jorge Mario Bergoglio', 'the pontiff']);
    // Neither the last word nor containment: only the person rule accepts these.
    expect(speakerAccepted('Jorge Mario Bergoglio', 'Pope Francis', [pope])).toBe(true);
    expect(speakerAccepted('The Pontiff', 'Pope Francis', [pope])).toBe(true);
    // The speaker may itself be one of the mentions.
    expect(speakerAccepted('Pope Francis', 'Jorge Mario Bergoglio', [pope])).toBe(true);
    expect(speakerAccepted('Jorge Mario Bergoglio', 'Pope Francis', [])).toBe(false);
  });

  it('refuses another person and a missing speaker', () => {
    expect(speakerAccepted('Joe Biden', 'Barack Obama', [obama])).toBe(false);
    expect(speakerAccepted(null, 'Barack Obama', [obama])).toBe(false);
    expect(speakerAccepted('', 'Barack Obama', [obama])).toBe(false);
  });
});

describe('officials', () => {
  it('matches on the name, on any mention, or on the last word of the name', () => {
    expect(officialMatchStrength('barack obama', obama)).toBe(2);
    expect(officialMatchStrength('President Barack Obama', obama)).toBe(2);
    expect(officialMatchStrength('B. Obama', obama)).toBe(1);
    expect(officialMatchStrength('Barack', obama)).toBe(0);
    const score = scorePage(page([], [obama]), { quotes: [], officials: [predicted('B. Obama')] });
    expect(score.counts.officials).toMatchObject({ matched: 1, falsePositives: 0, labelled: 1 });
  });

  it('counts extra predictions of one person once, not as false positives', () => {
    const score = scorePage(page([], [obama, official('Jon Sopel', 'editor')]), {
      quotes: [],
      officials: [predicted('Barack Obama'), predicted('Obama'), predicted('Mr Obama'), predicted('Joe Biden')],
    });
    expect(score.counts.officials).toMatchObject({ predicted: 4, matched: 1, duplicates: 2, falsePositives: 1, labelled: 2 });
    expect(score.metrics.officials).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('matches each labelled official at most once, exact names before shared last words', () => {
    const labels = page([], [official('Bill Clinton', 'President'), official('Hillary Clinton', 'Secretary of State')]);
    // "H. Clinton" only shares a last word (with both); "Bill Clinton" is exact. Exact first:
    // Bill goes to "Bill Clinton", and "H. Clinton" takes the one left.
    const score = scorePage(labels, { quotes: [], officials: [predicted('H. Clinton'), predicted('Bill Clinton')] });
    expect(score.officials.matched.map((m) => [m.labelIndex, m.predictionIndex])).toEqual([[0, 1], [1, 0]]);
    expect(score.metrics.officials.recall).toBe(1);
  });

  it('judges roles by case-insensitive containment either way', () => {
    expect(roleAccepted('governor', 'Illinois Governor')).toBe(true);
    expect(roleAccepted('Secretary of State', 'Secretary')).toBe(true);
    expect(roleAccepted('Senator', 'Mayor')).toBe(false);
    expect(roleAccepted('', 'Mayor')).toBe(false);
    const labels = page([], [obama, official('Lori Lightfoot', 'Mayor of Chicago')]);
    const score = scorePage(labels, { quotes: [], officials: [predicted('Obama', 'Senator'), predicted('Lori Lightfoot', 'mayor')] });
    expect(score.counts.officials.role).toEqual({ correct: 1, total: 2 });
  });
});

describe('micro-average', () => {
  it('sums counts over pages instead of averaging their figures', () => {
    const a = scorePage(page([speech('one two three')]), { quotes: [said('one two three')], officials: [] });
    const b = scorePage(page([speech('four five'), speech('six seven'), speech('eight nine')]), { quotes: [], officials: [] });
    const micro = microAverage([a, b]);
    expect(micro.metrics.quotes.recall).toBe(0.25); // 1/4; the mean of the pages' recalls would be 0.5
    expect(micro.metrics.quotes.precision).toBe(1);
    expect(micro.counts.quotes.speechLabels).toBe(4);
  });
});

describe('label files', () => {
  it('are validated, naming the file and the field', () => {
    expect(() => parseLabels({ id: 'x', quotes: [{ text: 'a', speaker: null, kind: 'said' }], officials: [] }, 'x.json')).toThrow(
      /x\.json: quotes\.0\.kind/,
    );
    expect(parseLabels({ id: 'x', lang: 'en', quotes: [], officials: [] }, 'x.json').id).toBe('x');
  });
});
