/**
 * Finds the public role the article gives a name occurrence, by the patterns newsrooms use:
 * title before the name ("Ohio Governor Ellen R. Marsh", "Sen. Carl Owens", "Minister for
 * Foreign Affairs Penny Wu"), appositive after ("Jane Roe, the city's police chief") or before
 * ("the country's president, Ahmed al-Rashid"), a relative clause ("X, who chairs the Senate
 * Transportation Committee"), a party tag ("Tammy Ruiz, D-Ore."), and a plural title shared by
 * coordinated names ("cabinet ministers A and B").
 */
import { COMPLEMENT, DEFINITE, DETERMINER, INSTITUTION, ORG_HEAD, set } from './lexicon/words';
import type { NameOcc } from './names';
import { PARTY_TAG } from './lexicon/titles';
import { rolePhrase, type Role } from './role-phrase';
import { titleAt } from './titles';
import type { Token } from './tokens';

export interface FoundRole {
  text: string;
  /** First token of the mention when the role stands before the name, else the name's own start. */
  mentionStart: number;
  plural: boolean;
  gender: 'm' | 'f' | '';
  /** Lower-case title words, for "the mayor" to find its holder. */
  heads: string[];
}

/** Posts that "the" makes unique before an appositive name ("the president, Ana Lima"). */
const UNIQUE_POST = set('president chancellor vice-president président präsident presidente');
/** Words that end an appositive role ("député socialiste … qui a voté contre"). */
const CLAUSE_END = set('who which that qui que dont der die welche quien and et und y e but mais');
const WHO_VERBS = new Map(
  Object.entries({
    advises: 'adviser to', advised: 'adviser to', chairs: 'chair of', chaired: 'chair of', heads: 'head of',
    headed: 'head of', leads: 'leader of', led: 'leader of', represents: 'representative of', directs: 'director of',
    runs: 'head of', préside: 'président de', dirige: 'directeur de', leitet: 'Leiter von', preside: 'presidente de',
  }),
);
/** A party, "elect" or a level of government between a title and the name: "députée écologiste",
 *  "presidente eleito", "deputada federal". */
const PARTY_ADJECTIVE =
  /(?:iste|ista|istes|istas|ain|aine|ano|ana|ien|ienne|ino|ina|eiro|eira|ês|és|esa|ais|aise|eño|eña|ense)$|^(?:elect|electo|electa|eleito|eleita|élue?|federal|estadual|municipal|distrital|regional|nacional|provincial|general|geral|interino|interina|adjunto|adjunta|suplente)$/u;

function valid(role: Role): boolean {
  return role.qualified && role.public;
}

function found(role: Role, mentionStart: number, toks: readonly Token[]): FoundRole {
  const m = role.title;
  return {
    text: role.text,
    mentionStart,
    plural: m.plural,
    gender: m.info.gender,
    heads: toks.slice(m.i, m.j).map((t) => ABBR_HEAD.get(t.w) ?? t.w.replace(/s$/u, '')),
  };
}

/** What an abbreviated title stands for, so that "the governor" finds "Gov. JB Pritzker". */
const ABBR_HEAD = new Map(
  Object.entries({
    gov: 'governor', sen: 'senator', rep: 'representative', supt: 'superintendent', gen: 'general', col: 'colonel',
    lt: 'lieutenant', sgt: 'sergeant', capt: 'captain', maj: 'major', adm: 'admiral', cmdr: 'commander',
    det: 'detective', insp: 'inspector', cllr: 'councillor', ald: 'alderman', brig: 'brigadier', cpl: 'corporal',
  }),
);

/** Title ending right before the name, or followed by a capitalised complement ("Secretary of State"). */
function before(text: string, toks: readonly Token[], occ: NameOcc): FoundRole | null {
  const start = occ.honorific >= 0 ? occ.honorific : occ.i;
  for (let k = Math.max(0, start - 6); k < start; k++) {
    const m = titleAt(toks, k);
    if (!m || m.j > start) continue;
    const gap = toks.slice(m.j, start);
    // "Minister for Foreign Affairs Penny Wong": a capitalised complement, then the name (in
    // "ministra de Hacienda" the capitalised word is the complement, not a name).
    const inComplement = (t: Token): boolean => t.cap || t.caps || COMPLEMENT.has(t.w) || t.w === 'the';
    // (A title in the gap is the name's own: "a spokesman for Senator Ray Dunn".)
    const complement =
      gap.length > 0 && COMPLEMENT.has(gap[0]!.w) && gap.some((t) => t.cap || t.caps) && gap.every(inComplement) && !gap.some((_, n) => titleAt(toks, m.j + n));
    // "la députée écologiste Inès Carpentier", "el diputado socialista …", "le sénateur LR …":
    // a party after the title (never "the mayor told Smith").
    const party = gap.length === 1 && (gap[0]!.caps || PARTY_ADJECTIVE.test(gap[0]!.w));
    if (gap.length > 0 && !complement && !party) continue;
    if (toks.slice(k, start).some((t) => t.sent !== toks[occ.i]!.sent || t.q !== toks[occ.i]!.q)) continue;
    const role = rolePhrase(text, toks, m, start);
    // A plural title goes before full names ("cabinet ministers Anna Pohl and…"), not "députés Front".
    if (m.plural && occ.words.length < 2) continue;
    if (valid(role)) return found(role, role.i, toks);
  }
  return null;
}

/** "Name, [the] role[, …]": the role phrase up to the end of the appositive. */
function after(text: string, toks: readonly Token[], occ: NameOcc): FoundRole | null {
  if (toks[occ.j]?.t !== ',') return null;
  let k = occ.j + 1;
  if (toks[k] && DETERMINER.has(toks[k]!.w)) k++;
  for (let n = k; n < k + 5 && n < toks.length; n++) {
    const t = toks[n]!;
    if (t.k !== 'w' || t.sent !== toks[occ.i]!.sent) break;
    const m = titleAt(toks, n);
    if (!m) continue;
    // "France Inter, le Premier ministre Michel Barnier…": a title with its own name after it.
    if (toks[m.j]?.cap && toks[m.j]!.k === 'w' && !toks[m.j]!.init) break;
    let end = m.j;
    while (end < toks.length && end < m.j + 8) {
      const u = toks[end]!;
      if (u.k === 'p' && u.t !== '’' && u.t !== "'") break;
      if (u.sent !== t.sent || CLAUSE_END.has(u.w) || u.q >= 0) break;
      end++;
    }
    // A complement only when it hangs on the title ("mayor of Lyon", "député socialiste");
    // a plural ("Fairfax, representatives of…") describes a group, not this person.
    if (m.plural) break;
    const role = rolePhrase(text, toks, m, end);
    const lead = toks.slice(k, role.i);
    if (lead.length > 0) break;
    if (valid(role)) return found(role, occ.honorific >= 0 ? occ.honorific : occ.i, toks);
    break;
  }
  return null;
}

/** "[the] role, Name": the role phrase ends at the comma right before the name. */
function appositiveBefore(text: string, toks: readonly Token[], occ: NameOcc): FoundRole | null {
  // (An honorific may open the name: "The Liberal Democrat leader, Sir Ed Davey".)
  const comma = (occ.honorific >= 0 ? occ.honorific : occ.i) - 1;
  if (toks[comma]?.t !== ',') return null;
  // The phrase's head is its first title with a complement up to the comma: "a spokeswoman for
  // the governor, Leah Ortega", "la ministre de la Culture, Rima Abdel".
  let from = comma - 1;
  const inPhrase = (t: Token): boolean => t.k === 'w' && t.sent === toks[occ.i]!.sent && t.q < 0;
  while (from > 0 && from > comma - 6 && inPhrase(toks[from - 1]!)) from--;
  for (let k = from; k < comma; k++) {
    const m = titleAt(toks, k);
    if (!m || m.j > comma) continue;
    const gap = toks.slice(m.j, comma);
    // (A nationality or a party after a Romance title: "El presidente argentino, Javier Milei".)
    const adjective = gap.length === 1 && !gap[0]!.cap && PARTY_ADJECTIVE.test(gap[0]!.w);
    if (m.plural || (gap.length > 0 && !COMPLEMENT.has(gap[0]!.w) && !adjective)) continue;
    const role = rolePhrase(text, toks, m, comma);
    // "the chancellor, Rachel Reeves": the post of a head of state or of the treasury, made
    // unique by the article, needs no other qualifier.
    const unique = m.j === comma && UNIQUE_POST.has(toks[m.i]!.w) && DEFINITE.has(toks[m.i - 1]?.w ?? '') && role.i === m.i;
    if (role.public && (role.qualified || unique)) return found(role, comma + 1, toks);
  }
  return null;
}

/** "Name, who chairs the Senate Transportation Committee": a post held, said with a verb. */
function whoClause(text: string, toks: readonly Token[], occ: NameOcc): FoundRole | null {
  // "Alicia Grant, D-Springfield, who chairs…": a party tag may stand between.
  const stop = toks[occ.j + 2]?.t === '.' ? 1 : 0; // "D-Ill., who…"
  const j = PARTY_TAG.test(toks[occ.j + 1]?.t ?? '') && toks[occ.j + 2 + stop]?.t === ',' ? occ.j + 2 + stop : occ.j;
  const [comma, who, verb] = [toks[j], toks[j + 1], toks[j + 2]];
  if (comma?.t !== ',' || !who || !['who', 'qui', 'der', 'die', 'quien', 'que'].includes(who.w) || !verb) return null;
  const noun = WHO_VERBS.get(verb.w);
  if (!noun) return null;
  let end = j + 3;
  while (end < toks.length && end < j + 15 && toks[end]!.k !== 'p' && toks[end]!.sent === verb.sent) end++;
  const object = toks.slice(j + 3, end);
  const official = object.some((t, n) => ORG_HEAD.has(t.w) || INSTITUTION.has(t.w) || titleAt(toks, j + 3 + n) !== null);
  if (!official || object.length === 0) return null;
  const rest = text.slice(object[0]!.s, object[object.length - 1]!.e).replace(/^(?:the|la|le|l’|l')\s*/u, '');
  const heads = [noun.split(' ')[0]!.toLowerCase()];
  return { text: `${noun} ${rest}`, mentionStart: occ.i, plural: false, gender: '', heads };
}

/** "Tammy Ruiz, D-Ore.": a legislator's party and state. */
function partyTag(toks: readonly Token[], occ: NameOcc): FoundRole | null {
  const [comma, tag] = [toks[occ.j], toks[occ.j + 1]];
  if (comma?.t !== ',' || !tag) return null;
  const next = toks[occ.j + 2];
  const written = tag.t + (next?.t === '.' ? '.' : '');
  if (!PARTY_TAG.test(written)) return null;
  return { text: 'legislator', mentionStart: occ.i, plural: false, gender: '', heads: ['legislator'] };
}

/** "Tom Hale MP", "Ann Lee MSP": a post written after the name in capitals. */
function postNominal(toks: readonly Token[], occ: NameOcc): FoundRole | null {
  const t = toks[occ.j];
  const m = t?.caps && !toks[occ.j - 1]!.poss ? titleAt(toks, occ.j) : null;
  if (!t || !m || m.info.need || m.j !== occ.j + 1) return null;
  return { text: t.t, mentionStart: occ.honorific >= 0 ? occ.honorific : occ.i, plural: false, gender: '', heads: [t.w] };
}

/** The role given at this occurrence, if any. */
export function roleAt(text: string, toks: readonly Token[], occ: NameOcc): FoundRole | null {
  return (
    before(text, toks, occ) ??
    appositiveBefore(text, toks, occ) ??
    after(text, toks, occ) ??
    whoClause(text, toks, occ) ??
    partyTag(toks, occ) ??
    postNominal(toks, occ)
  );
}
