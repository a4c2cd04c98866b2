/**
 * Speech or term: scare quotes, names, titles of works and words mentioned are terms; sentences,
 * longer stretches and fragments in a reported-speech context are speech.
 */
import { describe, expect, it } from 'vitest';
import { detectQuotes } from '../../src/core/detect';
import type { ArticleText } from '../../src/core/detect/types';
import { joinParagraphs } from '../../src/core/extract';

/** Paragraphs joined as the extractor joins them. */
const article = (...paras: string[]): ArticleText => joinParagraphs(paras);
const kinds = (...paras: string[]): [string, string][] => detectQuotes(article(...paras)).map((q) => [q.text, q.kind]);

describe('terms', () => {
  it.each([
    ['scare quotes', 'Critics attacked the county for its “zero tolerance” approach to graffiti.', 'zero tolerance'],
    ['so-called', 'The bill targets so-called “ghost guns” sold online.', 'ghost guns'],
    ['called', 'Residents formed a group called “Save Our Pier” last spring.', 'Save Our Pier'],
    ['dubbed', 'The storm, dubbed “the beast from the east” by forecasters, closed schools.', 'the beast from the east'],
    ['known as', 'The tunnel, known as “the Big Dig”, ran over budget.', 'the Big Dig'],
    ['nickname', 'Fans still call him by his old nickname, “Slim”.', 'Slim'],
    ['title of a work', 'She spent a decade writing “The Long Way Home” in a rented flat.', 'The Long Way Home'],
    ['a word mentioned', 'The word “resilience” appears 14 times in the report.', 'resilience'],
    ['French sogenannte equivalent', 'Le texte vise les « lanceurs d’alerte » du secteur.', 'lanceurs d’alerte'],
    ['German so-called', 'Die sogenannten „Reichsbürger“ lehnen den Staat ab.', 'Reichsbürger'],
    ['as if to say', 'He shrugged, as if to say “what did you expect?” and walked off.', 'what did you expect?'],
    ['a nickname, stop inside the marks', 'Opponents have taken to calling it the “tax grab.”', 'tax grab.'],
    ['a modifier between determiner and noun', 'The council said it backed the agency’s “tiered” alert system.', 'tiered'],
    ['a scare-quoted modifier after a verb of saying', 'He said their “open door” policies had failed.', 'open door'],
  ])('%s', (_, text, quote) => {
    expect(kinds(text)).toEqual([[quote, 'term']]);
  });

  it('gives a quote coordinated with a term the same kind', () => {
    expect(kinds('Locals dubbed the tower “the Stump” or “the Pencil” for years.')).toEqual([
      ['the Stump', 'term'],
      ['the Pencil', 'term'],
    ]);
  });
  it('gives a term no speaker', () => {
    const [q] = detectQuotes(article('Governor Ann Ruiz defended the “rainy day” fund on Friday.'));
    expect(q).toMatchObject({ kind: 'term', speaker: null });
  });
});

describe('speech', () => {
  it('reads German short words with a noun as speech, and a quoted name before a hyphen as a term', () => {
    const quotes = detectQuotes(joinParagraphs(['Ministerpräsident Markus Lenz sagte der „Bild“-Zeitung, die Koalition sei „am Ende“.'], 'de'));
    expect(quotes.map((q) => [q.text, q.kind, q.speaker])).toEqual([
      ['Bild', 'term', null],
      ['am Ende', 'speech', 'Markus Lenz'],
    ]);
  });
  it('takes a German noun said by someone named for a word of theirs', () => {
    const [q] = detectQuotes(joinParagraphs(['CDU-Chef Franz Merkt sprach von einem „Offenbarungseid“.'], 'de'));
    expect(q).toMatchObject({ text: 'Offenbarungseid', kind: 'speech', speaker: 'Franz Merkt' });
  });
  it.each([
    ['a full sentence', '“The budget is balanced for the first time in a decade,” the governor said.', 'The budget is balanced for the first time in a decade,'],
    ['a fragment after said', 'The coach said the loss was “unacceptable” and left.', 'unacceptable'],
    ['a fragment after called it', 'Senator Mia Ford called it “a disgrace” on Tuesday.', 'a disgrace'],
    ['a fragment after described as', 'The ruling was described as “a landmark” by the union.', 'a landmark'],
    ['a long fragment', 'Officials promised to act “as soon as the water recedes from the valley” this week.', 'as soon as the water recedes from the valley'],
    ['a French fragment after a verb', 'Le ministre a dénoncé une « faute grave » lundi.', 'faute grave'],
    ['a question', '“Who pays for this?” asked one resident.', 'Who pays for this?'],
    ['a complement, not a modifier', 'A flood that was described as “historic” left the town in ruins.', 'historic'],
    ['a short sentence of its own', 'The vote was close. “We lost.” The rest was silence.', 'We lost.'],
    ['a fragment of short lower-case words', 'Independent MP Alana Reece said voters in her seat were “fed up”.', 'fed up'],
  ])('%s', (_, text, quote) => {
    expect(kinds(text)).toEqual([[quote, 'speech']]);
  });
});
