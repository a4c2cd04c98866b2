/**
 * The speaker sieve: for one quotation, the rules that name who said it, from the most certain to
 * the least, each abstaining rather than guessing. It finds the subject of the attribution as
 * written (a name, an organisation, a pronoun, "the mayor"); speakers.ts resolves it.
 *   1. after the quote:  "…," said X  /  "…," X said  /  "…", a-t-il dit  /  "…", so X
 *   2. a colon before:   X said: "…"
 *   3. a source:         according to X / selon X / laut X / según X / segundo X
 *   4. reported speech:  X said it was "distressing"  (the nearest verb of saying before the quote)
 *   5. passive:          described as "heartbreaking" by X
 */
import type { Analysis } from './analysis';
import { AUX } from './lexicon/speech';
import { TITLE_MODIFIER } from './lexicon/titles';
import { INSTITUTION } from './lexicon/words';
import type { NameOcc, OrgOcc } from './names';
import { descriptionAt } from './referents';
import { titleAt } from './titles';
import type { Token } from './tokens';
import { pronounAt, sourcePrepAt, speechVerbAt } from './verbs';

export type Subject =
  | { kind: 'name'; occ: NameOcc }
  | { kind: 'org'; text: string }
  | { kind: 'pronoun'; want: 'm' | 'f' | 'o' | 'p' | 'any' }
  | { kind: 'desc'; heads: string[] }
  /** An attribution to no one named ("a senior source told Reuters"): the speaker is unknown. */
  | { kind: 'none' };

export interface Attribution {
  subject: Subject;
  /** Where the subject stands (for later pronouns to find it). */
  tok: number;
  rule: 'after' | 'colon' | 'source' | 'reported' | 'passive';
}

/** Words that end a post-verb subject search ("said in a statement that…"). */
const BLOCK = new Set(['that', 'to', 'in', 'on', 'at', 'about', 'when', 'after', 'before', 'while', 'because', 'during', 'as', 'que', 'dans', 'à', 'en', 'sur', 'dass', 'mit', 'auf', 'con']);
const PASSIVE = new Set(['was', 'were', 'been', 'be', 'is', 'are', 'being', 'été', 'wurde', 'wurden', 'fue', 'foi']);
const AGENT = new Set(['by', 'par', 'von', 'por', 'pelo', 'pela']);
const DETERMINER = new Set(['the', 'a', 'an', 'le', 'la', 'l’', "l'", 'les', 'un', 'une', 'der', 'die', 'das', 'el', 'los', 'las', 'o', 'os', 'um', 'uma']);
const COMPLEMENT = new Set(['of', 'de', 'du', 'des', 'd’', "d'", 'del', 'da', 'do', 'für']);
const LOWER_ORG = new Set(['department', 'ministry', 'agency', 'committee', 'council', 'commission', 'office', 'police', 'government']);

export interface Index {
  nameAtStart: Map<number, NameOcc>;
  nameAtEnd: Map<number, NameOcc>;
  orgAtStart: Map<number, OrgOcc>;
  orgAtEnd: Map<number, OrgOcc>;
}

export function indexNames(a: Analysis): Index {
  const ix: Index = { nameAtStart: new Map(), nameAtEnd: new Map(), orgAtStart: new Map(), orgAtEnd: new Map() };
  for (const n of a.names) {
    ix.nameAtStart.set(n.honorific >= 0 ? n.honorific : n.i, n);
    ix.nameAtEnd.set(n.j - 1, n);
  }
  for (const o of a.orgs) {
    ix.orgAtStart.set(o.i, o);
    ix.orgAtEnd.set(o.j - 1, o);
  }
  return ix;
}

export function attribute(a: Analysis, ix: Index, qi: number): Attribution | null {
  const { toks } = a;
  const [qa, qb] = a.quoteToks[qi]!;
  const open = toks[qa]!;
  const close = toks[qb]!;
  const inSentence = (k: number, ref: Token): boolean => {
    const t = toks[k];
    return t !== undefined && t.sent === ref.sent && t.para === ref.para;
  };

  // 1. After the quote, in the same sentence, when the quote ends a clause ("…," she said), not
  //    when it sits inside one (against “criminals” in his entourage, a source said).
  let k = qb + 1;
  const endsClause = /[,!?…]$/u.test(a.quotes[qi]!.text) || [',', '–', '—'].includes(toks[k]?.t ?? '') || speechVerbAt(toks, k) >= 0;
  if (toks[k]?.t === ',' || toks[k]?.t === '–' || toks[k]?.t === '—') k++;
  if (endsClause && inSentence(k, close) && toks[k]!.q < 0) {
    const found = afterQuote(k);
    if (found) return found;
  }
  // 2. "X said: “…”"
  const sentStart = startOfSentence(qa);
  if (toks[qa - 1]?.t === ':' && inSentence(qa - 1, open)) {
    for (let v = qa - 2; v >= sentStart; v--) {
      if (toks[v]!.q >= 0) break;
      const end = speechVerbAt(toks, v);
      if (end >= 0) {
        const s = subjectBefore(v, sentStart);
        return s ? { ...s, rule: 'colon' } : { subject: { kind: 'none' }, tok: v, rule: 'colon' };
      }
    }
    const named = ix.nameAtEnd.get(qa - 2) ?? null;
    if (named) return { subject: { kind: 'name', occ: named }, tok: named.i, rule: 'colon' };
  }
  // 3. A source named anywhere in the sentence, outside quotes.
  for (let s = sentStart; inSentence(s, open) || (s > qb && inSentence(s, close)); s++) {
    if (s >= qa && s <= qb) continue;
    if (toks[s]!.q >= 0) continue;
    const after = sourcePrepAt(toks, s);
    if (after < 0) continue;
    const subject = subjectAfter(after, 6);
    return { subject: subject ?? { kind: 'none' }, tok: after, rule: 'source' };
  }
  // 4. Reported speech: the nearest verb of saying before the quote whose subject is found.
  let unnamed: Attribution | null = null;
  for (let v = qa - 1; v >= sentStart; v--) {
    if (toks[v]!.q >= 0) continue;
    if (speechVerbAt(toks, v) < 0) continue;
    if (isPassive(v)) {
      // 5. "described as “heartbreaking” by the conservation department"
      for (let b = qb + 1; inSentence(b, close); b++) {
        if (AGENT.has(toks[b]!.w)) {
          const subject = subjectAfter(b + 1, 5);
          if (subject) return { subject, tok: b + 1, rule: 'passive' };
        }
      }
      unnamed ??= { subject: { kind: 'none' }, tok: v, rule: 'passive' };
      continue;
    }
    const s = subjectBefore(v, sentStart);
    if (s) return { ...s, rule: 'reported' };
    unnamed ??= { subject: { kind: 'none' }, tok: v, rule: 'reported' };
  }
  if (unnamed) return unnamed;
  return null;

  /** "was described", "were never officially confirmed". */
  function isPassive(v: number): boolean {
    for (let k = v - 1; k >= 0 && k >= v - 4; k--) {
      const w = toks[k]!.w;
      if (PASSIVE.has(w)) return true;
      if (!(w.endsWith('ly') || ['never', 'not', 'also', 'often', 'widely', 'pas', 'nicht'].includes(w))) return false;
    }
    return false;
  }

  function startOfSentence(k: number): number {
    const sent = toks[k]!.sent;
    while (k > 0 && toks[k - 1]!.sent === sent) k--;
    return k;
  }

  /** "…," said X / "…," X said / "…", a-t-il dit / "…", so X. */
  function afterQuote(k: number): Attribution | null {
    const ref = toks[k]!;
    const prep = sourcePrepAt(toks, k);
    if (prep >= 0 || (toks[k]!.w === 'so' && a.lang === 'de')) {
      const subject = subjectAfter(prep >= 0 ? prep : k + 1, 6);
      return subject ? { subject, tok: k, rule: 'after' } : null;
    }
    // Verb first, after at most one auxiliary ("a déclaré"), maybe inverted ("a-t-il dit", "sagte er").
    let v = k;
    if (AUX.has(toks[v]!.w) && pronounAt(toks, v + 1) && speechVerbAt(toks, v + 2) >= 0) {
      return { subject: { kind: 'pronoun', want: pronounAt(toks, v + 1)! }, tok: v + 1, rule: 'after' };
    }
    if (AUX.has(toks[v]!.w) && speechVerbAt(toks, v + 1) >= 0) v++;
    const verbEnd = speechVerbAt(toks, v);
    if (verbEnd >= 0) {
      const inverted = pronounAt(toks, verbEnd + 1);
      if (inverted && toks[verbEnd + 1]!.sent === ref.sent) {
        return { subject: { kind: 'pronoun', want: inverted }, tok: verbEnd + 1, rule: 'after' };
      }
      const subject = subjectAfter(verbEnd + 1, 8);
      if (subject) return { subject, tok: verbEnd + 1, rule: 'after' };
      // "“…,” dijo." — a verb with no subject: whoever the text is about.
      const next = toks[verbEnd + 1];
      if (!next || next.sent !== ref.sent || next.k === 'p') return { subject: { kind: 'pronoun', want: 'any' }, tok: k, rule: 'after' };
      return null;
    }
    // Subject first: "…," X said / "…," her mother, Fiona, said / "…," she told reporters.
    for (let n = k; n < k + 12 && inSentence(n, ref); n++) {
      const t = toks[n]!;
      if (t.q >= 0 || (t.k === 'p' && t.t !== ',' && t.t !== '.' && t.t !== '’')) break;
      if (t.t === '.' && !t.abbr) break;
      if (speechVerbAt(toks, n) < 0) continue;
      const subject = subjectIn(k, n);
      return { subject: subject ?? { kind: 'none' }, tok: k, rule: 'after' };
    }
    return null;
  }

  /** The first referent in tokens [from, to): the subject before a verb of saying. */
  function subjectIn(from: number, to: number): Subject | null {
    for (let n = from; n < to; n++) {
      const named = ix.nameAtStart.get(n);
      if (named && named.j <= to) return { kind: 'name', occ: named };
      const org = ix.orgAtStart.get(n);
      if (org && org.j <= to) return { kind: 'org', text: org.text };
      const p = pronounAt(toks, n);
      if (p && n === from) return { kind: 'pronoun', want: p };
      const d = descriptionAt(a, n);
      if (d && d.end <= to) return { kind: 'desc', heads: d.heads };
      const inst = institutionAt(n, to);
      if (inst) return inst;
    }
    return null;
  }

  /**
   * The subject after a verb or a source preposition: "said Illinois Governor J.B. Pritzker",
   * "a déclaré le ministre de l'Intérieur". Only determiners, titles and their modifiers may
   * come first: "according to the explanatory notes of the Bill" names no one.
   */
  function subjectAfter(from: number, span: number): Subject | null {
    const ref = toks[from - 1] ?? toks[from];
    for (let n = from; n < from + span; n++) {
      const t = toks[n];
      if (!t || !ref || t.sent !== ref.sent || t.q >= 0 || BLOCK.has(t.w)) return null;
      if (t.k === 'p' && t.t !== ',') return null;
      const named = ix.nameAtStart.get(n);
      if (named) return { kind: 'name', occ: named };
      const org = ix.orgAtStart.get(n);
      if (org) return { kind: 'org', text: org.text };
      const d = descriptionAt(a, n);
      if (d && !ix.nameAtStart.has(d.end) && toks[d.end]?.t !== ',') return { kind: 'desc', heads: d.heads };
      const inst = institutionAt(n, n + 4);
      if (inst) return inst;
      if (n === from && pronounAt(toks, n)) return { kind: 'pronoun', want: pronounAt(toks, n)! };
      const title = titleAt(toks, n);
      if (title) n = title.j - 1;
      else if (t.k === 'w' && !t.cap && !t.caps && !DETERMINER.has(t.w) && !TITLE_MODIFIER.has(t.w) && !COMPLEMENT.has(t.w)) return null;
    }
    return null;
  }

  /** The subject ending right before verb v: "Mr Obama said", "Pouria Amirshahi, député…, a annoncé". */
  function subjectBefore(v: number, sentStart: number): Omit<Attribution, 'rule'> | null {
    let k = v - 1;
    while (k >= sentStart && AUX.has(toks[k]!.w) && !toks[k]!.cap) k--;
    if (toks[k]?.t === ',') {
      // Skip an appositive or a relative clause back to the comma before it.
      let c = k - 1;
      while (c >= sentStart && toks[c]!.t !== ',' && toks[c]!.q < 0) c--;
      if (c < sentStart || toks[c]!.t !== ',') return null;
      k = c - 1;
    }
    if (k < sentStart) return null;
    const named = ix.nameAtEnd.get(k);
    if (named) return { subject: { kind: 'name', occ: named }, tok: named.i };
    const org = ix.orgAtEnd.get(k);
    if (org) return { subject: { kind: 'org', text: org.text }, tok: org.i };
    const p = pronounAt(toks, k);
    if (p) return { subject: { kind: 'pronoun', want: p }, tok: k };
    for (let d = k - 1; d >= Math.max(sentStart, k - 3); d--) {
      const desc = descriptionAt(a, d);
      if (desc && desc.end === k + 1) return { subject: { kind: 'desc', heads: desc.heads }, tok: d };
    }
    for (let d = k; d >= Math.max(sentStart, k - 3); d--) {
      const inst = institutionAt(d, k + 1);
      if (inst) return { subject: inst, tok: d };
    }
    return null;
  }

  /** "the government", "Le gouvernement", "the conservation department": an institution named by a common noun. */
  function institutionAt(n: number, to: number): Subject | null {
    const t = toks[n];
    if (!t || !['the', 'le', 'la', 'l’', "l'", 'der', 'die', 'el', 'o', 'a'].includes(t.w)) return null;
    let e = n + 1;
    while (e < to && e < n + 4 && toks[e]!.k === 'w' && !toks[e]!.cap && !INSTITUTION.has(toks[e]!.w) && !LOWER_ORG.has(toks[e]!.w)) e++;
    const head = toks[e];
    if (!head || e >= to || head.cap || !(INSTITUTION.has(head.w) || LOWER_ORG.has(head.w))) return null;
    return { kind: 'org', text: a.text.slice(toks[n + 1]!.s, head.e) };
  }
}
