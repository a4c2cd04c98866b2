/**
 * Finds the subject of an attribution as written, around a verb of saying or a source
 * preposition: a person's name, an organisation (named, or a common noun: "the government",
 * "police"), a definite description of an official ("the mayor"), or a pronoun.
 */
import type { Analysis } from './analysis';
import { AUX, DOCUMENT, SPOKESPERSON } from './lexicon/speech';
import { TITLE_MODIFIER } from './lexicon/titles';
import { CALENDAR, COMPLEMENT, DEFINITE, DEMONYM, DEMONYM_WORD, DETERMINER, INSTITUTION, PERSON_NOUN, set } from './lexicon/words';
import { nameEnd, type NameOcc } from './names';
import { descriptionAt, type Want } from './referents';
import { titleAt } from './titles';
import type { Span } from './types';
import { pronounAt } from './verbs';

export type Subject =
  | { kind: 'name'; occ: NameOcc }
  | { kind: 'org'; text: string; span: Span }
  | { kind: 'pronoun'; want: Want }
  | { kind: 'desc'; heads: string[] }
  /** An attribution to no one named ("a senior source told Reuters"): the speaker is unknown. */
  | { kind: 'none' };

/** Words that end a search after the verb ("said in a statement that…"). */
const BLOCK = set('that to in on at about when after before while because during as que dans à en sur dass mit auf');
/** Words that name where a statement comes from ("a statement from…", "a spokesman for…"). */
const SOURCE = set('from by for de von');
/** Words of a time said between a subject and its verb ("on Wednesday", "late last week", "earlier today"). */
const WHEN_ANCHOR = set('yesterday today tonight earlier week month weekend morning afternoon evening night');
const WHEN = new Set([...WHEN_ANCHOR, ...'on last this late early'.split(' ')]);
/** Institutions named without an article ("police said"). */
const BARE = set('police prosecutors investigators polizei');

export interface Subjects {
  /** The subject in tokens [from, to), before a verb: "…," her mother, Rosa, said; with
   *  `fullName`, a full name first if there is one ("Site writer Ann Roe posted…"). */
  within(from: number, to: number, fullName?: boolean): Subject | null;
  /** The subject after a verb or a preposition: "said Ohio Governor Ellen Marsh", "said coach Nina Baptiste". */
  after(from: number, span: number): Subject | null;
  /** The subject ending right before verb v: "Mr Grant said", "X, député…, a annoncé"; and where it stands. */
  before(v: number, sentStart: number): { subject: Subject; tok: number } | null;
}

export function subjects(a: Analysis): Subjects {
  const { toks } = a;
  const nameAtStart = new Map<number, NameOcc>();
  const nameAtEnd = new Map<number, NameOcc>();
  const orgAtStart = new Map<number, Subject>();
  const orgAtEnd = new Map<number, [number, Subject]>();
  /** Where each organisation's tokens end (exclusive), by its first token. */
  const orgEnd = new Map<number, number>();
  for (const n of a.names) {
    nameAtStart.set(n.honorific >= 0 ? n.honorific : n.i, n);
    nameAtEnd.set(n.j - 1, n);
  }
  for (const o of a.orgs) {
    const s = org(o.i, o.j);
    orgAtStart.set(o.i, s);
    orgAtEnd.set(o.j - 1, [o.i, s]);
    orgEnd.set(o.i, o.j);
  }
  return { within, after, before };

  /** An organisation named by tokens [i, j), a possessive's "'s" left out. */
  function org(i: number, j: number): Subject {
    const start = toks[i]!.s;
    const end = nameEnd(toks[j - 1]!);
    return { kind: 'org', text: a.text.slice(start, end), span: { start, end } };
  }

  /** "the government", "Le gouvernement", "the conservation department", "police". */
  function institution(n: number, to: number): Subject | null {
    const t = toks[n];
    if (!t) return null;
    if (BARE.has(t.w) && !t.cap) return org(n, n + 1);
    if (!DEFINITE.has(t.w)) return null;
    let e = n + 1;
    while (e < to && e < n + 4 && toks[e]!.k === 'w' && !toks[e]!.cap && !INSTITUTION.has(toks[e]!.w)) e++;
    const head = toks[e];
    // "the council leader, Dilys Okafor": the institution only qualifies a title.
    if (!head || e >= to || (head.cap && a.lang !== 'de') || !INSTITUTION.has(head.w) || titleAt(toks, e + 1)) return null;
    return org(n + 1, e + 1);
  }

  /**
   * "the Democrat", "der SPD-Politiker", "l’élue": a definite article and a noun that only says
   * what kind of person someone is (a party, a trade), standing for a person named before.
   */
  function personNoun(n: number): boolean {
    if (ageNoun(n)) return true;
    const t = toks[n + 1];
    if (!t || t.k !== 'w' || !DEFINITE.has(toks[n]!.w)) return false;
    // "the Republican National Committee" is an organisation.
    const next = toks[n + 2];
    if (next && next.k === 'w' && (next.cap || next.caps) && next.sent === t.sent) return false;
    const w = t.w;
    return PERSON_NOUN.has(w) || demonym(n + 1) || PERSON_NOUN.has(w.slice(w.lastIndexOf('-') + 1)) || w.endsWith('politiker') || w.endsWith('politikerin');
  }

  /** "the 52-year-old": an age standing for a person named before (the determiner at n). */
  function ageNoun(n: number): boolean {
    return DEFINITE.has(toks[n]?.w ?? '') && toks[n + 1]?.k === 'n' && toks[n + 2]?.t === '-' && toks[n + 3]?.w === 'year-old';
  }

  /** "the Portuguese", "the Egyptian": a nationality, one capitalised word after "the". */
  function demonym(k: number): boolean {
    const t = toks[k]!;
    if (!t.cap || t.poss || toks[k - 1]?.w !== 'the') return false;
    const next = toks[k + 1];
    if (next && next.sent === t.sent && (next.cap || next.caps)) return false;
    return DEMONYM_WORD.has(t.w) || (DEMONYM.test(t.w) && t.w !== 'guardian');
  }

  /** An organisation or an official's description starting at token n and ending by `to`. */
  function nonPerson(n: number, to: number): Subject | null {
    const o = orgAtStart.get(n);
    if (o) return o;
    const d = descriptionAt(a, n);
    // (Not "a spokesperson for Google": the organisation is the source.)
    const voiced = d !== null && SOURCE.has(toks[d.end]?.w ?? '') && voiceOf(d.end - 1) !== null;
    if (d && d.end <= to && !nameAtStart.has(d.end) && toks[d.end]?.t !== ',' && !voiced) return { kind: 'desc', heads: d.heads };
    return institution(n, to);
  }

  function within(from: number, to: number, fullName = false): Subject | null {
    const p = pronounAt(toks, from);
    if (p) return { kind: 'pronoun', want: p };
    for (let n = from; fullName && n < to; n++) {
      const named = nameAtStart.get(n);
      if (named && named.j <= to && named.words.length > 1) return { kind: 'name', occ: named };
    }
    for (let n = from; n < to; n++) {
      const named = nameAtStart.get(n);
      // "…," a lawyer for Marcus Webb said: not the person in the complement.
      if (named && named.j <= to && n > from && complement(titleStart(n), orgLike(named)) === null) return null;
      if (named && named.j <= to) return { kind: 'name', occ: named };
      const other = nonPerson(n, to);
      if (other) return other;
    }
    return null;
  }

  function after(from: number, span: number): Subject | null {
    const ref = toks[from - 1] ?? toks[from];
    const p = pronounAt(toks, from);
    if (p) return { kind: 'pronoun', want: p };
    let loose = 0; // plain words passed ("coach"): only a person's name may follow them
    for (let n = from; n < from + span; n++) {
      const t = toks[n];
      if (!t || !ref || t.sent !== ref.sent || t.q >= 0 || BLOCK.has(t.w) || (t.k === 'p' && t.t !== ',')) return null;
      const named = nameAtStart.get(n);
      // "said White House press secretary Karine Jean-Pierre", "said Pentagon spokesman…": a name
      // saying whose title it is, with the title's holder right after; the person is the subject.
      const qualified = named?.j ?? orgEnd.get(n);
      const itsTitle = qualified !== undefined ? titleAt(toks, qualified) : null;
      if (itsTitle && nameAtStart.has(itsTitle.j)) {
        n = itsTitle.j - 1;
        continue;
      }
      if (loose === 0 && personNoun(n)) return { kind: 'pronoun', want: 'person' };
      // "said Jordan's colleague, Rep. Thomas Massie": an owner is not the subject.
      if (named && toks[named.j - 1]!.poss && toks[named.j]?.k === 'w' && !toks[named.j]!.cap) {
        n = named.j - 1;
        continue;
      }
      if (named) return { kind: 'name', occ: named };
      const other = loose === 0 ? nonPerson(n, n + 4) : null;
      if (other) return other;
      const title = titleAt(toks, n);
      if (title && SOURCE.has(toks[title.j]?.w ?? '') && voiceOf(title.j - 1)) return source(title.j);
      if (title) n = title.j - 1;
      else if (SOURCE.has(t.w) && loose > 0) {
        return source(n);
      } else if (COMPLEMENT.has(t.w)) {
        if (loose > 0) return null; // "the explanatory notes of the Bill" names no one
      } else if (t.k === 'w' && !t.cap && !t.caps && !DETERMINER.has(t.w) && !TITLE_MODIFIER.has(t.w)) {
        if (++loose > 2) return null;
      }
    }
    return null;
  }

  function before(v: number, sentStart: number): { subject: Subject; tok: number } | null {
    let k = v - 1;
    while (k >= sentStart && AUX.has(toks[k]!.w) && !toks[k]!.cap) k--;
    // A time between the subject and its verb: "Gina Raimondo on Wednesday called…", "Powell last week said…".
    let t = k;
    let anchored = false;
    for (; t >= sentStart && t > k - 4 && (CALENDAR.has(toks[t]!.w) || WHEN.has(toks[t]!.w)); t--) {
      anchored ||= CALENDAR.has(toks[t]!.w) || WHEN_ANCHOR.has(toks[t]!.w);
    }
    if (anchored) k = t;
    // A party in brackets after the name: "Markus Lenz (CSU) forderte…", "Ann Roe (D) said".
    if (toks[k]?.t === ')') {
      let o = k - 1;
      while (o > k - 6 && o >= sentStart && toks[o]!.t !== '(' && toks[o]!.t !== ')') o--;
      if (toks[o]?.t === '(' && o >= sentStart) k = o - 1;
    }
    // Back over appositives and relative clauses to the subject: "Beatriz Soto, 64, who rides the
    // No. 12, told…"; but in "The mayor of Lille, Arnaud Roux, said" the name between commas is it.
    for (let hops = 0; toks[k]?.t === ',' && hops < 4; hops++) {
      const between = nameAtEnd.get(k - 1);
      if (between && toks[titleStart(between.honorific >= 0 ? between.honorific : between.i) - 1]?.t === ',') {
        return { subject: { kind: 'name', occ: between }, tok: between.i };
      }
      let c = k - 1;
      while (c >= sentStart && toks[c]!.t !== ',' && toks[c]!.q < 0) c--;
      if (c < sentStart || toks[c]!.t !== ',') return null;
      const found = endingAt(c - 1, sentStart);
      if (found) return found;
      k = c;
    }
    return k >= sentStart ? endingAt(k, sentStart) : null;
  }

  /** Where a title ending right before token k starts ("…, Assemblymember Isaac Bryan,"), or k. */
  function titleStart(k: number): number {
    for (let t = k - 1; t >= 0 && t >= k - 4; t--) if (titleAt(toks, t)?.j === k) return t;
    return k;
  }

  /**
   * The source after a preposition at n: "according to a statement from the Ministry of Health",
   * "said a spokesperson for Google"; but "said a lawyer for Marcus Webb" names no one who spoke.
   */
  function source(n: number): Subject | null {
    const m = DETERMINER.has(toks[n + 1]?.w ?? '') ? n + 2 : n + 1;
    const named = nameAtStart.get(m);
    const o = named ?? orgAtStart.get(m) ?? institution(n + 1, n + 5);
    const voice = voiceOf(n - 1);
    if (!o || !voice || (voice === 'org' && named && !orgLike(named))) return null;
    return 'kind' in o ? o : { kind: 'name', occ: o };
  }

  /** Whom the noun at k gives voice to when a complement follows it: a document anyone, a spokesperson an organisation. */
  function voiceOf(k: number): 'any' | 'org' | null {
    const w = toks[k]?.w ?? '';
    return DOCUMENT.has(w) ? 'any' : SPOKESPERSON.has(w) ? 'org' : null;
  }

  /**
   * A name or an organisation in a complement is not the subject: in "the head of Apple said",
   * "a lawyer for Marcus Webb said" the speaker is someone unnamed (null: abstain); but in "Susan
   * Collins of Maine said" the name before it is, and in "a spokesman for Google said" the organisation.
   */
  function complement(start: number, org: boolean): { subject: Subject; tok: number } | null | undefined {
    let p = start - 1;
    if (DETERMINER.has(toks[p]?.w ?? '') && !toks[p]!.cap) p--;
    const prep = toks[p];
    if (!prep || prep.cap || !(COMPLEMENT.has(prep.w) || SOURCE.has(prep.w) || prep.w === 'to')) return undefined;
    const holder = nameAtEnd.get(p - 1);
    if (holder && prep.w === 'of') return { subject: { kind: 'name', occ: holder }, tok: holder.i };
    const voice = voiceOf(p - 1);
    return voice === 'any' || (voice === 'org' && org) ? undefined : null;
  }

  /** A name with a title or an honorific before it starts there ("Senator Ray Dunn"). */
  function nameStart(n: NameOcc): number {
    return titleStart(n.honorific >= 0 ? n.honorific : n.i);
  }

  /** Is this name an organisation's, as far as the article tells: one word, never given as a person's? */
  function orgLike(n: NameOcc): boolean {
    return n.words.length === 1 && n.honorific < 0 && a.people.of.get(n)?.strong !== true;
  }

  /** A subject whose last token is k. */
  function endingAt(k: number, sentStart: number): { subject: Subject; tok: number } | null {
    if (toks[k]?.caps && nameAtEnd.has(k - 1)) k--; // post-nominal letters: "Jane Carter KC said"
    const named = nameAtEnd.get(k);
    if (named && named.j - named.i === 1 && demonym(named.i)) return { subject: { kind: 'pronoun', want: 'person' }, tok: named.i };
    if (ageNoun(k - 3)) return { subject: { kind: 'pronoun', want: 'person' }, tok: k - 3 };
    // (A name in a complement may end a description: "le chef de l’État a estimé".)
    const held = named ? complement(nameStart(named), orgLike(named)) : undefined;
    if (named && held !== null) return held ?? { subject: { kind: 'name', occ: named }, tok: named.i };
    const o = orgAtEnd.get(k);
    if (o) {
      const held = complement(o[0], true);
      return held !== undefined ? held : { subject: o[1], tok: o[0] };
    }
    // "Sen. Ann Reyes of Maine said": a place after the name, in no name of its own.
    if (toks[k]!.cap) {
      let c = k;
      while (c > k - 3 && toks[c - 1]?.cap) c--;
      const held = complement(c, false);
      if (held && toks[c - 1]?.w === 'of') return held;
    }
    const p = pronounAt(toks, k);
    if (p) return { subject: { kind: 'pronoun', want: p }, tok: k };
    for (let d = k; d >= Math.max(sentStart, k - 5); d--) {
      const desc = descriptionAt(a, d);
      if (desc && desc.end === k + 1) return { subject: { kind: 'desc', heads: desc.heads }, tok: d };
      const inst = institution(d, k + 1);
      if (inst) return { subject: inst, tok: d };
    }
    return null;
  }
}
