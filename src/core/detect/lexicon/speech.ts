/**
 * The words that attribute speech: verbs of saying in every form the rules meet them (finite,
 * participle after "a"/"has"), the prepositions that name a source ("according to", "selon"),
 * the subject pronouns a speaker may be referred to by, and the words that mark a quotation as a
 * term rather than speech ("so-called", "dubbed").
 */
import { set } from './words';

/** Verbs of saying: English, French, German, Spanish, Portuguese. */
export const SPEECH_VERB = set(
  // English
  'say says said saying tell tells told add adds added write writes wrote written tweet tweets tweeted ' +
    'post posted explain explains explained note notes noted ask asks asked reply replies replied respond ' +
    'responds responded answer answered argue argues argued insist insists insisted claim claims claimed ' +
    'declare declares declared announce announces announced admit admits admitted acknowledge acknowledged ' +
    'warn warns warned continue continues continued recall recalls recalled remark remarked comment ' +
    'commented observe observed suggest suggested stress stressed emphasise emphasised emphasize ' +
    'emphasized concede conceded confirm confirmed complain complained shout shouted yell yelled whisper ' +
    'whispered exclaim exclaimed mutter muttered joke joked quip quipped boast boasted vow vowed promise ' +
    'promised predict predicted urge urged testify testified describe describes described state states ' +
    'stated maintain maintains maintained allege alleged counter countered reiterate reiterated speak ' +
    'speaks spoke recount recounted conclude concluded cautioned agree agreed wonder wondered ' +
    // French
    'dit dire disait déclare déclaré affirme affirmé estime estimé explique expliqué ajoute ajouté insiste ' +
    'insisté souligne souligné assure assuré indique indiqué précise précisé confie confié raconte raconté ' +
    'poursuit conclut conclu rappelle rappelé lance lancé martèle martelé annonce annoncé considère ' +
    'considéré juge jugé déplore déploré regrette regretté reconnaît reconnu prévient prévenu note noté ' +
    'observe observé répond répondu répète répété écrit tweeté dénonce dénoncé admet admis promet promis ' +
    'avertit averti plaide plaidé soutient soutenu réagit réagi commente commenté résume résumé confirme ' +
    'confirmé témoigne s’exclame ' +
    // German
    'sagt sagte sagten gesagt erklärt erklärte erklärten meint meinte betont betonte ergänzt ergänzte ' +
    'berichtet berichtete schreibt schrieb warnt warnte fordert forderte behauptet behauptete versichert ' +
    'versicherte unterstrich bekräftigte mahnte sprach twitterte fügte ' +
    // Spanish
    'dijo dice dijeron afirmó afirma señaló señala aseguró asegura explicó explica añadió añade declaró ' +
    'declara indicó indica agregó agrega sostuvo sostiene manifestó comentó advirtió destacó subrayó ' +
    'insistió escribió respondió apuntó precisó reconoció recordó expresó denunció anunció ' +
    // Portuguese
    'disse diz disseram afirmou declarou explicou acrescentou ressaltou destacou garantiu contou escreveu ' +
    'respondeu avaliou comentou informou defendeu alertou lembrou observou completou reforçou admitiu ' +
    'anunciou frisou sublinhou',
);

/** Particles that belong to a verb of saying ("pointed out", "fügte hinzu"). */
export const VERB_PARTICLE = set('out hinzu');
/** Verbs that say only with a particle ("pointed out"). */
export const PARTICLE_VERB = set('point points pointed');

/** Auxiliaries and adverbs that may stand between a subject and its verb of saying. */
export const AUX = set(
  'has have had was is were would will also then later previously recently again further once ' +
    'a ont avait avaient aussi également encore hat haben hatte auch ha han había también ainda já tem têm',
);

/** Prepositions naming a source; the multiword ones are matched token by token. */
export const SOURCE_PREP = ['according to', 'selon', 'd’après', "d'après", 'laut', 'según', 'segundo', 'de acordo com'];

/** Subject pronouns: m(asculine), f(eminine), o(rganisation or thing), p(lural). */
export const PRONOUN: Record<string, 'm' | 'f' | 'o' | 'p'> = {
  he: 'm', she: 'f', it: 'o', they: 'p', il: 'm', elle: 'f', ils: 'p', elles: 'p', er: 'm', sie: 'f',
  él: 'm', ella: 'f', ele: 'm', ela: 'f',
};

/** Honorifics before a name, with the gender they tell. */
export const HONORIFIC: Record<string, 'm' | 'f' | ''> = {
  mr: 'm', mister: 'm', mrs: 'f', ms: 'f', miss: 'f', dr: '', prof: '', m: 'm', mme: 'f', mlle: 'f',
  monsieur: 'm', madame: 'f', herr: 'm', frau: 'f', sr: 'm', sra: 'f', señor: 'm', señora: 'f', dom: 'm',
  dona: 'f', sir: 'm', dame: 'f', lord: 'm', lady: 'f',
};

/** Words right before a quotation that make it a term: a name, a title or a word mentioned. */
export const TERM_CUE = set(
  'called dubbed so-called nicknamed named titled entitled labelled labeled branded term word phrase ' +
    'slogan hashtag motto known sogenannte sogenannten sogenannter genannt dénommé dénommée baptisé ' +
    'baptisée surnommé surnommée appelé appelée intitulé intitulée mot terme llamado llamada denominado ' +
    'denominada apodado apodada conocido chamado chamada apelidado apelidada palavra palabra',
);
