/**
 * The person-name recogniser and the grouping of mentions into people: initials, particles,
 * hyphens, apostrophes, accents; function words, months, days, places and organisations kept
 * out; short and honorific forms linked to the full name unless two people share the surname.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/detect/analysis';
import type { ArticleText } from '../../src/core/detect/types';
import { joinParagraphs } from '../../src/core/extract';

/** Paragraphs joined as the extractor joins them. */
const article = (...paras: string[]): ArticleText => joinParagraphs(paras);
const names = (...paras: string[]): string[] => analyse(article(...paras)).names.map((n) => n.text);
const orgs = (...paras: string[]): string[] => analyse(article(...paras)).orgs.map((o) => o.text);

describe('person names', () => {
  it.each([
    ['initials', 'The award went to A.J. Brooks and Donald J. Carter.', ['A.J. Brooks', 'Donald J. Carter']],
    ['particles', 'Hugo de la Cruz met Ludwig van Beek and Tariq bin Hamad.', ['Hugo de la Cruz', 'Ludwig van Beek', 'Tariq bin Hamad']],
    ['hyphens', 'Jean-Luc Moreau married Mary Smith-Jones.', ['Jean-Luc Moreau', 'Mary Smith-Jones']],
    ['apostrophes', "Sean O'Brien thanked Conor O’Malley.", ["Sean O'Brien", 'Conor O’Malley']],
    ['accents', 'Zoë Ångström and José Núñez won.', ['Zoë Ångström', 'José Núñez']],
    ['Arabic article', 'The envoy, Ahmed al-Rashid, arrived.', ['Ahmed al-Rashid']],
    ['a capitalised particle', 'Le maire, Yves Le Gall, a refusé.', ['Yves Le Gall']],
    ['possessive', 'It was Nina Shah’s idea.', ['Nina Shah']],
    ['an honorific left out', 'Mr. Ken Ito and Ms Rhea Das agreed.', ['Ken Ito', 'Rhea Das']],
    ['a title left out', 'Mayor Dana Whitlock and Sen. Carl Owens disagreed.', ['Dana Whitlock', 'Carl Owens']],
    ['a capitalised company post left out', 'Boeing Chief Executive Dave Calloway resigned.', ['Dave Calloway']],
    ['a particle that is also a number word', 'The club sacked Joost ten Brink on Monday.', ['Joost ten Brink']],
  ])('%s', (_, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['sentence-initial function words', 'The plan failed. However, nobody cared. Despite this, it went on.'],
    ['sentence-initial common words seen in lower case', 'Climate talks stalled. The climate is changing.'],
    ['sentence-initial verb forms', 'Talking to reporters, nobody said much. Dubbed a failure, it closed.'],
    ['months and days', 'On Monday the vote was held. In January it resumed.'],
    ['places', 'Flights to New Caledonia and South Korea resumed from Rottnest Island.'],
    ['number words', 'The helicopter Marine One landed.'],
    ['acronyms', 'The FBI and NATO met at the UN.'],
  ])('finds none in %s', (_, text) => {
    expect(names(text)).toEqual([]);
  });

  it('strips months and days before a name', () => {
    expect(names('On Monday, Ken Ito resigned. In January Maria Lopez took over.')).toEqual(['Ken Ito', 'Maria Lopez']);
  });
  it('splits coordinated full names, not an agency named with "and"', () => {
    expect(names('Anna Pohl and Victor Sarr left Immigration and Customs Enforcement.')).toEqual(['Anna Pohl', 'Victor Sarr']);
  });
});

describe('organisations', () => {
  it.each([
    ['head word last', 'The Food Safety Agency and the Riverside County Council met.', ['Food Safety Agency', 'Riverside County Council']],
    ['head word before a complement', 'The Department of Health and the Committee on Ethics and Standards agreed.', ['Department of Health', 'Committee on Ethics and Standards']],
    ['a possessive owner split off', 'Parliament’s Joint Committee on Security met.', ['Parliament', 'Joint Committee on Security']],
    ['a person named Bill', 'Bill Turner voted for the Data Protection Bill.', ['Data Protection Bill']],
    ['a title word in its complement', 'The Institute for Fiscal Studies published the figures.', ['Institute for Fiscal Studies']],
  ])('%s', (_, text, expected) => {
    expect(orgs(text)).toEqual(expected);
  });
  it.each([
    ['a titled person of a force', 'Chief Constable Helen Marsh of Merseyside Police spoke first.', ['Helen Marsh'], ['Merseyside Police']],
    ['a person of a club', 'Nancy Ortiz of the Sierra Club objected.', ['Nancy Ortiz'], ['Sierra Club']],
    ['one organisation with "of" in it', 'The Royal College of Nursing objected.', [], ['Royal College of Nursing']],
  ])('a person before "of" and an organisation: %s', (_, text, people, organisations) => {
    expect(names(text)).toEqual(people);
    expect(orgs(text)).toEqual(organisations);
  });
});

describe('people', () => {
  const people = (...paras: string[]) => {
    const a = analyse(article(...paras));
    return a.names.map((n) => [n.text, a.people.ambiguous.has(n) ? '?' : (a.people.of.get(n)?.full ?? '')]);
  };
  it('links surnames and honorific forms to the full name', () => {
    expect(people('Lisa Okafor won.', 'Okafor thanked voters. Ms. Okafor then left.')).toEqual([
      ['Lisa Okafor', 'Lisa Okafor'],
      ['Okafor', 'Lisa Okafor'],
      ['Okafor', 'Lisa Okafor'],
    ]);
  });
  it('links a shorter form of the name and keeps the fullest', () => {
    expect(people('Te Rangi Parore spoke.', 'Later Te Rangi Hemi Parore spoke again, and Te Rangi left.')).toEqual([
      ['Te Rangi Parore', 'Te Rangi Hemi Parore'],
      ['Te Rangi Hemi Parore', 'Te Rangi Hemi Parore'],
      ['Te Rangi', 'Te Rangi Hemi Parore'],
    ]);
  });
  it('links a later form without the given names (double surnames)', () => {
    expect(people('Andrés Manuel López Obrador habló.', 'Después López Obrador se fue.')).toEqual([
      ['Andrés Manuel López Obrador', 'Andrés Manuel López Obrador'],
      ['López Obrador', 'Andrés Manuel López Obrador'],
    ]);
  });
  it('links a middle name by which one person alone is known', () => {
    expect(people('Luiz Inácio Lula da Silva discursou.', 'Depois Lula saiu.')).toEqual([
      ['Luiz Inácio Lula da Silva', 'Luiz Inácio Lula da Silva'],
      ['Lula', 'Luiz Inácio Lula da Silva'],
    ]);
  });
  it('links a given name used alone', () => {
    expect(people('Moira Reid runs the farm.', '“It is hard,” Moira said.')).toEqual([
      ['Moira Reid', 'Moira Reid'],
      ['Moira', 'Moira Reid'],
    ]);
  });
  it('links an initial to the given name', () => {
    expect(people('Donald J. Carter spoke.', 'Donald Carter left.')).toEqual([
      ['Donald J. Carter', 'Donald J. Carter'],
      ['Donald Carter', 'Donald J. Carter'],
    ]);
  });
  it('does not link a surname two people share', () => {
    expect(people('Anna Berg met Erik Berg.', 'Berg left.')).toEqual([
      ['Anna Berg', 'Anna Berg'],
      ['Erik Berg', 'Erik Berg'],
      ['Berg', '?'],
    ]);
  });
});
