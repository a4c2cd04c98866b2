/**
 * Quotation spans: every mark style, nesting, quotes over several paragraphs, and the
 * apostrophes, possessives and foot/inch marks that are not quotation marks.
 */
import { describe, expect, it } from 'vitest';
import { detectQuotes } from '../../src/core/detect';
import type { ArticleText } from '../../src/core/detect/types';
import { joinParagraphs } from '../../src/core/extract';

/** Paragraphs joined as the extractor joins them. */
const article = (...paras: string[]): ArticleText => joinParagraphs(paras);
const texts = (...paras: string[]): string[] => detectQuotes(article(...paras)).map((q) => q.text);

describe('quotation mark styles', () => {
  it.each([
    ['straight double', 'The mayor said "we will not back down" on Monday.', 'we will not back down'],
    ['curly double', 'The mayor said “we will not back down” on Monday.', 'we will not back down'],
    ['curly single', 'The mayor said ‘we will not back down’ on Monday.', 'we will not back down'],
    ['straight single', "The mayor said 'we will not back down' on Monday.", 'we will not back down'],
    ['French guillemets', 'Le maire a dit «nous ne céderons pas» lundi.', 'nous ne céderons pas'],
    ['French guillemets with no-break spaces', 'Le maire a dit « nous ne céderons pas » lundi.', 'nous ne céderons pas'],
    ['French guillemets with narrow no-break spaces', 'Le maire a dit « nous ne céderons pas » lundi.', 'nous ne céderons pas'],
    ['German low-high', 'Die Ministerin sagte „wir geben nicht nach“ am Montag.', 'wir geben nicht nach'],
    ['German single low-high', 'Sie nannte es ‚unfair‘ und ging.', 'unfair'],
    ['German reversed guillemets', 'Der Kanzler sagte »wir geben nicht nach« am Montag.', 'wir geben nicht nach'],
    ['single guillemets', 'Il a parlé d’une ‹ erreur › de calcul.', 'erreur'],
    ['Swedish right-right', 'Hon sa ”vi ger inte upp” i går.', 'vi ger inte upp'],
  ])('%s', (_, text, quote) => {
    expect(texts(text)).toEqual([quote]);
  });

  it('gives offsets of the quoted text, marks excluded', () => {
    const a = article('She said “no way” twice.');
    const [q] = detectQuotes(a);
    expect(q).toMatchObject({ start: 10, end: 16, text: 'no way' });
    expect(a.text.slice(q!.start, q!.end)).toBe('no way');
  });
});

describe('nested quotes', () => {
  it('keeps a single-quoted quote inside a double-quoted one', () => {
    expect(texts('“He told me ‘get out of my office’ and slammed the door,” she said.')).toEqual([
      'He told me ‘get out of my office’ and slammed the door,',
    ]);
  });
  it('nests straight double quotes by their flanks', () => {
    expect(texts('"They called it "a farce" from the start," he said.')).toEqual(['They called it "a farce" from the start,']);
  });
  it('nests guillemets and curly quotes in French', () => {
    expect(texts('« Il m’a dit “jamais” en face », raconte-t-elle.')).toEqual(['Il m’a dit “jamais” en face']);
  });
});

describe('quotes over several paragraphs', () => {
  it('joins a quote reopened in the next paragraph with one space', () => {
    const a = article('“We waited for hours. Nobody came.', '“Then the water rose and we ran,” she said.');
    const [q] = detectQuotes(a);
    expect(q!.text).toBe('We waited for hours. Nobody came. Then the water rose and we ran,');
    expect(a.text.slice(q!.start, q!.end)).toBe('We waited for hours. Nobody came.\n\n“Then the water rose and we ran,');
  });
  it('joins three paragraphs with guillemets reopened by »', () => {
    expect(texts('« Nous avons tout perdu.', '» La maison, la voiture.', '» Il ne reste rien », dit-il.')).toEqual([
      'Nous avons tout perdu. La maison, la voiture. Il ne reste rien',
    ]);
  });
  it('takes a paragraph that opens a quote and never closes it as a quote', () => {
    expect(texts('“This is the end of an era', 'The council voted on Tuesday.')).toEqual(['This is the end of an era']);
  });
  it('does not run a quote into a paragraph that does not reopen it', () => {
    expect(texts('He said “we will see about that', 'Later, the “plan” was dropped.')).toEqual(['plan']);
  });
});

describe('apostrophes, possessives and measures', () => {
  it.each([
    ["contractions and names", "Don't worry, O'Brien said it won't rain at Smiths' farm."],
    ['curly contractions', 'It’s the council’s view that they’d won.'],
    ['decades', "The '90s and the ’80s were different."],
    ['feet and inches', 'The suspect is 6\'2" tall and weighs 180 lbs; the TV is 55" wide.'],
    ["rock 'n' roll", "He played rock 'n' roll all night, then rock ’n’ roll again."],
    ['plural possessive before a word', 'The players’ union met the owners’ group.'],
    ["elided words", "Bring 'em back, said the crowd, 'cause we miss 'em."],
  ])('finds no quote in %s', (_, text) => {
    expect(texts(text)).toEqual([]);
  });

  it('closes a single quote after a plural possessive only where the quote ends', () => {
    expect(texts('She called it ‘the workers’ party’ in her speech.')).toEqual(['the workers’ party']);
  });
  it('reads an inch mark inside a quote as closing only when a quote is open', () => {
    expect(texts('He ordered a 12" pizza and said "that\'s lunch" to me.')).toEqual(["that's lunch"]);
  });
  it('finds quotes around contractions', () => {
    expect(texts("'We don't know,' she said. 'It's too early.'")).toEqual(["We don't know,", "It's too early."]);
  });
});
