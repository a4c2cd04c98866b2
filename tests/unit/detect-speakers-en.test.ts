/**
 * Speakers in English: each attribution pattern of the sieve, pronouns, continuation paragraphs,
 * organisations, later short mentions resolved to the full name, and the cases where the
 * detector must abstain (an unnamed source, a reporter).
 */
import { describe, expect, it } from 'vitest';
import { detectQuotes } from '../../src/core/detect';
import type { ArticleText } from '../../src/core/detect/types';
import { joinParagraphs } from '../../src/core/extract';

/** Paragraphs joined as the extractor joins them, in English. */
const article = (...paras: string[]): ArticleText => joinParagraphs(paras, 'en');
const speakers = (...paras: string[]): (string | null)[] => detectQuotes(article(...paras)).map((q) => q.speaker);

describe('attribution patterns', () => {
  it.each([
    ['"…," said X', '“We will rebuild every home,” said Maria Delgado, who lost hers in the flood.', 'Maria Delgado'],
    ['"…," X said', '“The numbers do not lie,” Tom Baker said.', 'Tom Baker'],
    ['"…" X says, no comma', '“It is a fragile peace” says Omar Haddad.', 'Omar Haddad'],
    ['"…," X says', '“It is a fragile peace,” says Omar Haddad, a former negotiator.', 'Omar Haddad'],
    ['X said: "…"', 'Ellen Park said: “Nobody warned us about the levee.”', 'Ellen Park'],
    ['X told …', 'Jim Howell told reporters the fire was “completely avoidable”.', 'Jim Howell'],
    ['X wrote', 'In a blog post, Dana Whitfield wrote that the ruling was “a victory for common sense”.', 'Dana Whitfield'],
    ['X tweeted', 'Lena Brooks tweeted: “Polls close at eight. Go vote.”', 'Lena Brooks'],
    ['X added', '“We have asked for an inquiry,” Harriet Cole added.', 'Harriet Cole'],
    ['according to X', 'The plant will close “with the loss of 300 jobs”, according to Raj Patel.', 'Raj Patel'],
    ['X, who …, said', 'Amanda Reyes, who has run the shelter since 2015, said the rules were “cruel and pointless”.', 'Amanda Reyes'],
    ['X has pointed out', 'As Ivan Petrov has pointed out, the law would be used “against ordinary people”.', 'Ivan Petrov'],
    ['said X, the city’s police chief', '“We are treating this as a homicide,” said Janet Morrow, the city’s police chief.', 'Janet Morrow'],
    ['a title between verb and name', '“We expect a full recovery,” said Ohio Governor Ellen R. Marsh.', 'Ellen R. Marsh'],
    ['an abbreviated title', '“This bill is dead,” said Sen. Carl Whitaker.', 'Carl Whitaker'],
    ['an organisation’s title between verb and name', '“We will see,” said State Department spokesman Neil Ostrander.', 'Neil Ostrander'],
    ['an organisation’s lower-case title', '“Nothing has changed,” said Pentagon press secretary Dana Kowalczyk.', 'Dana Kowalczyk'],
    ['passive with an agent', 'The plan was described as “reckless” by the Department of Transportation.', 'Department of Transportation'],
    ['a question asked', '“Who pays for this?” asked Nora Quinn, a retired teacher.', 'Nora Quinn'],
    ['X, age, who …, told …:', 'Rosa Alvarez, 64, who rides the No. 12 bus to work, told the council: “I have never owned a car.”', 'Rosa Alvarez'],
    ['X, party tag, who …, said', 'State Sen. Mara Voss, D-Lakeview, who chairs the Senate Transportation Committee, said the plan “buys time for a real formula”.', 'Mara Voss'],
    ['said the title, X', '“We have waited long enough,” said the council leader, Dilys Mabry, after the vote.', 'Dilys Mabry'],
    ['a title’s complement, X, said', 'A spokeswoman for the governor, Leah Ortega, said the governor “is following the talks closely”.', 'Leah Ortega'],
    ['a surname first named in the attribution', 'Steinmann said the talks had “failed beyond repair”.', 'Steinmann'],
    ['words between the quote and its attribution', '“We must read what is written” in the bill, Sara Lind said.', 'Sara Lind'],
    ['a colon after a sentence about X, no verb of saying', 'Councillor Ruth Amos was blunt: “This plan is dead.”', 'Ruth Amos'],
    ['a company’s acronym post before the name', 'Northwind CEO Dana Pryce said in a statement that the company was “reviewing the ruling”.', 'Dana Pryce'],
    ['a description, then a title and the name between commas', 'The former linebacker, Assemblymember Joel Okafor, said he missed the “sound of the crowd”.', 'Joel Okafor'],
    ['a trade written before the name as a title', 'Nurse Emily Tran, 29, said she was “exhausted”.', 'Emily Tran'],
    ['a participle', 'Councillor Ruth Amos shared the letter online, saying “this is not over”.', 'Ruth Amos'],
    ['X, a party tag with a state in initials, called', 'The vote was close. Ellen Vasquez, D-N.M., called the measure “a betrayal of working families.”', 'Ellen Vasquez'],
    ['X accused … of “…”', 'Shadow home secretary Carl Pryor accused the government of “dithering”.', 'Carl Pryor'],
    ['X labelled … “…”', 'Greens leader Adam Bandy labelled the decision “a cop-out”.', 'Adam Bandy'],
    ['X dismissed … as “…”', 'Premier Ann Walsh dismissed the report as “a hatchet job”.', 'Ann Walsh'],
    ['X with post-nominal letters said', 'Prosecutor Jane Cartwright KC said the victims had been “terrified”.', 'Jane Cartwright'],
    ['X with post-nominal letters, an appositive, said', 'Ann Leung OBE, a charity founder, said she was “honoured”.', 'Ann Leung'],
    ['a long subject after the quote', 'Sen. Jo Fetter spoke first. “We will not back down,” Rep. Jim Jardine, R-Ohio, the chairman of the House Judiciary Committee, said in a statement.', 'Jim Jardine'],
    ['said an owner’s colleague, X', 'Rep. Jim Jardine spoke first. “It’s a tragedy,” said Jardine’s colleague, Rep. Tom Massey.', 'Tom Massey'],
    ['X on a day called', 'Commerce Secretary Gina Ramos on Wednesday called the tariffs “a necessary step.”', 'Gina Ramos'],
    ['X late last week said', 'Tom Ruiz late last week said the deal was “dead”.', 'Tom Ruiz'],
    ['X (party) said', 'State Rep. Dana Holt (R) said the bill was “a solution in search of a problem”.', 'Dana Holt'],
    ['X of a place said', 'Sen. Ann Reyes of Maine said she was “disappointed but not surprised.”', 'Ann Reyes'],
    ['a titled X of an organisation said', 'Chief Constable Helen Marsh of Merseyside Police said officers had faced “unprecedented” violence.', 'Helen Marsh'],
    ['X of an organisation said', 'Nancy Ortiz of the Sierra Club said the plan was “a step backwards”.', 'Nancy Ortiz'],
    ['a statement from an organisation', '“We regret the delay,” according to a statement from the Ministry of Health.', 'Ministry of Health'],
  ])('%s', (_, text, speaker) => {
    expect(speakers(text)).toEqual([speaker]);
  });

  it('attributes both halves of a quote split by its attribution', () => {
    expect(speakers('“We will appeal,” Sara Lind said, “and we will win.”')).toEqual(['Sara Lind', 'Sara Lind']);
  });
  it('attributes every fragment of a reported sentence', () => {
    expect(speakers('Dr Ken Ito said the drug was “promising” but “not yet proven”.')).toEqual(['Ken Ito', 'Ken Ito']);
  });
  it('gives the speaker’s span in the text', () => {
    const a = article('“Back to work,” said Paula Grey.');
    const [q] = detectQuotes(a);
    expect(q!.speakerSpan && a.text.slice(q!.speakerSpan.start, q!.speakerSpan.end)).toBe('Paula Grey');
  });
});

describe('organisations', () => {
  it.each([
    ['named, after the quote', '“We are reviewing the footage,” the Metropolitan Police said in a statement.', 'Metropolitan Police'],
    ['named, reported', 'The White House said the visit was “productive and frank”.', 'White House'],
    ['a common noun', 'The government said the tax was “temporary”.', 'government'],
    ['according to police', 'According to police, the man was “known to officers”.', 'police'],
    ['a spokesperson for it, before the verb', 'A spokesperson for Northwind said the outage was “fully resolved”.', 'Northwind'],
    ['a spokesperson for it, after the verb', '“The outage is resolved,” said a spokesperson for the Department of Energy.', 'Department of Energy'],
  ])('%s', (_, text, speaker) => {
    expect(speakers(text)).toEqual([speaker]);
  });
  it('resolves "it" to the organisation just named', () => {
    expect(speakers('The Food Safety Agency issued a warning on Friday.', '“Do not eat the product,” it said.')).toEqual(['Food Safety Agency']);
  });
});

describe('names resolved to the full name as first named', () => {
  it('resolves a later surname', () => {
    expect(speakers('Lisa Okafor was elected in 2019.', '“We kept our promises,” Okafor said.')).toEqual(['Lisa Okafor']);
  });
  it('resolves an honorific and surname', () => {
    expect(speakers('Peter Grant runs the port.', 'Mr. Grant said the deal was “dead on arrival”.')).toEqual(['Peter Grant']);
  });
  it('keeps a surname two people share as written', () => {
    expect(
      speakers('Anna Berg and her brother Erik Berg own the mill.', '“We will not sell,” Berg said.'),
    ).toEqual(['Berg']);
  });
});

describe('pronouns', () => {
  it('resolves she to the person the text is about', () => {
    expect(speakers('Councilwoman Dana Ortiz voted against the plan.', '“It robs the poor to pay the rich,” she said.')).toEqual(['Dana Ortiz']);
  });
  it('prefers the person whose gender the pronoun fits', () => {
    expect(
      speakers('Mayor Tom Reyes met Congresswoman Linda Cho on Friday.', '“We agreed on nothing,” she said.'),
    ).toEqual(['Linda Cho']);
  });
  it('resolves he to the mayor named by his title', () => {
    expect(
      speakers('Mayor Tom Reyes opened the bridge.', 'The mayor, speaking to reporters, thanked the workers.', '“They did it in record time,” he said.'),
    ).toEqual(['Tom Reyes']);
  });
  it('resolves a description with modifiers before the title ("The Liberal leader added")', () => {
    expect(
      speakers('Opposition Leader John Pesce said the response had been “too slow”. The Liberal leader added that residents deserved “better”.'),
    ).toEqual(['John Pesce', 'John Pesce']);
  });
  it('resolves "the governor" to the official named by an abbreviated title', () => {
    expect(speakers('Gov. Ray Tanner, a Democrat, said the state would help. “Our state will step up,” the governor said.')).toEqual(['Ray Tanner']);
  });
  it('never resolves a pronoun to a reporter', () => {
    expect(
      speakers('Fire chief Paul Grady spoke at noon.', 'Channel 4 reporter Sam Lowe has the story.', '“We lost two engines,” he said.'),
    ).toEqual(['Paul Grady']);
  });
  it('resolves "said the Democrat" to the person named before, but not an organisation that starts the same', () => {
    expect(speakers('Sen. Amy Ward spoke after the vote.', '“We will be back,” said the Democrat.')).toEqual(['Amy Ward']);
    expect(speakers('Sen. Amy Ward spoke after the vote.', '“We will be back,” said the Republican National Committee.')).toEqual([
      'Republican National Committee',
    ]);
  });
  it('takes a surname ending like a participle (-ing, -ed) for a name once the person is named in full', () => {
    const intro = 'Police Superintendent Larry Snelling resigned on Friday.';
    expect(speakers(intro, '"I have given this city everything," Snelling, 55, told reporters.')).toEqual(['Larry Snelling']);
    expect(speakers('Council member Omar Ahmed voted no.', 'Ahmed said the budget was “a fantasy”.')).toEqual(['Omar Ahmed']);
  });
  it('never resolves a pronoun to the byline', () => {
    expect(speakers('By Kevin Marsh', 'The bridge reopened on Monday.', '“It was worth the wait,” he said.')).toEqual([null]);
  });
});

describe('a nationality standing for the person named before', () => {
  it('resolves "said the Portuguese" and "The Egyptian added:"', () => {
    expect(
      speakers(
        'Fulham boss Mario Sousa praised his players. “I’m very proud,” said the Portuguese.',
        'Karim Mansour, who scored twice, described the atmosphere as “incredible”. The Egyptian added: “Anfield is special.”',
      ),
    ).toEqual(['Mario Sousa', 'Karim Mansour', 'Karim Mansour']);
  });
  it('resolves an age ("says the 52-year-old", "The 71-year-old said") to the person named before', () => {
    expect(
      speakers(
        'For Maria Gonzalo, the closure was personal. “My father worked there for 30 years,” says the 52-year-old, who runs a bakery.',
        'Rosa Peel spoke next. The 71-year-old said the plan was “a disgrace”.',
      ),
    ).toEqual(['Maria Gonzalo', 'Rosa Peel']);
  });
  it('keeps "the Vatican" an organisation', () => {
    expect(speakers('The Vatican said the visit was “fruitful”.')).toEqual(['Vatican']);
  });
});

describe('continuation', () => {
  it('gives a paragraph that is only a quote the previous speaker', () => {
    expect(speakers('“We are not done yet,” said coach Nina Baptiste.', '“There is still a lot of work to do.”')).toEqual([
      'Nina Baptiste',
      'Nina Baptiste',
    ]);
  });
  it('gives a quote right after an attributed one the same speaker', () => {
    expect(speakers('“It is over,” said Ben Adler. “We lost.”')).toEqual(['Ben Adler', 'Ben Adler']);
  });
  it('gives a quote paragraph the person the previous paragraph is about', () => {
    expect(speakers('Ruth Kagame has farmed here for 40 years.', '“The river has never been this low.”')).toEqual(['Ruth Kagame']);
  });
  it('gives a lede’s fragment the speaker of the quote it repeats', () => {
    expect(
      speakers(
        'A survivor has described how the water was “like a wall” when it hit the town.',
        '“It came down the street like a wall, and then everything went dark,” said Jo Harlan.',
      ),
    ).toEqual(['Jo Harlan', 'Jo Harlan']);
  });
});

describe('journalists', () => {
  it('never resolves a pronoun to a broadcaster’s journalist', () => {
    expect(
      speakers('The chancellor, Rachel Reed, spoke on Sunday. Speaking to the BBC’s Laura Kessler, she said: “We will not return to austerity.”'),
    ).toEqual(['Rachel Reed']);
  });
});

describe('abstaining', () => {
  it('does not reach past someone unnamed who spoke in between', () => {
    expect(
      speakers(
        'Det Insp Lisa Moreton said after the hearing: “Today’s sentence sends a clear message.”',
        'Outside court, the victim’s mother said she felt “relieved”. “It has been a nightmare,” she said.',
        '“We can start to heal now.”',
      ),
    ).toEqual(['Lisa Moreton', null, null, null]);
  });
  it('reaches past someone unnamed whom the pronoun cannot be', () => {
    expect(
      speakers('Mayor Ann Leeming visited the scene.', 'The victim’s father said he was “relieved”. “We will rebuild,” she said.'),
    ).toEqual([null, 'Ann Leeming']);
  });
  it.each([
    ['an unnamed official', '“The talks are dead,” a senior official said.'],
    ['a source that is no one', 'The rules cover “any device used for recording”, according to the guidance notes.'],
    ['a document', 'The report says the dam was “poorly maintained for decades”.'],
    ['a quote with no attribution in the middle of a sentence', 'The song “Blue Water Line” was played at the rally.'],
    ['a colon after a sentence about a thing', 'The sign on the clinic door was simple: “Closed until further notice.”'],
    ['a company named in a complement', 'The chief executive of Northwind said the company was “deeply committed” to privacy.'],
    ['a person named in a complement, before the verb', 'A lawyer for Marcus Webb said his client was “completely innocent”.'],
    ['a person named in a complement, subject after the quote', '“He is innocent,” a lawyer for Marcus Webb said.'],
    ['an owner after the verb', '“The case is closed,” said Jardine’s lawyer.'],
    ['a person named in a complement, after the verb', '“The case is closed,” said a lawyer for Marcus Webb.'],
    ['a relative named in a complement', 'The daughter of Edna Price said she was “overwhelmed” by the support.'],
    ['a person close to someone', 'A source close to Governor Ray Dunn said the talks were “cordial”.'],
  ])('%s', (_, text) => {
    expect(speakers(text)).toEqual([null]);
  });
});
