/**
 * Public titles and posts, in English, French, German, Spanish and Portuguese, with what each
 * tells: whether it needs a qualifier to mean a public office ("leader" alone could lead anything,
 * "opposition leader" cannot), whether it needs one only in lower case ("president" of a club
 * versus "President Obama"), and the gender it implies. Abbreviations count only capitalised.
 */
import { set } from './words';

export interface TitleInfo {
  /** 'Q' needs a qualifier always, 'q' only when written in lower case, '' never. */
  need: 'Q' | 'q' | '';
  gender: 'm' | 'f' | '';
  /** Written only as a capitalised abbreviation ("Sen.", "Gov."). */
  abbr: boolean;
}

// One entry per word: flags after a colon (Q, q, m, f, a = abbreviation).
const SINGLE =
  'president:q president-elect vice-president:q premier chancellor:q minister secretary:q senator sen:a ' +
  'representative:q rep:a congressman:m congresswoman:f congressmember assemblyman:m assemblywoman:f ' +
  'assemblymember councilman:m councilwoman:f councilmember councillor councilor cllr:a alderman:m ' +
  'alderwoman:f ald:a governor gov:a mayor judge justice:q magistrate prosecutor sheriff commissioner ' +
  'superintendent supt:a ambassador envoy consul general:q gen:a colonel col:a lieutenant lt:a sergeant ' +
  'sgt:a captain:q capt:a major:q maj:a admiral adm:a commander:q cmdr:a officer:q detective det:a ' +
  'inspector constable trooper marshal deputy:q spokesman:Qm spokeswoman:Qf spokesperson:Q king:m queen:f ' +
  'emir sultan pope ayatollah chairman:Qm chairwoman:Qf speaker:Q leader:Q chief:Q adviser:Q advisor:Q ' +
  'director:Q administrator:Q ranger lawmaker legislator mp mep taoiseach ombudsman coroner ' +
  'attorney-general solicitor-general inspector-general secretary-general governor-general ' +
  'président:qm présidente:qf ministre maire député:m députée:f sénateur:m sénatrice:f préfet:m préfète:f ' +
  'juge procureur procureure ambassadeur:m ambassadrice:f porte-parole:Q conseiller:Qm conseillère:Qf ' +
  'chancelier:m chancelière:f secrétaire:q commissaire général:q colonel capitaine:q commandant:q ' +
  'präsident:qm präsidentin:qf bundeskanzler:m bundeskanzlerin:f kanzler:m kanzlerin:f ministerin:f ' +
  'bundesminister:m bundesministerin:f ministerpräsident:m ministerpräsidentin:f bürgermeister:m ' +
  'bürgermeisterin:f oberbürgermeister:m oberbürgermeisterin:f abgeordnete abgeordneter:m senatorin:f ' +
  'richter:m richterin:f staatsanwalt:m staatsanwältin:f botschafter:m botschafterin:f ' +
  'regierungssprecher:m regierungssprecherin:f sprecher:Qm sprecherin:Qf polizeipräsident:m landrat:m ' +
  'bundespräsident:m bundespräsidentin:f staatssekretär:m staatssekretärin:f oberst kommissar ' +
  'presidente:q presidenta:qf ministro:m ministra:f alcalde:m alcaldesa:f gobernador:m gobernadora:f ' +
  'diputado:m diputada:f senador:m senadora:f juez jueza:f fiscal:q embajador:m embajadora:f portavoz:Q ' +
  'canciller secretario:qm secretaria:qf coronel concejal concejala:f prefeito:m prefeita:f governador:m ' +
  'governadora:f deputado:m deputada:f juiz:m juíza:f promotor:q procurador:q embaixador:m embaixadora:f ' +
  'porta-voz:Q vereador:m vereadora:f primeiro-ministro:m primeira-ministra:f secretário:qm secretária:qf';

/** Titles of several words (lower case, abbreviations with their period). */
export const MULTI_TITLES = [
  'prime minister', 'attorney general', 'solicitor general', 'inspector general', 'secretary of state',
  'district attorney', 'state attorney', "state's attorney", 'chief justice', 'lieutenant governor',
  'lt. gov.', 'lt. governor', 'police chief', 'chief of police', 'chief of staff', 'chief inspector',
  'chief constable', 'chief superintendent', 'fire chief', 'vice president', 'first minister',
  'first lady', 'home secretary', 'foreign secretary', 'press secretary', 'secretary general',
  'premier ministre', 'première ministre', 'garde des sceaux', 'procureur de la république',
  'secrétaire d’état', "secrétaire d'état", 'chef de l’état', "chef de l'état", 'primer ministro',
  'primera ministra', 'jefe de gobierno', 'primeiro ministro',
];

/** Words that make a title corporate, journalistic or otherwise not a public office. */
export const NOT_PUBLIC = set(
  'executive executives financial operating technology technical marketing company firm creative ' +
    'managing editorial editor news sales product brand fashion design bureau club team board ' +
    'investment fund store restaurant school university hospital museum orchestra band student ' +
    'students union',
);

/** Lower-case words that qualify a title as a public post, or modify it ("former", "acting"). */
export const TITLE_MODIFIER = set(
  'former acting deputy vice interim senior chief assistant associate outgoing incoming current late ' +
    'retired ex top state city county federal national regional local foreign finance defence defense ' +
    'justice interior health education transport transportation energy environment trade labour labor ' +
    'treasury home security police military army intelligence opposition cabinet party government ' +
    'junior prime district supreme high appeals circuit immigration border fire public parliamentary ' +
    'presidential democratic republican socialist conservative liberal green culture agriculture economy ' +
    'housing tourism communications spy navy naval homeland social welfare planning tax customs ' +
    'department conservation park forest wildlife majority minority house senate elected appointed ' +
    'ancien ancienne actuel actuelle ex-ministre',
);

/** Journalists: a person introduced by one of these is never an official nor a pronoun's referent. */
export const JOURNALIST = set(
  'editor reporter correspondent journalist columnist anchor presenter photographer writer commentator ' +
    'producer rédacteur rédactrice journaliste correspondant correspondante chroniqueur chroniqueuse ' +
    'korrespondent korrespondentin reporterin journalistin redakteur redakteurin periodista corresponsal ' +
    'jornalista repórter',
);

export const TITLES = new Map<string, TitleInfo>();
for (const entry of SINGLE.split(' ')) {
  const [word = '', flags = ''] = entry.split(':');
  TITLES.set(word, {
    need: flags.includes('Q') ? 'Q' : flags.includes('q') ? 'q' : '',
    gender: flags.includes('f') ? 'f' : flags.includes('m') ? 'm' : '',
    abbr: flags.includes('a'),
  });
}
