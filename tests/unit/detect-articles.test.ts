/**
 * Whole articles written for these tests (a local English story, a French one, a German one),
 * checked end to end: every quote with its kind and speaker, every official with role and
 * mentions, and the offsets of each span.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/core/detect';
import type { ArticleText } from '../../src/core/detect/types';
import { joinParagraphs } from '../../src/core/extract';

/** Paragraphs joined as the extractor joins them, in a given language. */
const article = (lang: string, ...paras: string[]): ArticleText => joinParagraphs(paras, lang);

describe('an English local story', () => {
  const a = article(
    'en',
    'By Martin Kale',
    'Flooding closed three schools in Riverton on Tuesday, and Mayor Joan Avery declared a state of emergency as the river rose to its highest level since 1998.',
    '“We are asking everyone in the low-lying streets to leave tonight,” Avery said at a news conference. “Do not wait for the water.”',
    'The mayor said the city had opened two shelters and that the National Guard was “on standby”.',
    'Gov. Sam Whitaker’s office said he would visit on Wednesday. Whitaker, who has faced criticism over the state’s so-called “rainy day” fund, promised help.',
    '“Nobody will be left to pay for this alone,” he said in a statement.',
    'Channel 7 reporter Lucy Tran has the story.',
    'Residents were less sure. Carla Mendes, 61, has lived on Mill Street for 30 years.',
    '“The water came up through the floor,” she said. “We lost everything in the basement.',
    '“Again.”',
  );
  const d = detect(a);

  it('finds every quote, its kind and its speaker', () => {
    expect(d.quotes.map((q) => [q.text, q.kind, q.speaker])).toEqual([
      ['We are asking everyone in the low-lying streets to leave tonight,', 'speech', 'Joan Avery'],
      ['Do not wait for the water.', 'speech', 'Joan Avery'],
      ['on standby', 'speech', 'Joan Avery'],
      ['rainy day', 'term', null],
      ['Nobody will be left to pay for this alone,', 'speech', 'Sam Whitaker'],
      ['The water came up through the floor,', 'speech', 'Carla Mendes'],
      ['We lost everything in the basement. Again.', 'speech', 'Carla Mendes'],
    ]);
  });
  it('finds the officials, not the reporter, the byline or the resident', () => {
    expect(d.officials.map((o) => [o.name, o.role, o.mentions.map((m) => m.text)])).toEqual([
      ['Joan Avery', 'Mayor', ['Mayor Joan Avery', 'Avery']],
      ['Sam Whitaker', 'Gov.', ['Gov. Sam Whitaker', 'Whitaker']],
    ]);
  });
  it('gives offsets that point at the text', () => {
    for (const q of d.quotes.filter((q) => !q.text.includes('Again'))) expect(a.text.slice(q.start, q.end)).toBe(q.text);
    for (const o of d.officials) for (const m of o.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.text);
    const multi = d.quotes[6]!;
    expect(a.text.slice(multi.start, multi.end)).toBe('We lost everything in the basement.\n\n“Again.');
  });
});

describe('a French story', () => {
  const d = detect(
    article(
      'fr',
      'Le Premier ministre, Alain Berger, a présenté mardi un plan pour l’hôpital public, jugé « insuffisant » par les syndicats.',
      '« Nous mettons deux milliards sur la table », a déclaré M. Berger devant les députés. Selon lui, la réforme permettra de « rouvrir des lits dès l’hiver ».',
      'La députée écologiste Inès Carpentier a dénoncé un « effet d’annonce ». « Les soignants attendent des actes », a-t-elle ajouté.',
      'Le ministre de la Santé, Hugo Perrin, doit recevoir les syndicats jeudi.',
    ),
  );
  it('finds every quote, its kind and its speaker', () => {
    expect(d.quotes.map((q) => [q.text, q.kind, q.speaker])).toEqual([
      ['insuffisant', 'speech', 'syndicats'],
      ['Nous mettons deux milliards sur la table', 'speech', 'Alain Berger'],
      ['rouvrir des lits dès l’hiver', 'speech', 'Alain Berger'],
      ['effet d’annonce', 'speech', 'Inès Carpentier'],
      ['Les soignants attendent des actes', 'speech', 'Inès Carpentier'],
    ]);
  });
  it('finds the officials', () => {
    expect(d.officials.map((o) => [o.name, o.role, o.mentions.map((m) => m.text)])).toEqual([
      ['Alain Berger', 'Premier ministre', ['Alain Berger', 'M. Berger']],
      ['Inès Carpentier', 'députée écologiste', ['députée écologiste Inès Carpentier']],
      ['Hugo Perrin', 'ministre de la Santé', ['Hugo Perrin']],
    ]);
  });
});

describe('a German story', () => {
  const d = detect(
    article(
      'de',
      'Bundeskanzlerin Maria Vogt hat am Montag ein Hilfspaket angekündigt. „Wir lassen niemanden allein“, sagte Vogt in Berlin.',
      'Der Oppositionsführer Jens Albrecht nannte das Paket einen „Tropfen auf den heißen Stein“.',
      '„Das reicht nicht“, so Albrecht.',
    ),
  );
  it('finds every quote, its kind and its speaker', () => {
    expect(d.quotes.map((q) => [q.text, q.kind, q.speaker])).toEqual([
      ['Wir lassen niemanden allein', 'speech', 'Maria Vogt'],
      ['Tropfen auf den heißen Stein', 'speech', 'Jens Albrecht'],
      ['Das reicht nicht', 'speech', 'Jens Albrecht'],
    ]);
  });
  it('finds the officials', () => {
    expect(d.officials.map((o) => [o.name, o.role])).toEqual([['Maria Vogt', 'Bundeskanzlerin']]);
  });
});
