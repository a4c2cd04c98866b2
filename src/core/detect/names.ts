/**
 * The proper-noun chunker: capitalised runs of tokens (with initials "J.B.", particles "de la",
 * "bin", "al-", hyphens and apostrophes), split at titles and honorifics, and classed as a
 * person's name or an organisation's. Sentence-initial common words, months, days, numbers and
 * place names are filtered out with small word lists and one cue from the article itself: a
 * capitalised word that also occurs in lower case is an ordinary word starting a sentence.
 */
import { HONORIFIC } from './lexicon/speech';
import { PARTY_TAG, TITLE_MODIFIER } from './lexicon/titles';
import {
  CALENDAR,
  COORDINATOR,
  DETERMINER,
  NAME_PARTICLE,
  NUMBER,
  ORG_CONNECTOR,
  ORG_HEAD,
  PLACE_FIRST,
  PLACE_HEAD,
  set,
  STOP,
} from './lexicon/words';

/** Articles that open place and family names when capitalised mid-sentence. */
const DEFINITE_ARTICLE = set('los las el la le les des del der die das');
import { titleAt } from './titles';
import type { Token } from './tokens';
import { speechVerbAt } from './verbs';

export interface NameOcc {
  /** Token range of the name proper (titles and honorifics left out). */
  i: number;
  j: number;
  /** The name as written, without a possessive "'s". */
  text: string;
  /** Lower-case tokens of the name, particles and initials included. */
  words: string[];
  /** Gender told by an honorific before it ("Mr", "Ms."), if any. */
  gender: 'm' | 'f' | '';
  /** Preceded by an honorific (its token index), or -1. */
  honorific: number;
}

interface Part {
  i: number;
  j: number;
  honorific: number;
}

export interface OrgOcc {
  i: number;
  j: number;
  text: string;
  words: string[];
}

const ARABIC_PREFIX = /^(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|ben)[-‐'’]\p{Lu}/u;
/** Words a person's name stops at: "Ana Ruiz of Riverside". */
const SPLITTERS = set('of for on the für');
/** A regnal number: "King Charles III". */
const ROMAN = /^[IVX]+$/u;
const CONTRACTION = /['’](?:re|ll|ve|d|m|t)$/iu;
/** Sentence-initial participles and gerunds ("Talking about…", "Dubbed…") are not names. */
const VERB_FORM = /(?:ing|ed)$/u;

/** A capitalised word that may be part of a name: the tests are asked of most tokens many times,
 *  so each regular expression runs only where a character shows it could match. */
function capital(t: Token): boolean {
  if (t.k !== 'w') return false;
  const s = t.t;
  if (!(t.cap || t.caps || (isArabicStart(s.charCodeAt(0)) && (isJoin(s.charCodeAt(2)) || isJoin(s.charCodeAt(3))) && ARABIC_PREFIX.test(s)))) {
    return false;
  }
  const n = s.length;
  const contraction = n > 2 && (isApostrophe(s.charCodeAt(n - 2)) || isApostrophe(s.charCodeAt(n - 3)));
  return !(contraction && CONTRACTION.test(s)) && !(s.charCodeAt(1) === 45 && PARTY_TAG.test(s));
}

/** First letters of the Arabic prefixes ("al-", "bin", "ibn", "abu"…): a e b i. */
const isArabicStart = (code: number): boolean => code === 97 || code === 101 || code === 98 || code === 105;
const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019;
/** The characters between an Arabic prefix and the name: - ‐ ' ’. */
const isJoin = (code: number): boolean => code === 45 || code === 0x2010 || isApostrophe(code);

/** End of the name's text: a possessive "'s" is not part of it. */
export function nameEnd(tok: Token): number {
  return tok.poss ? tok.e - 2 : tok.e;
}

/** Punctuation after which a word starts a sentence as good as (a punctuation token is one character). */
const OPENERS = new Set([...'“"‘\'«»„‚([:—–']);

export function isSentenceStart(toks: readonly Token[], i: number): boolean {
  const prev = toks[i - 1];
  // A straight mark ("), or a guillemet in either style, opens a quote only if the word is in it:
  // after '"…," Snelling told' the mark closes one.
  return !prev || prev.sent !== toks[i]!.sent || (prev.k === 'p' && OPENERS.has(prev.t) && (prev.q < 0 || prev.q === toks[i]!.q));
}

/** Which of `words` the article writes in lower case, in one pass that hashes few tokens. */
function writtenInLowerCase(toks: readonly Token[], words: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (words.size === 0) return found;
  // By first code unit (its low byte) and length, so that most tokens are passed over without hashing them.
  const shapes = new Uint8Array(256 * 64);
  const shape = (w: string): number => (w.charCodeAt(0) & 255) * 64 + Math.min(w.length, 63);
  for (const w of words) shapes[shape(w)] = 1;
  for (const t of toks) {
    if (t.k !== 'w' || t.cap || t.caps || shapes[shape(t.w)] === 0) continue;
    if (words.has(t.w)) found.add(t.w);
  }
  return found;
}

/** Finds the person names and organisation names of the article. */
export function chunk(text: string, toks: readonly Token[]): { names: NameOcc[]; orgs: OrgOcc[] } {
  /** Lone capitalised words opening a sentence: dropped at the end if the article also writes them in lower case. */
  const opening = new Set<NameOcc>();
  /** Where a lone word opening a sentence looks like a participle ("Talking", "Dubbed"). */
  const verbForms = new Set<number>();
  let names: NameOcc[] = [];
  const orgs: OrgOcc[] = [];

  for (let i = 0; i < toks.length; ) {
    if (!capital(toks[i]!)) {
      i++;
      continue;
    }
    // The run: capitals and initials, with particles or connectors between capitals.
    let j = i + 1;
    while (j < toks.length && !toks[j - 1]!.poss) {
      const t = toks[j]!;
      if (t.q !== toks[i]!.q || t.sent !== toks[i]!.sent) break;
      if (capital(t)) {
        j++;
        continue;
      }
      let k = j;
      const joins = (u: Token | undefined): boolean =>
        u !== undefined && u.k === 'w' && !u.cap && (NAME_PARTICLE.has(u.w) || ORG_CONNECTOR.has(u.w));
      while (k < j + 3 && joins(toks[k])) k++;
      if (k > j && toks[k] && capital(toks[k]!) && toks[k]!.q === toks[i]!.q) j = k + 1;
      else break;
    }
    classify(i, j);
    i = j;
  }
  // A lone capitalised word opening a sentence that the article also writes in lower case
  // ("Critics said…", "critics") is an ordinary word.
  const common = writtenInLowerCase(toks, new Set([...opening].map((n) => n.words[0]!)));
  if (common.size > 0) names = names.filter((n) => !(opening.has(n) && common.has(n.words[0]!)));
  // A lone capitalised word opening a sentence ("Flights to…") is a name only if the article
  // uses it as one elsewhere ("Whitlock's plan…" after "Mayor Dana Whitlock").
  const named = new Set<string>();
  for (const n of names) if (n.words.length > 1 || !isSentenceStart(toks, n.i)) n.words.forEach((w) => named.add(w));
  const keep = (n: NameOcc): boolean =>
    // "Dubbed…" and "Talking about…" are no names; "Snelling" and "Ahmed" are, once named in full.
    (verbForms.has(n.i) ? named.has(n.words[0]!) : true) &&
    (n.words.length > 1 ||
    n.honorific >= 0 ||
    named.has(n.words[0]!) ||
    !isSentenceStart(toks, n.i) ||
    // "Merkel said…" (but not "Critics said…", plural nouns and all)
    (speechVerbAt(toks, n.j) >= 0 && !n.text.endsWith('s')));
  return { names: names.filter(keep), orgs };

  /**
   * A capitalised article inside a sentence, before another capital, belongs to a name: "Los
   * Angeles", "El Paso", "Le Pen", "Des Moines" (at a sentence's start it is only an article).
   */
  function articleInName(k: number): boolean {
    const t = toks[k]!;
    return t.cap && DEFINITE_ARTICLE.has(t.w) && !isSentenceStart(toks, k) && capital(toks[k + 1] ?? t) && toks[k + 1] !== undefined;
  }

  function classify(i: number, j: number): void {
    // Leading function words, months and days are no part of a name ("In", "On Saturday").
    while (i < j && ((STOP.has(toks[i]!.w) && !articleInName(i)) || CALENDAR.has(toks[i]!.w) || !capital(toks[i]!))) i++;
    if (i >= j) return;
    // Two organisations coordinated: "the Food Agency and the County Council".
    for (let k = i + 1; k < j - 1; k++) {
      if (COORDINATOR.has(toks[k]!.w) && (ORG_HEAD.has(toks[k - 1]!.w) || DETERMINER.has(toks[k + 1]!.w))) {
        classify(i, k);
        classify(k + 1, j);
        return;
      }
    }
    // Coordinated names: "Anna Pohl and Victor Sarr", "Mr. Ken Ito and Ms Rhea Das"; but
    // "Committee on Ethics and Standards" and "Immigration and Customs Enforcement" are one name.
    const parts: [number, number][] = [];
    let s = i;
    for (let k = i + 1; k < j; k++) {
      if (!COORDINATOR.has(toks[k]!.w) || toks[k]!.cap) continue;
      parts.push([s, k]);
      s = k + 1;
    }
    parts.push([s, j]);
    const split = parts.map(([a, b]) => part(a, b, parts.length > 1));
    if (parts.length === 1 && (split[0] === 'org' || split[0] === null) && personOfOrg(i, j)) return;
    if (split.some((p) => p === 'org' || p === null)) {
      if (isOrgRun(i, j)) addOrg(i, j);
      // "Labour MP Diane Abbott and Conservative leader…": the run stops at a lone word that begins
      // the next phrase; the full names before it still stand.
      else if (split[split.length - 1] === null && split.slice(0, -1).every((p) => p && p !== 'org')) {
        for (const p of split) if (p && p !== 'org') addName(p.i, p.j, p.honorific);
      }
      return;
    }
    for (const p of split) if (p !== 'org' && p !== null) addName(p.i, p.j, p.honorific);
  }

  /**
   * "Chief Constable Ann Kerr of Merseyside Police", "Nancy Ortiz of the Sierra Club": a person
   * named before "of" and an organisation. The name must be two words or more, or come after a
   * title or an honorific, with no head word of its own ("Royal College of Nursing" is one
   * organisation), and what follows must be an organisation ("American Academy of Pediatrics" is one too).
   */
  function personOfOrg(i: number, j: number): boolean {
    for (let k = i + 2; k < j - 1; k++) {
      if (toks[k]!.w !== 'of' || toks[k]!.cap) continue;
      const p = part(i, k, false);
      if (!p || p === 'org' || isOrgRun(i, k) || !isOrgRun(k + 1, j)) return false;
      if (p.j - p.i < 2 && p.honorific < 0 && p.i === i) return false;
      const before = names.length;
      addName(p.i, p.j, p.honorific);
      if (names.length === before) return false;
      classify(k + 1, j);
      return true;
    }
    return false;
  }

  /** An organisation ends with its head word ("Food Safety Agency") or puts it before a
   *  complement ("Department of Health"); "Bill Turner" is a person. */
  function isOrgRun(i: number, j: number): boolean {
    for (let k = i; k < j; k++) {
      if (ORG_HEAD.has(toks[k]!.w) && (k === j - 1 || ORG_CONNECTOR.has(toks[k + 1]!.w))) return true;
    }
    return false;
  }

  /** One part: an organisation, a name (after its titles), or null for a lone word coordinated with others. */
  function part(i: number, j: number, coordinated: boolean): 'org' | Part | null {
    while (i < j && ((STOP.has(toks[i]!.w) && !articleInName(i)) || !capital(toks[i]!))) i++;
    if (i >= j) return null;
    // Split after the last title or honorific that has a name after it.
    let start = i;
    let honorific = -1;
    for (let k = i; k < j; k++) {
      // A title word in an organisation's complement is part of its name: "Institute for Fiscal Studies".
      if (k > i && ORG_CONNECTOR.has(toks[k - 1]!.w) && !toks[k - 1]!.cap) continue;
      const m = titleAt(toks, k);
      // An honorific; a one-letter one ("M.") only first, not "Donald M. Carter"'s initial.
      const h = toks[k]!.w.length > 1 || k === i ? HONORIFIC.get(toks[k]!.w) : undefined;
      const end = m ? m.j : h !== undefined && (toks[k]!.abbr || toks[k]!.cap) ? k + 1 : -1;
      if (end > k && end < j && capital(toks[end]!)) {
        start = end;
        honorific = m ? -1 : k;
        k = end - 1;
      }
    }
    if (isOrgRun(start, j)) return start === i ? 'org' : null;
    // After an article, a capitalised first word is a noun (German capitalises them all): "der
    // Oppositionsführer Jens Albrecht", "die Grünen-Politikerin …".
    if (start === i && j - i > 2 && DETERMINER.has(toks[i - 1]?.w ?? '') && !toks[i]!.init) start++;
    // "Secretary of Defense Lloyd Austin", "Minister for Foreign Affairs Penny Wong": a title's
    // complement, then the name.
    const lead = titleAt(toks, start);
    if (start === i && lead && SPLITTERS.has(toks[lead.j]?.w ?? '')) {
      start = lead.j + 1;
      while (start < j - 1 && (TITLE_MODIFIER.has(toks[start]!.w) || !capital(toks[start]!))) start++;
    }
    // "Ana Ruiz of Riverside": the name stops at a connector.
    let end = start;
    while (end < j && !(SPLITTERS.has(toks[end]!.w) && !toks[end]!.cap)) end++;
    if (coordinated && end - start < 2 && start === i && honorific < 0) return null;
    return { i: start, j: end, honorific };
  }

  function addName(i: number, j: number, honorific: number): void {
    // A party or agency acronym before a name is no part of it ("le PS Hugo de la Cruz"); but
    // after a title or an honorific, two capitals before a surname are initials ("Gov. JB Pritzker").
    const initials = j - i === 2 && toks[i]!.caps && toks[i]!.t.length === 2 && toks[i + 1]!.cap && (honorific >= 0 || titleEndsAt(i));
    while (i < j && !initials && (!capital(toks[i]!) || toks[i]!.caps)) i++;
    while (j > i && !capital(toks[j - 1]!)) j--;
    // Post-nominal letters are no part of the name: "Jane Carter KC", "Tom Hale MP", "Ann Lee OBE".
    while (j > i + 2 && toks[j - 1]!.caps && !ROMAN.test(toks[j - 1]!.t)) j--;
    // "Chevron CEO Mike Wirth": an acronym inside the run (a company's post) ends what precedes
    // the name, when a name of two words or more follows it.
    for (let k = j - 3; k > i; k--) {
      if (!toks[k]!.caps || ROMAN.test(toks[k]!.t)) continue;
      i = k + 1;
      break;
    }
    if (i >= j) return;
    const words = toks.slice(i, j);
    const notName = (t: Token, at: number): boolean =>
      (t.caps && !ROMAN.test(t.t) && !(initials && at === 0)) ||
      CALENDAR.has(t.w) ||
      (t.cap && NUMBER.has(t.w)) ||
      (capital(t) && STOP.has(t.w) && !NAME_PARTICLE.has(t.w) && !articleInName(i + at));
    if (words.some(notName)) return;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    if (PLACE_HEAD.has(last.w) || (words.length > 1 && PLACE_FIRST.has(first.w))) return;
    if (titleAt(toks, i)) return; // "Prime Minister’s", "General Motors"
    if (words.length === 1 && first.init) return;
    const opens = words.length === 1 && honorific < 0 && isSentenceStart(toks, i);
    if (opens && VERB_FORM.test(first.w)) verbForms.add(i);
    const gender = honorific >= 0 ? (HONORIFIC.get(toks[honorific]!.w) ?? '') : '';
    const occ: NameOcc = { i, j, text: text.slice(first.s, nameEnd(last)), words: words.map((t) => t.w), gender, honorific };
    names.push(occ);
    if (opens) opening.add(occ);
  }

  /** Does a title end right before token k ("Gov." before "JB Pritzker")? */
  function titleEndsAt(k: number): boolean {
    for (let t = k - 1; t >= 0 && t >= k - 3; t--) if (titleAt(toks, t)?.j === k) return true;
    return false;
  }

  function addOrg(i: number, j: number): void {
    const last = toks[j - 1]!;
    orgs.push({ i, j, text: text.slice(toks[i]!.s, nameEnd(last)), words: toks.slice(i, j).map((t) => t.w) });
  }
}
