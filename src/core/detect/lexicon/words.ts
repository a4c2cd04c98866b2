/**
 * Closed word classes the rules test tokens against (lower case): function words that start
 * sentences, months and days, and the head words that make a capitalised run an organisation
 * or a place rather than a person. Kept as space-separated strings: compact in the bundle.
 */
export const set = (s: string): Set<string> => new Set(s.split(' '));

/** Function words (EN, FR, DE, ES, PT) that are capitalised only because a sentence starts with them. */
export const STOP = set(
  'the a an and or but nor if as at by for from in into of off on onto to with without about above after ' +
    'against along among around before behind below beneath beside between beyond during except inside ' +
    'near over since than through throughout toward towards under until upon via while when whenever where ' +
    'why how what who whom whose which this that these those there here it its he she they we i you his her ' +
    'their our my your him them us me also however despite although though because so then thus yet still ' +
    'even just only not no yes all any some each every many much more most other such both either neither ' +
    'once later earlier meanwhile instead indeed perhaps today yesterday tomorrow tonight now according ' +
    'le la les l un une des du de d et ou mais si à au aux en dans par pour sur sous avec sans selon ce cet ' +
    'cette ces il elle ils elles on nous vous je son sa ses leur leurs qui que quoi dont où quand comme ' +
    'plus très aussi ainsi alors donc puis pas ne ni tout tous toute toutes lors après avant depuis pendant ' +
    'parmi entre chez vers contre cependant pourtant dès ' +
    'der die das den dem ein eine einen einem einer eines und oder aber wenn als bei für von vom zum zur im ' +
    'am auf aus mit nach seit bis weil dass ob wie wo was wer er sie es wir ihr ich auch noch nur nicht kein ' +
    'keine dann doch schon laut ' +
    'el los las unos unas y o pero al del con por para sin sobre según desde hasta cuando donde quien este ' +
    'esta estos estas ese esa él ella ellos ellas su sus también muy más ya ' +
    'os um uma e ao aos à às do da dos das em no na nos nas com pelo pela sem segundo até quem ele ela eles ' +
    'elas seu sua seus suas também muito mais já não',
);

/** Months and days, English and German (capitalised there; lower case in the Romance languages). */
export const CALENDAR = set(
  'january february march april may june july august september october november december jan feb mar apr ' +
    'jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday januar februar ' +
    'märz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag',
);

/** Last (or first, before "of") words of organisation names. */
export const ORG_HEAD = set(
  'agency department committee council ministry office commission court house senate congress parliament ' +
    'assembly government administration party police service services bureau authority board association ' +
    'institute institution university college school hospital union organisation organization corporation ' +
    'company inc ltd llc group bank fund foundation society club league network news times post press ' +
    'journal force forces army navy center centre church tribunal images reuters bill act treaty team ' +
    'ministère assemblée conseil cour sénat gouvernement parti agence ministerium regierung bundestag partei ' +
    'gericht ministerio gobierno congreso partido ministério governo câmara senado',
);

/** Nouns that stand for an institution when used alone ("the government said", "police say"). */
export const INSTITUTION = set(
  'government administration police ministry department agency committee council commission court army ' +
    'military prosecutors prosecution embassy kremlin pentagon gouvernement ministère police justice parquet ' +
    'élysée regierung polizei ministerium staatsanwaltschaft gobierno policía ministerio fiscalía governo ' +
    'polícia ministério',
);

/** Last words of place names, and first words that start one ("New", "South"). */
export const PLACE_HEAD = set(
  'street road avenue square park island islands beach harbour harbor bay river lake mountain mountains ' +
    'valley county city state states province region district kingdom republic airport station bridge ' +
    'coast sea ocean gulf peninsula desert hills heights',
);
export const PLACE_FIRST = set(
  'new north south east west northern southern eastern western central upper lower united saint san santa ' +
    'los las port fort lake mount cape royal great greater le la',
);

/** Number words: "Marine One" or "Ninety Mile" are not people. */
export const NUMBER = set(
  'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy ' +
    'eighty ninety hundred thousand first second third',
);

/** Particles inside a person's name ("Laure de la Raudière", "Ludwig van Beethoven", "Osama bin Laden"). */
export const NAME_PARTICLE = set('de la le du des da das do dos di del della van von der den ter ten zu bin ibn al el ben y');

/** Connectors inside an organisation's name ("Department of Conservation", "Committee on Intelligence and Security"). */
export const ORG_CONNECTOR = set('of for on and the de du des la le et für der del da do dos das y e');
