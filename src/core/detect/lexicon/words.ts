/**
 * Closed word classes the rules test tokens against (lower case): function words, months and
 * days, and the head words that make a capitalised run an organisation or a place rather than
 * a person. Space-separated strings: compact in the bundle.
 */
export const set = (s: string): Set<string> => new Set(s.split(' '));

/** Function words (EN, FR, DE, ES, PT) that start a sentence before a name: "In Lyon…", "Selon Paul…". */
export const STOP = set(
  'the a an and or but nor if as at by for from in into of on to with without about after before during ' +
    'since until while when where why how what who which this that these those there here it its he she ' +
    'they we i you his her their our my also however despite although though because so then yet even ' +
    'not no all some each every many most both like unlike among between against according today later ' +
    'earlier meanwhile instead perhaps still just only once thus tonight tomorrow yesterday now ' +
    'le la les l un une des du de d et ou mais si à au aux en dans par pour sur avec sans selon ce cette ' +
    'ces il elle ils elles on son sa ses qui que quand comme après avant depuis pendant parmi entre chez ' +
    'contre der die das den dem ein eine einen und oder aber wenn als bei für von vom zum zur im am auf ' +
    'aus mit nach seit laut er sie es auch el los las una y o pero al del con sin sobre según desde hasta ' +
    'cuando donde este esta él ella os um uma e ao do da dos das em no na nos nas com pelo pela segundo ' +
    'até ele ela ' +
    // Adverbs that open sentences before a name: "Después López Obrador…", "Depois Lula…".
    'afterwards puis ensuite enfin ainsi alors pourtant cependant hier aujourd’hui dann danach später heute ' +
    'gestern zudem außerdem jetzt después luego además también ayer hoy entonces ahora mientras aunque ' +
    'depois já ainda também ontem hoje então agora enquanto embora',
);

/** Months and days, English and German (capitalised there; lower case in the Romance languages). */
export const CALENDAR = set(
  'january february march april may june july august september october november december monday tuesday ' +
    'wednesday thursday friday saturday sunday januar februar märz juni juli oktober dezember montag ' +
    'dienstag mittwoch donnerstag freitag samstag sonntag',
);

/** Last (or first, before "of") words of organisation names. */
export const ORG_HEAD = set(
  'agency department committee council ministry office commission court house senate congress parliament ' +
    'assembly government administration party police service bureau authority board association institute ' +
    'university college school hospital union organisation organization corporation company inc ltd group ' +
    'bank fund foundation society club league network news times post press force army navy center centre ' +
    'church tribunal images bill act ministère assemblée conseil cour sénat gouvernement parti agence ' +
    'ministerium regierung bundestag partei gericht ministerio gobierno congreso partido ministério governo',
);

/** Common nouns that name an institution on their own ("the government said", "selon le parquet"). */
export const INSTITUTION = set(
  'government administration police ministry department agency committee council commission court army ' +
    'military prosecutors embassy union unions office gouvernement ministère parquet syndicat syndicats ' +
    'regierung polizei ministerium gobierno policía ministerio governo polícia',
);

/** Last words of place names, and first words that start one ("New", "South"). */
export const PLACE_HEAD = set(
  'street road avenue square island islands beach harbour harbor bay river lake mountains valley county ' +
    'city state states province region district kingdom republic airport station coast sea ocean gulf',
);
export const PLACE_FIRST = set(
  'new north south east west northern southern eastern western central united saint san santa los las ' +
    'port fort lake mount cape royal great',
);

/** Number words: "Marine One" or "Ninety Mile" are not people. */
export const NUMBER = set(
  'one two three four five six seven eight nine ten twenty thirty forty fifty sixty seventy eighty ninety ' +
    'hundred first second third',
);

/** Particles inside a person's name ("Hugo de la Cruz", "Ludwig van Beek", "Tariq bin Hamad"). */
export const NAME_PARTICLE = set('de la le du des da das do dos di del della van von der den ter ten zu bin ibn al el ben y');

/** Connectors inside an organisation's name ("Department of Health", "Committee on Ethics and Standards"). */
export const ORG_CONNECTOR = set('of for on and the de du des la le et für der del da do dos das y e');

/** Articles and possessive determiners. */
export const DETERMINER = set(
  "the a an his her their its le la l’ l' les un une des ses der die das den dem des ein eine einen einem " +
    'einer el los las o os um uma',
);
/** Definite articles, before "the mayor" or "the government". */
/**
 * Nouns that say what kind of person someone is — a party's member, a politician — and so stand
 * for a person named before ("said the Democrat"). Not "official" or "source": those are
 * people the article does not name.
 */
export const PERSON_NOUN = set(
  'democrat republican politician lawmaker legislator conservative socialist ' +
    'politiker politikerin abgeordnete abgeordneter parlamentarier parlamentarierin ' +
    'élu élue parlementaire político política legislador legisladora parlamentar dirigente',
);
/**
 * A nationality standing for a person named before ("said the Portuguese", "the Egyptian added"):
 * the common endings of demonyms, and those the endings miss. (Not "the Vatican", "the Taliban".)
 */
export const DEMONYM = /(?:ian|ean|ese|man|ard|i)$/u;
export const DEMONYM_WORD = set(
  'american mexican moroccan kenyan ugandan cuban german dutchman scot swede dane pole turk greek thai argentine ' +
    'filipino brit',
);
export const DEFINITE = set("the le la l’ l' les der die el los las o os a il");
/** Words that open a complement after a title or a name ("of", "de la"). */
export const COMPLEMENT = set("of for to de du des d’ d' für del da do dos das");
export const COORDINATOR = set('and et und y e');
