/**
 * Public titles and posts, in English, French, German, Spanish and Portuguese, by what each
 * needs to mean a public office: nothing ("Mayor"), a qualifier when written in lower case
 * ("President Lee" but "club president"), or a qualifier always ("opposition leader", not
 * "team leader"). Feminine forms are found by rule (Ministerin, députée, ministra, diputada).
 */
import { set } from './words';

export interface TitleInfo {
  /**
   * 'G' needs a governmental qualifier ("FBI Director", "a spokesman for the ministry", not
   * "director for Amnesty International"), 'Q' any qualifier, 'q' one only when written in lower
   * case, '' none.
   */
  need: 'G' | 'Q' | 'q' | '';
  gender: 'm' | 'f' | '';
  /** Written only as a capitalised abbreviation ("Sen.", "Gov."). */
  abbr: boolean;
}

const PLAIN =
  'premier minister senator congressman congressmember assemblyman assemblymember councilman councilmember ' +
  'councillor councilor alderman governor mayor judge magistrate prosecutor sheriff commissioner ' +
  'superintendent ambassador envoy consul colonel lieutenant sergeant admiral detective inspector ' +
  'constable trooper marshal harbourmaster harbormaster king queen emir sultan pope ayatollah ranger ' +
  'lawmaker legislator mp mep ombudsman attorney-general solicitor-general inspector-general ' +
  'secretary-general governor-general ministre maire député sénateur sénatrice préfet préfète juge ' +
  'procureur ambassadeur ambassadrice chancelier chancelière commissaire kanzler bürgermeister abgeordnete ' +
  'abgeordneter richter staatsanwalt botschafter landrat oberst kommissar ministro alcalde alcaldesa ' +
  'gobernador diputado senador juez jueza embajador canciller coronel concejal prefeito governador ' +
  'deputado juiz juíza embaixador vereador primeiro-ministro treasurer comptroller coroner selectman ' +
  'selectwoman taoiseach tánaiste msp mla mpp corporal brigadier';
const LOWER_Q =
  'president vice-president chancellor secretary representative justice general captain major commander ' +
  'officer deputy président secrétaire général capitaine commandant präsident presidente fiscal ' +
  'secretario promotor procurador secretário auditor controller supervisor clerk assessor vicepresidente ' +
  'vice-presidente vice-président';
const ALWAYS_Q = 'speaker leader chief whip líder';
const GOVERNMENT_Q =
  'spokesman spokesperson chairman chairwoman chairperson chair adviser advisor director administrator ' +
  'porte-parole conseiller sprecher ' +
  'portavoz porta-voz';
const ABBR = 'sen rep cllr ald gov supt gen col lt sgt capt maj adm cmdr det insp brig cpl pvt spc pfc';

/** Titles of several words (lower case, without periods). */
export const MULTI_TITLES = [
  'prime minister', 'attorney general', 'secretary of state', 'district attorney', 'chief justice',
  // A company's chiefs (made private by NOT_PUBLIC), so that "Boeing Chief Executive Dave Calhoun" splits after them.
  'chief executive', 'chief executive officer', 'chief financial officer', 'chief operating officer',
  'lieutenant governor', 'lt gov', 'police chief', 'chief of police', 'chief of staff', 'chief inspector',
  'chief constable', 'fire chief', 'vice president', 'first minister', 'home secretary', 'foreign secretary',
  'press secretary', 'premier ministre', 'première ministre', 'garde des sceaux', 'procureur de la république',
  'primer ministro', 'primera ministra', 'jefe de gobierno', 'primeiro ministro',
  // Heads of state and government by description: "le chef de l’État, X", "el jefe del Estado".
  'chef de l’ état', "chef de l' état", 'chef du gouvernement', 'jefe del estado', 'jefe de estado', 'chefe de estado',
  'chefe do governo',
  'secretary general', 'secrétaire général', 'secrétaire générale', 'secretario general', 'secretaria general',
  'secretário geral', 'secretária geral',
  // British police ranks, written without periods: "Det Insp", "Det Ch Supt".
  'det insp', 'det sgt', 'det supt', 'det con', 'det ch insp', 'det ch supt', 'ch insp', 'ch supt', 'ch con',
];

/** German titles are compounds: Innenministerin, Bundeskanzler, Oberbürgermeister, Regierungssprecher. */
export const GERMAN_COMPOUND =
  /(?:minister|präsident|kanzler|bürgermeister|sprecher|richter|botschafter|sekretär|kommissar|senator|(?:partei|fraktions|regierungs|staats|oppositions|polizei|^(?:cdu|csu|spd|fdp|afd|bsw|grünen|linken)-)chef)(in)?$/u;

/** Words that make a title corporate, journalistic or otherwise not a public office. */
export const NOT_PUBLIC = set(
  'executive financial operating technology marketing company firm creative managing editorial editor news ' +
    'sales product brand bureau club team board fund store school university hospital museum band student ' +
    'union strategist economist analyst investment research equipo equipa empresa compañía companhia entreprise société unternehmen konzern',
);

/**
 * Bodies that are mostly private (a think tank, a charity, a professional association): heading
 * one is no public post unless the phrase says the body is the state's ("National Hurricane
 * Center", "federal institute"). German compounds end in them ("Bundesverbands").
 */
export const PRIVATE_BODY = set(
  'center centre institute foundation association society league network church charity coalition ' +
    'alliance chamber fondation fundación fundação asociación associação institut stiftung verband ' +
    'verbands verbandes gesellschaft',
);
export const PRIVATE_SUFFIX = /(?:verband|verbands|verbandes|stiftung|gesellschaft)$/u;
/** Words that make such a body the state's. */
export const STATE_BODY = set('national federal state government ministry department agency office bureau police army military nationale bundes');

/** Lower-case words that qualify a title as a public post, or modify it ("former", "acting"). */
export const TITLE_MODIFIER = set(
  'former acting deputy vice interim senior chief assistant outgoing incoming late retired ex top state ' +
    'city country county federal national regional local foreign finance defence defense justice interior ' +
    'health education transport energy environment trade labour labor treasury home security police ' +
    'military army intelligence opposition cabinet party government junior district supreme high appeals ' +
    'immigration border fire public parliamentary presidential democratic republican socialist conservative ' +
    'liberal green communications homeland department council conservation park majority minority elected ' +
    'ancien ancienne affairs',
);

/** A legislator's party and state after the name: "D-Ill.", "R-Texas", "D-N.Y.", "R-W.Va.". */
export const PARTY_TAG = /^[DRI]-(?:[A-Z][a-z]+|(?:[A-Z][a-z]?\.)+[A-Z][a-z]?)\.?$/u;

/** Words that make a qualifier governmental ("National Hurricane Center director"). */
export const GOVERNMENT = set(
  'national federal fed state city county government ministry department agency bureau office police security ' +
    'intelligence defence defense homeland public health education justice emergency interior treasury ' +
    'white house senate congress parliament council committee commission cabinet army military ministère ' +
    'gouvernement regierung ministerium gobierno ministerio governo ministério',
);

/** Journalists: a person introduced by one of these is never an official nor a pronoun's referent. */
export const JOURNALIST = set(
  'editor reporter correspondent journalist columnist anchor presenter photographer writer producer ' +
    'rédacteur rédactrice journaliste correspondant correspondante korrespondent korrespondentin reporterin ' +
    'journalistin redakteur periodista corresponsal jornalista repórter',
);

export const TITLES = new Map<string, TitleInfo>();
const add = (words: string, need: TitleInfo['need'], abbr = false): void => {
  for (const w of words.split(' ')) TITLES.set(w, { need, gender: /man$|^king$/u.test(w) ? 'm' : '', abbr });
};
add(PLAIN, '');
add(LOWER_Q, 'q');
add(ALWAYS_Q, 'Q');
add(GOVERNMENT_Q, 'G');
add(ABBR, '', true);

// Feminine forms by rule, added once: -woman, German -in, French -e, Spanish and Portuguese -a
// (congresswoman, Ministerin, députée, ministra, diputada, presidenta).
for (const [w, info] of [...TITLES]) {
  if (info.abbr) continue;
  for (const f of [w.replace(/man$/u, 'woman'), `${w}in`, `${w}e`, `${w}a`, w.replace(/[oe]$/u, 'a')]) {
    if (!TITLES.has(f)) TITLES.set(f, { ...info, gender: 'f' });
  }
}
for (const w of 'queen sénatrice préfète ambassadrice chancelière alcaldesa jueza juíza'.split(' ')) {
  TITLES.get(w)!.gender = 'f';
}
