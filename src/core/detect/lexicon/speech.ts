/**
 * The words that attribute speech: verbs of saying in every form the rules meet them (finite,
 * participle after "a"/"has"), generated from stems where the inflection is regular; the
 * prepositions that name a source ("according to", "selon"); subject and object pronouns; and
 * the words that make a quotation a term rather than speech ("so-called", "dubbed").
 */
import { set } from './words';

/** Each stem with each ending: forms('sag erklär', 't te') → sagt sagte erklärt erklärte. */
function forms(stems: string, endings: string): string {
  const ends = endings.split(' ');
  return stems
    .split(' ')
    .flatMap((s) => ends.map((e) => s + e))
    .join(' ');
}

/** Verbs of saying: English, French, German, Spanish, Portuguese. */
export const SPEECH_VERB = set(
  [
    // English: regular verbs with -s, -ed, -ing; those ending in e; irregular ones.
    forms(
      'add explain ask insist claim warn recall remark comment suggest confirm complain shout yell whisper ' +
        'exclaim mutter boast vow predict maintain counter recount tweet post respond answer call wonder ' +
        'scream laugh sigh plead demand question confess reveal retort lament threaten reckon',
      ' s ed ing',
    ),
    forms(
      'note declare announce acknowledge continue observe concede joke promise urge describe state allege ' +
        'reiterate conclude agree argue muse propose',
      ' s d',
    ),
    forms(
      'not declar announc acknowledg continu observ conced jok promis urg describ stat alleg reiterat ' +
        'conclud argu mus propos',
      'ing',
    ),
    // Verbs of judging that report the words used: "accused the government of “dithering”",
    // "labelled the decision “a cop-out”", "dismissed the claims as “nonsense”".
    forms('accuse criticise criticize praise denounce', ' s d'),
    forms('accus criticis criticiz prais denounc', 'ing'),
    forms('condemn blast hail dismiss brand', ' s ed ing'),
    'slam slams slammed slamming label labels labelled labeled labelling labeling',
    'say says said saying tell tells told telling write writes wrote written writing speak speaks spoke ' +
      'speaking admit admits admitted admitting quip quipped reply replies replied replying testify ' +
      'testified stress stressed stressing emphasise emphasised emphasize emphasized cautioned cry cries ' +
      'cried crying',
    // French -er verbs: present and participle; then the others.
    forms(
      'déclar affirm estim expliqu ajout insist soulign assur indiqu précis confi racont rappel lanc martel ' +
        'annonc jug déplor regrett not observ dénonc plaid comment résum confirm qualifi témoign lâch gliss ' +
        'souffl tranch nuanc avanc ironis détaill',
      'e é',
    ),
    'dit dire disait poursuit conclut conclu reconnaît reconnu prévient prévenu répond répondu écrit admet ' +
      'admis promet promis avertit averti soutient soutenu réagit réagi considère considéré répète répété ' +
      's’exclame tweeté renchérit exclamé exclamée félicité félicitée réjoui réjouie indigné indignée insurgé ' +
      'insurgée inquiété inquiétée',
    // German weak verbs: -t -te (-et -ete after t or d); then strong ones.
    forms('sag erklär mein beton ergänz warn forder versicher bekräftig mahn twitter', 't te'),
    forms('bericht behaupt bezeichn', 'et ete'),
    'sagten gesagt erklärten schreibt schrieb unterstrich sprach fügte nennt nannte',
    // Spanish -ar verbs: preterite and present; then the others.
    forms(
      'afirm señal asegur explic declar indic agreg manifest coment destac subray apunt precis record ' +
        'denunci anunci expres habl cont relat sentenci puntualiz aclar lament critic calific',
      'ó a aron an',
    ),
    'dijo dice dijeron añadió añade sostuvo sostiene advirtió insistió escribió respondió reconoció pidió pide ' +
      'añadieron advirtieron insistieron sostuvieron respondieron reconocieron',
    // Portuguese -ar verbs: preterite and present; then the others.
    forms(
      'afirm declar explic acrescent ressalt destac cont avali coment inform alert lembr observ complet ' +
        'reforç anunci fris sublinh fal relat critic lament ponder question argument salient pontu classific',
      'ou a aram am',
    ),
    'disse diz disseram garantiu escreveu respondeu defendeu admitiu pediu pede garantiram responderam ' +
      'defenderam admitiram',
  ].join(' '),
);

/** "pointed out", "fügte hinzu": verbs that say only with their particle. */
export const PARTICLE_VERB = set('point points pointed');
export const VERB_PARTICLE = set('out hinzu');

/** Auxiliaries and adverbs that may stand between a subject and its verb of saying. */
export const AUX = set(
  'has have had was is were would will also then later again once a ont avait aussi également lui eux hat hatte ' +
    'auch ha había también tem',
);

/** Prepositions naming a source, token by token (the tokenizer splits the elision of "d’après"). */
export const SOURCE_PREP = ['according to', 'selon', 'd’ après', "d' après", 'laut', 'nach angaben', 'según', 'de acuerdo con', 'segundo', 'de acordo com'];

/** Word → value, from "word:value" pairs: a Map, so that no word finds Object.prototype ("constructor"). */
function table<V extends string>(pairs: string): Map<string, V> {
  return new Map(pairs.split(' ').map((p) => p.split(':') as [string, V]));
}

/** Subject pronouns: m(asculine), f(eminine), o(rganisation or thing), p(lural). */
export const PRONOUN = table<'m' | 'f' | 'o' | 'p'>(
  'he:m she:f it:o they:p il:m elle:f ils:p elles:p er:m sie:f él:m ella:f ele:m ela:f',
);

/** Object pronouns after a source preposition: "selon lui", "laut ihr", "according to her". */
export const OBJECT_PRONOUN = table<'m' | 'f' | 'p'>(
  'him:m her:f them:p lui:m elle:f eux:p ihm:m ihr:f él:m ella:f ele:m ela:f',
);

/**
 * Nouns for a person the article does not name ("the victim's mother said"), with the gender they
 * tell: a pronoun after such a speaker must not reach past them to someone named earlier.
 */
export const UNNAMED_PERSON = table<'m' | 'f' | ''>(
  'mother:f father:m wife:f husband:m daughter:f son:m sister:f brother:m woman:f man:m girl:f boy:m ' +
    'widow:f widower:m grandmother:f grandfather:m aunt:f uncle:m girlfriend:f boyfriend:m partner: ' +
    'friend: neighbour: neighbor: resident: witness: relative: victim: survivor: lawyer: attorney: ' +
    'spokesman:m spokeswoman:f spokesperson: official: source: officer: owner: worker: colleague: ' +
    'mère:f père:m femme:f mari:m fille:f fils:m sœur:f frère:m voisin:m voisine:f habitant:m habitante:f ' +
    'témoin: avocat:m avocate:f mutter:f vater:m frau:f mann:m tochter:f sohn:m anwalt:m anwältin:f ' +
    'zeuge:m zeugin:f nachbar:m nachbarin:f madre:f padre:m mujer:f hombre:m hija:f hijo:m hermana:f ' +
    'hermano:m vecino:m vecina:f abogado:m abogada:f testigo: mãe:f pai:m mulher:f homem:m filha:f ' +
    'filho:m irmã:f irmão:m vizinho:m vizinha:f advogado:m advogada:f testemunha:',
);

/** Honorifics and forms of address before a name, with the gender they tell. */
export const HONORIFIC = table<'m' | 'f' | ''>(
  'mr:m mrs:f ms:f miss:f dr: prof: m:m mme:f mlle:f monsieur:m madame:f herr:m frau:f sr:m sra:f ' +
    'señor:m señora:f dona:f sir:m lord:m lady:f professor: coach: pastor: reverend: rev: father:m ' +
    'sister:f rabbi: imam: bishop: ' +
    // Trades written before a name as if titles ("Nurse Emily Tran said…"): no part of the name.
    'nurse: teacher: farmer: student: resident: activist: lawyer: economist: historian: author: artist: ' +
    'actor:m actress:f singer: chef: doctor:',
);

/** Words right before a quotation that make it a term: a name, a title or a word mentioned. */
export const TERM_CUE = set(
  'called calls call calling dubbed dubs so-called nicknamed named titled entitled labelled labeled ' +
    'branded term word phrase slogan hashtag known sogenannte sogenannten genannt baptisé baptisée ' +
    'surnommé surnommée appelé appelée intitulé mot terme llamado llamada denominado apodado chamado ' +
    'chamada apelidado palavra palabra',
);

/**
 * Nouns that give voice to whoever a complement names: a document ("a statement from the
 * ministry", "a letter from Ann Roe") speaks for a person or an organisation, a spokesperson
 * ("a spokesman for Google") for an organisation. Any other noun ("a lawyer for", "the head of")
 * is someone the article does not name.
 */
export const DOCUMENT = set(
  'statement statements letter email e-mail post release communiqué memo message tweet video declaration ' +
    'déclaration lettre courrier erklärung mitteilung brief comunicado declaración carta nota',
);
export const SPOKESPERSON = set(
  'spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople representative representatives ' +
    'porte-parole sprecher sprecherin portavoz porta-voz',
);
