/**
 * Named officials: title and name, abbreviations, modifiers, appositives, relative clauses,
 * party tags, possessives, later mentions by surname or honorific, shared surnames, the
 * titles of other languages, and the people who are not officials.
 */
import { describe, expect, it } from 'vitest';
import { detectOfficials } from '../../src/core/detect';
import type { ArticleText, DetectedOfficial } from '../../src/core/detect/types';
import { joinParagraphs } from '../../src/core/extract';

/** Paragraphs joined as the extractor joins them, in a given language. */
const article = (lang: string, ...paras: string[]): ArticleText => joinParagraphs(paras, lang);
const brief = (o: DetectedOfficial): [string, string, string[]] => [o.name, o.role, o.mentions.map((m) => m.text)];
const officials = (...paras: string[]) => detectOfficials(article('en', ...paras)).map(brief);
const officialsIn = (lang: string, ...paras: string[]) => detectOfficials(article(lang, ...paras)).map(brief);

describe('title before the name', () => {
  it.each([
    ['Mayor', 'Mayor Dana Whitlock unveiled the budget on Monday.', ['Dana Whitlock', 'Mayor', ['Mayor Dana Whitlock']]],
    ['Sen.', 'Sen. Carl Owens questioned the nominee.', ['Carl Owens', 'Sen.', ['Sen. Carl Owens']]],
    ['Rep.', 'The bill was drafted by Rep. Ida Brooks last year.', ['Ida Brooks', 'Rep.', ['Rep. Ida Brooks']]],
    ['Gov.', 'Gov. Ray Tanner signed it.', ['Ray Tanner', 'Gov.', ['Gov. Ray Tanner']]],
    ['Lt. Gov.', 'Lt. Gov. Nina Shah chaired the session.', ['Nina Shah', 'Lt. Gov.', ['Lt. Gov. Nina Shah']]],
    ['Brig. Gen.', 'Brig. Gen. Pat Rider told reporters the strikes were precise.', ['Pat Rider', 'Brig. Gen.', ['Brig. Gen. Pat Rider']]],
    ['Cpl.', 'Cpl. Jake Moss died in the attack.', ['Jake Moss', 'Cpl.', ['Cpl. Jake Moss']]],
    ['initials without periods', 'Gov. JB Prentiss signed it. Prentiss left.', ['JB Prentiss', 'Gov.', ['Gov. JB Prentiss', 'Prentiss']]],
    ['Supt.', 'Supt. Glen Marsh closed the district.', ['Glen Marsh', 'Supt.', ['Supt. Glen Marsh']]],
    ['Gen.', 'The troops were led by Gen. Omar Saleh.', ['Omar Saleh', 'Gen.', ['Gen. Omar Saleh']]],
    ['Ald.', 'Ald. Rosa Vega opposed the rezoning.', ['Rosa Vega', 'Ald.', ['Ald. Rosa Vega']]],
    ['multiword title', 'Prime Minister Anil Rao flew home.', ['Anil Rao', 'Prime Minister', ['Prime Minister Anil Rao']]],
    ['a board’s chair', 'Federal Reserve Chair Nora Quist said rates would hold.', ['Nora Quist', 'Federal Reserve Chair', ['Federal Reserve Chair Nora Quist']]],
    ['the Fed’s chair', 'Fed Chair Nora Quist said rates would hold.', ['Nora Quist', 'Fed Chair', ['Fed Chair Nora Quist']]],
    ['a British police rank without periods', 'Det Insp Sarah Lowe led the inquiry.', ['Sarah Lowe', 'Det Insp', ['Det Insp Sarah Lowe']]],
    ['Treasurer', 'Treasurer Owen Marsh will release the budget next month.', ['Owen Marsh', 'Treasurer', ['Treasurer Owen Marsh']]],
    ['a county office', 'County Coroner Ruth Ellis confirmed the cause of death.', ['Ruth Ellis', 'County Coroner', ['County Coroner Ruth Ellis']]],
    ['place modifier', 'Ohio Governor Ellen R. Marsh declared an emergency.', ['Ellen R. Marsh', 'Ohio Governor', ['Ohio Governor Ellen R. Marsh']]],
    ['former', 'It was former Secretary of State Ruth Hale who spoke first.', ['Ruth Hale', 'former Secretary of State', ['former Secretary of State Ruth Hale']]],
    ['acting', 'The order came from acting Police Chief Ray Dunn.', ['Ray Dunn', 'acting Police Chief', ['acting Police Chief Ray Dunn']]],
    ['U.S.', 'U.S. Ambassador Nora Kim met the envoy.', ['Nora Kim', 'U.S. Ambassador', ['U.S. Ambassador Nora Kim']]],
    ['lower-case post', 'The move angered opposition leader Samuel Okoro.', ['Samuel Okoro', 'opposition leader', ['opposition leader Samuel Okoro']]],
    ['-elect', 'President-elect Maria Sousa named her cabinet.', ['Maria Sousa', 'President-elect', ['President-elect Maria Sousa']]],
    ['police rank', 'Det. Sgt. Alan Price led the inquiry.', ['Alan Price', 'Det. Sgt.', ['Det. Sgt. Alan Price']]],
    ['a title with a complement', 'Secretary of Defense Lloyd Mercer flew in.', ['Lloyd Mercer', 'Secretary of Defense', ['Secretary of Defense Lloyd Mercer']]],
    ['a long complement', 'Minister for Foreign Affairs Penny Wu spoke.', ['Penny Wu', 'Minister for Foreign Affairs', ['Minister for Foreign Affairs Penny Wu']]],
    ['a regnal number', 'The bill awaits King Edmund IV.', ['Edmund IV', 'King', ['King Edmund IV']]],
    ['a capitalised modifier', 'House Speaker Ruth Amos adjourned.', ['Ruth Amos', 'House Speaker', ['House Speaker Ruth Amos']]],
    ['an agency director', 'FBI Director Carl Moss testified.', ['Carl Moss', 'FBI Director', ['FBI Director Carl Moss']]],
    ['a ministry spokesman', 'A spokesman for the Interior Ministry, Tom Ade, denied it.', ['Tom Ade', 'spokesman for the Interior Ministry', ['Tom Ade']]],
  ])('%s', (_, text, expected) => {
    expect(officials(text)).toEqual([expected]);
  });
});

describe('appositives and clauses', () => {
  it('reads the role after the name', () => {
    expect(officials('Janet Morrow, the city’s police chief, said the case was closed.')).toEqual([
      ['Janet Morrow', 'city’s police chief', ['Janet Morrow']],
    ]);
  });
  it('reads a role with a complement before the name', () => {
    expect(officials('A spokeswoman for the governor, Leah Ortega, declined to comment.')).toEqual([
      ['Leah Ortega', 'spokeswoman for the governor', ['Leah Ortega']],
    ]);
  });
  it('keeps a place name that opens with an article ("Los Angeles", "El Paso") in the role, and makes no official of it', () => {
    expect(officials('Carla Nuñez, the mayor of Los Angeles, toured the fire zone.')).toEqual([
      ['Carla Nuñez', 'mayor of Los Angeles', ['Carla Nuñez']],
    ]);
    expect(officials('The mayor of El Paso, Omar Leal, spoke first.')).toEqual([['Omar Leal', 'mayor of El Paso', ['Omar Leal']]]);
  });
  it('keeps a titled name before "and" and a lone word that begins the next phrase', () => {
    expect(officials('Labour MP Dana Abbot and Conservative leader Kemi Osei traded barbs.')).toEqual([
      ['Dana Abbot', 'Labour MP', ['Labour MP Dana Abbot']],
      ['Kemi Osei', 'Conservative leader', ['Conservative leader Kemi Osei']],
    ]);
  });
  it('reads a party tag as no name', () => {
    expect(officials('State Sen. Mara Voss, D-Lakeview, spoke.')).toEqual([['Mara Voss', 'State Sen.', ['State Sen. Mara Voss']]]);
  });
  it('reads the role before the name', () => {
    expect(officials('The country’s finance minister, Adel Omar, resigned.')).toEqual([['Adel Omar', 'country’s finance minister', ['Adel Omar']]]);
  });
  it('reads a post held, from a relative clause', () => {
    expect(officials('Wen Liu, who chairs the Senate Transportation Committee, called a hearing.')).toEqual([
      ['Wen Liu', 'chair of Senate Transportation Committee', ['Wen Liu']],
    ]);
  });
  it('reads a legislator from a party tag', () => {
    expect(officials('Tammy Ruiz, D-Ore., voted no.')).toEqual([['Tammy Ruiz', 'legislator', ['Tammy Ruiz']]]);
  });
  it('reads a title before a name with post-nominal letters', () => {
    expect(officials('Prosecutor Jane Cartwright KC opened the case.')).toEqual([['Jane Cartwright', 'Prosecutor', ['Prosecutor Jane Cartwright']]]);
  });
  it('reads a post written after the name', () => {
    expect(officials('Tom Hallam MP said the bill was dead. Mr Hallam later resigned.')).toEqual([['Tom Hallam', 'MP', ['Tom Hallam', 'Mr Hallam']]]);
  });
  it('reads a role before a comma and a name with an honorific', () => {
    expect(officials('The Liberal Democrat leader, Sir Ed Dacre, called for action.')).toEqual([
      ['Ed Dacre', 'Liberal Democrat leader', ['Sir Ed Dacre']],
    ]);
  });
  it('reads "the chancellor, X" in lower case as a post the article makes unique', () => {
    expect(officials('The chancellor, Rachel Reed, said the budget would fix the foundations.')).toEqual([
      ['Rachel Reed', 'chancellor', ['Rachel Reed']],
    ]);
    expect(officials('The captain, Harry Kale, scored twice.')).toEqual([]);
  });
  it('keeps an official who talks to a news outlet an official', () => {
    expect(officials('The minister, Lucy Frears, told Sky News the rules were not fit for purpose.')).toEqual([
      ['Lucy Frears', 'minister', ['Lucy Frears']],
    ]);
  });
  it('reads the nearer title when a complement holds one', () => {
    expect(officials('A spokesman for Senator Ray Dunn said the senator was recovering.')).toEqual([['Ray Dunn', 'Senator', ['Senator Ray Dunn']]]);
  });
  it('reads a state body’s head as an official', () => {
    expect(officials('Tom Vance, director of the National Hurricane Center, urged residents to leave.')).toEqual([
      ['Tom Vance', 'director of the National Hurricane Center', ['Tom Vance']],
    ]);
  });
  it('reads a party tag whose state is written in initials', () => {
    expect(officials('The measure passed. Ellen Vasquez, D-N.M., voted against it.')).toEqual([['Ellen Vasquez', 'legislator', ['Ellen Vasquez']]]);
  });
  it('reads a relative clause after a party tag with a period', () => {
    expect(officials('Tom Greer, D-Ill., who chairs the House Oversight Committee, declined to comment.')).toEqual([
      ['Tom Greer', 'chair of House Oversight Committee', ['Tom Greer']],
    ]);
    expect(officials('Tom Greer, R-S.C., who chairs the House Oversight Committee, declined to comment.')).toEqual([
      ['Tom Greer', 'chair of House Oversight Committee', ['Tom Greer']],
    ]);
  });
  it('gives a plural title to each name it introduces', () => {
    expect(officials('Cabinet ministers Anna Pohl and Victor Sarr resigned.')).toEqual([
      ['Anna Pohl', 'Cabinet minister', ['Cabinet ministers Anna Pohl']],
      ['Victor Sarr', 'Cabinet minister', ['Victor Sarr']],
    ]);
  });
  it('gives a group’s title to the people a paragraph lists', () => {
    expect(officials('Among the senators who voted no were Ada Price and Ben Ortiz. Cole Young abstained.')).toEqual([
      ['Ada Price', 'senator', ['Ada Price']],
      ['Ben Ortiz', 'senator', ['Ben Ortiz']],
      ['Cole Young', 'senator', ['Cole Young']],
    ]);
  });
});

describe('mentions', () => {
  it('links later surnames and honorifics, and leaves out a possessive’s ’s', () => {
    const a = article('en', 'Mayor Dana Whitlock’s office confirmed the plan.', 'Whitlock said it would pass. Ms. Whitlock later left.');
    const [o] = detectOfficials(a);
    expect(brief(o!)).toEqual(['Dana Whitlock', 'Mayor', ['Mayor Dana Whitlock', 'Whitlock', 'Ms. Whitlock']]);
    for (const m of o!.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.text);
  });
  it('names the official by the fullest form', () => {
    expect(officials('President Lee spoke first.', 'Later, President Daniel K. Lee left.')).toEqual([
      ['Daniel K. Lee', 'President', ['President Lee', 'President Daniel K. Lee']],
    ]);
  });
  it('links no mention of a surname two people share', () => {
    expect(officials('Senator John Park and his wife, Mary Park, arrived.', 'Park waved.')).toEqual([
      ['John Park', 'Senator', ['Senator John Park']],
    ]);
  });
});

describe('not officials', () => {
  it.each([
    ['a company executive', 'Apple chief executive Tim Cook met the mayor.'],
    ['a company executive by acronym', 'Northwind CEO Dana Pryce met the council.'],
    ['a club treasurer', 'The club treasurer Amy Holt counted the takings.'],
    ['a company president', 'Company president Jim Wills denied it.'],
    ['a club president, lower case', 'The move was welcomed, says president David Holt.'],
    ['a journalist', 'BBC correspondent Tom Hale reported from the border.'],
    ['an editor', 'The paper’s political editor, Jane Doe, wrote the story.'],
    ['a private citizen', 'Resident Maria Lopez, 54, said she was scared.'],
    ['an expert', 'Tom Vance, a senior fellow at the institute, disagreed.'],
    ['a title with no name', 'The mayor and the governor met.'],
    ['a charity’s director', 'Ana Pires, country director for Relief Now, said the camps were full.'],
    ['a campaign group’s spokesman', 'A spokesman for Green Future, Tom Ade, denied it.'],
    ['a private centre’s president', 'Nora Fink, president of the Center for Reproductive Rights, welcomed the ruling.'],
    ['a think tank’s director', 'Laura Kemp, director of the Institute for Fiscal Studies, said the figures were worrying.'],
    ['a professional association’s president', 'Andrea Lowe, president of the American Medical Association, objected.'],
    ['a German industry association’s president', 'Siegfried Rauch, Präsident des Bundesverbands der Deutschen Industrie, warnte.'],
    ['a team’s leader, in Spanish', 'El líder del equipo, Juan Pérez, habló con la prensa.'],
    ['a capitalised chief executive', 'Boeing Chief Executive Dave Calloway resigned on Monday.'],
    ['a market strategist', 'Sam Stovers, chief investment strategist at CFRA Research, expects more losses.'],
    ['a German company’s chief', 'Konzernchef Ola Berger und VW-Chef Oliver Baum schwiegen.'],
  ])('%s', (_, text) => {
    expect(officials(text)).toEqual([]);
  });
});

describe('titles in other languages', () => {
  it.each([
    ['fr', 'le président', 'Le président Emmanuel Laval a reçu les syndicats.', ['Emmanuel Laval', 'président', ['président Emmanuel Laval']]],
    ['fr', 'la ministre de …', 'La ministre de la Culture, Rima Abdel, a démissionné.', ['Rima Abdel', 'ministre de la Culture', ['Rima Abdel']]],
    ['fr', 'le maire de …', 'Le maire de Nantes, Yves Le Gall, a refusé.', ['Yves Le Gall', 'maire de Nantes', ['Yves Le Gall']]],
    ['fr', 'le secrétaire général de …', 'Le secrétaire général de l’ONU, Mateus Ferreira, a appelé au calme.', ['Mateus Ferreira', 'secrétaire général de l’ONU', ['Mateus Ferreira']]],
    ['fr', 'la députée', 'La députée Claire Martin a voté contre.', ['Claire Martin', 'députée', ['députée Claire Martin']]],
    ['fr', 'apposition', 'Paul Roux, sénateur de la Somme, s’est abstenu.', ['Paul Roux', 'sénateur de la Somme', ['Paul Roux']]],
    ['de', 'Bundeskanzlerin', 'Bundeskanzlerin Angela Weber reiste nach Rom.', ['Angela Weber', 'Bundeskanzlerin', ['Bundeskanzlerin Angela Weber']]],
    ['de', 'compound minister', 'Innenminister Horst Lange widersprach.', ['Horst Lange', 'Innenminister', ['Innenminister Horst Lange']]],
    ['de', 'Bürgermeister', 'Bürgermeister Peter Kurz eröffnete die Brücke.', ['Peter Kurz', 'Bürgermeister', ['Bürgermeister Peter Kurz']]],
    ['de', 'a party’s chief', 'CDU-Chef Franz Merkt sprach von einem Fehler.', ['Franz Merkt', 'CDU-Chef', ['CDU-Chef Franz Merkt']]],
    ['de', 'a parliamentary group’s chief', 'Die Grünen-Fraktionschefin Katrin Dörr widersprach.', ['Katrin Dörr', 'Grünen-Fraktionschefin', ['Grünen-Fraktionschefin Katrin Dörr']]],
    ['de', 'a head of government', 'Regierungschef Viktor Orsi reiste nach Brüssel.', ['Viktor Orsi', 'Regierungschef', ['Regierungschef Viktor Orsi']]],
    ['es', 'el presidente', 'El presidente Andrés Vidal viajó a Lima.', ['Andrés Vidal', 'presidente', ['presidente Andrés Vidal']]],
    ['es', 'la alcaldesa', 'La alcaldesa Rosa Jiménez inauguró el parque.', ['Rosa Jiménez', 'alcaldesa', ['alcaldesa Rosa Jiménez']]],
    ['es', 'la ministra de …', 'La ministra de Hacienda, María Soto, presentó el plan.', ['María Soto', 'ministra de Hacienda', ['María Soto']]],
    ['pt', 'o prefeito', 'O prefeito Rui Campos anunciou obras.', ['Rui Campos', 'prefeito', ['prefeito Rui Campos']]],
    ['pt', 'a deputada', 'A deputada Tabata Lins votou contra.', ['Tabata Lins', 'deputada', ['deputada Tabata Lins']]],
    ['pt', 'o senador', 'O senador Otto Reis discursou.', ['Otto Reis', 'senador', ['senador Otto Reis']]],
    ['pt', 'ex-', 'Ele visitou o ex-presidente Luiz Carvalho.', ['Luiz Carvalho', 'ex-presidente', ['ex-presidente Luiz Carvalho']]],
    ['pt', 'eleito', 'O presidente eleito Jorge Amaral falou.', ['Jorge Amaral', 'presidente eleito', ['presidente eleito Jorge Amaral']]],
    ['es', 'el líder de …', 'El líder del PP, Alberto Nieto, votó en contra.', ['Alberto Nieto', 'líder del PP', ['Alberto Nieto']]],
    ['es', 'la vicepresidenta', 'La vicepresidenta Yolanda Durán viajó a Bruselas.', ['Yolanda Durán', 'vicepresidenta', ['vicepresidenta Yolanda Durán']]],
    ['pt', 'a level of government after the title', 'A deputada federal Tabata Lins (PSB-SP) votou contra.', ['Tabata Lins', 'deputada federal', ['deputada federal Tabata Lins']]],
    ['es', 'general after the title', 'El fiscal general Álvaro Gil dimitió.', ['Álvaro Gil', 'fiscal general', ['fiscal general Álvaro Gil']]],
    ['fr', 'le chef de l’État, X', 'Le chef de l’État, Emmanuel Marcon, a appelé au calme.', ['Emmanuel Marcon', 'chef de l’État', ['Emmanuel Marcon']]],
    ['es', 'a nationality after the title, then a comma', 'El presidente argentino, Javier Molina, viajó a Madrid.', ['Javier Molina', 'presidente argentino', ['Javier Molina']]],
    ['es', 'a nationality after the title, then the name', 'El presidente francés Emmanuel Macrot llegó ayer.', ['Emmanuel Macrot', 'presidente francés', ['presidente francés Emmanuel Macrot']]],
    ['pt', 'a title whose complement is an acronym', 'O ministro do STF Alexandre de Morais determinou a prisão.', ['Alexandre de Morais', 'ministro do STF', ['ministro do STF Alexandre de Morais']]],
    ['pt', 'o vice-presidente', 'O vice-presidente Geraldo Alves discursou.', ['Geraldo Alves', 'vice-presidente', ['vice-presidente Geraldo Alves']]],
    ['en', 'elect', 'Vice-president elect Ana Torres watched.', ['Ana Torres', 'Vice-president elect', ['Vice-president elect Ana Torres']]],
    ['fr', 'a title after a name and a comma, with its own name', 'Interrogé sur France Inter, le Premier ministre Michel Barrot a répondu que rien n’était décidé.', ['Michel Barrot', 'Premier ministre', ['Premier ministre Michel Barrot']]],
  ])('%s: %s', (lang, _, text, expected) => {
    expect(officialsIn(lang, text)).toEqual([expected]);
  });
});
