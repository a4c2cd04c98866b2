/**
 * The proper-noun chunker: capitalised runs of tokens (with initials "J.B.", particles "de la",
 * "bin", "al-", hyphens and apostrophes), split at titles and honorifics, and classed as a
 * person's name or an organisation's. Sentence-initial common words, months, days, numbers and
 * place names are filtered out with small word lists and one cue from the article itself: a
 * capitalised word that also occurs in lower case is an ordinary word starting a sentence.
 */
import { HONORIFIC } from './lexicon/speech';
import { CALENDAR, NAME_PARTICLE, NUMBER, ORG_CONNECTOR, ORG_HEAD, PLACE_FIRST, PLACE_HEAD, STOP } from './lexicon/words';
import { titleAt } from './titles';
import type { Token } from './tokens';

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

export interface OrgOcc {
  i: number;
  j: number;
  text: string;
  words: string[];
}

const ARABIC_PREFIX = /^(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|ben)[-‐'’]\p{Lu}/u;
const SPLITTERS = new Set(['and', 'of', 'for', 'on', 'the', 'et', 'und', 'y', 'e', 'für']);
const COORDINATORS = new Set(['and', 'et', 'und', 'y', 'e']);
const CONTRACTION = /['’](?:re|ll|ve|d|m|t)$/iu;
/** Sentence-initial participles and gerunds ("Talking about…", "Dubbed…") are not names. */
const VERB_FORM = /(?:ing|ed)$/u;

function capital(t: Token): boolean {
  return t.k === 'w' && (t.cap || t.caps || ARABIC_PREFIX.test(t.t)) && !CONTRACTION.test(t.t);
}

/** End of the name's text: a possessive "'s" is not part of it. */
export function nameEnd(tok: Token): number {
  return tok.poss ? tok.e - 2 : tok.e;
}

export function isSentenceStart(toks: readonly Token[], i: number): boolean {
  const prev = toks[i - 1];
  return !prev || prev.sent !== toks[i]!.sent || (prev.k === 'p' && /[“"‘'«»„‚(\[:—–]/u.test(prev.t));
}

/** Finds the person names and organisation names of the article. */
export function chunk(text: string, toks: readonly Token[]): { names: NameOcc[]; orgs: OrgOcc[] } {
  const lower = new Set<string>();
  for (const t of toks) if (t.k === 'w' && !t.cap && !t.caps) lower.add(t.w);
  const names: NameOcc[] = [];
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
      while (k < toks.length && k < j + 3 && toks[k]!.k === 'w' && !toks[k]!.cap && (NAME_PARTICLE.has(toks[k]!.w) || ORG_CONNECTOR.has(toks[k]!.w))) k++;
      if (k > j && toks[k] && capital(toks[k]!) && toks[k]!.q === toks[i]!.q) j = k + 1;
      else break;
    }
    classify(i, j);
    i = j;
  }
  return { names, orgs };

  function classify(i: number, j: number): void {
    // Leading function words, months and days are no part of a name ("In", "On Saturday").
    while (i < j && (STOP.has(toks[i]!.w) || CALENDAR.has(toks[i]!.w) || !capital(toks[i]!))) i++;
    if (i >= j) return;
    // Split after the last title or honorific that has a name after it.
    let start = i;
    let honorific = -1;
    for (let k = i; k < j; k++) {
      const m = titleAt(toks, k);
      const h = HONORIFIC[toks[k]!.w];
      const end = m ? m.j : h !== undefined && (toks[k]!.abbr || toks[k]!.cap) ? k + 1 : -1;
      if (end > k && end < j && capital(toks[end]!)) {
        start = end;
        honorific = m ? -1 : k;
        k = end - 1;
      }
    }
    // An organisation ends with its head word ("Food Standards Agency") or puts it before a
    // complement ("Department of Conservation"); "Bill Shorten" is a person.
    const isOrg = (k: number): boolean => ORG_HEAD.has(toks[k]!.w) && (k === j - 1 || (k + 1 < j && ORG_CONNECTOR.has(toks[k + 1]!.w)));
    let org = false;
    for (let k = start; k < j && !org; k++) org = isOrg(k);
    if (org) {
      if (start === i) addOrg(i, j);
      return;
    }
    // Split at connectors that are not name particles when each side is a full name ("Jonathan
    // Moyo and Saviour Kasukuwere"), not for "Immigration and Customs Enforcement".
    const pieces: [number, number][] = [];
    let s = start;
    let coordinated = false;
    for (let k = start; k <= j; k++) {
      if (k === j || (SPLITTERS.has(toks[k]!.w) && !toks[k]!.cap)) {
        pieces.push([s, k]);
        coordinated ||= k < j && COORDINATORS.has(toks[k]!.w);
        s = k + 1;
      }
    }
    if (coordinated && pieces.some(([a, b]) => b - a < 2)) return;
    for (const [a, b] of pieces) addName(a, b, a === start ? honorific : -1);
  }

  function addName(i: number, j: number, honorific: number): void {
    // A party or agency acronym before a name is no part of it ("l'UMP Laure de la Raudière").
    while (i < j && (!capital(toks[i]!) || toks[i]!.caps)) i++;
    while (j > i && !capital(toks[j - 1]!)) j--;
    if (i >= j) return;
    const words = toks.slice(i, j);
    if (words.some((t) => t.caps || CALENDAR.has(t.w) || NUMBER.has(t.w) || (capital(t) && STOP.has(t.w)))) return;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    if (PLACE_HEAD.has(last.w) || (words.length > 1 && PLACE_FIRST.has(first.w))) return;
    if (titleAt(toks, i)) return; // "Prime Minister’s", "General Motors"
    if (words.length === 1 && honorific < 0 && isSentenceStart(toks, i) && (lower.has(first.w) || VERB_FORM.test(first.w))) return;
    if (words.length === 1 && first.init) return;
    const gender = honorific >= 0 ? (HONORIFIC[toks[honorific]!.w] ?? '') : '';
    names.push({ i, j, text: text.slice(first.s, nameEnd(last)), words: words.map((t) => t.w), gender, honorific });
  }

  function addOrg(i: number, j: number): void {
    const last = toks[j - 1]!;
    orgs.push({ i, j, text: text.slice(toks[i]!.s, nameEnd(last)), words: toks.slice(i, j).map((t) => t.w) });
  }
}
