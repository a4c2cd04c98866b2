/**
 * What a pronoun or an unattributed quote may refer back to: named people (never journalists nor
 * lone capitalised words), organisations, and definite descriptions of an official ("the mayor"
 * is the article's mayor). Kept in document order; attributed speakers are added as quotes are
 * read, so that "she said" after a quote paragraph finds that paragraph's speaker.
 */
import type { Analysis } from './analysis';
import { DEFINITE, INSTITUTION } from './lexicon/words';
import type { Official } from './officials';
import type { Person } from './people';
import { TITLE_MODIFIER } from './lexicon/titles';
import { titleAt } from './titles';
import type { Token } from './tokens';

/** The longest definite article: longer words need no lookup. */
const DEFINITE_LENGTH = Math.max(...[...DEFINITE].map((w) => w.length));

/**
 * What a pronoun or description may stand for: a man, a woman, an organisation ('o', 'p': "it",
 * "they"), any person ("the Democrat"), or anyone.
 */
export type Want = 'm' | 'f' | 'o' | 'p' | 'person' | 'any';

export interface Referent {
  tok: number;
  sent: number;
  para: number;
  /** The speaker's name as reported; '' for someone unnamed ("the victim's mother said"), who resolves to no one. */
  name: string;
  person: Person | null;
  org: boolean;
}

/** The official an expression like "the mayor" (title words `heads`) refers to at token `at`. */
export function officialFor(officials: readonly Official[], heads: readonly string[], at: number): Official | null {
  let best: Official | null = null;
  let bestAt = -1;
  for (const o of officials) {
    if (!heads.some((h) => o.role.heads.some((r) => r === h || isCompoundOf(r, h)))) continue;
    const occs = o.person.occs;
    const n = before(occs, at, (occ) => occ.i);
    const when = n > 0 ? occs[n - 1]!.i : -1;
    if (!best || when > bestAt) [best, bestAt] = [o, when];
  }
  return best;
}

/**
 * "finanzminister" is a kind of "minister", "oberbürgermeister" of "bürgermeister": a closed
 * compound (German writes them as one word) ending in a title of five letters or more.
 */
function isCompoundOf(role: string, head: string): boolean {
  return head.length >= 5 && role.length > head.length && role.endsWith(head);
}

/** The definite description of an official starting at token k ("the mayor"), as title heads. */
export function descriptionAt(a: Analysis, k: number): { heads: string[]; end: number } | null {
  const { toks } = a;
  const det = toks[k];
  if (!det || !DEFINITE.has(det.w)) return null;
  // Up to two modifiers before the title: "the Liberal leader", "the state premier".
  let t = k + 1;
  while (t <= k + 2 && isModifier(toks[t], det.sent) && !titleAt(toks, t)) t++;
  const m = titleAt(toks, t);
  if (!m) return null;
  const next = toks[m.j];
  if (next && (next.cap || next.caps) && next.sent === det.sent) return null; // "the mayor, Lori…" is a name
  return { heads: toks.slice(m.i, m.j).map((t) => t.w.replace(/s$/u, '')), end: m.j };
}

function isModifier(t: Token | undefined, sent: number): boolean {
  return t !== undefined && t.k === 'w' && t.sent === sent && !t.poss && t.q < 0 && (t.cap || t.caps || TITLE_MODIFIER.has(t.w));
}

/** The static referents of the article (names, organisations, descriptions), in document order. */
export function buildReferents(a: Analysis, officials: readonly Official[]): Referent[] {
  const { toks, names, orgs, people } = a;
  const out: Referent[] = [];
  const at = (tok: number, name: string, person: Person | null, org: boolean): void => {
    const t = toks[tok]!;
    if (t.q < 0) out.push({ tok, sent: t.sent, para: t.para, name, person, org });
  };
  for (const occ of names) {
    const person = people.of.get(occ);
    if (!person || person.journalist) continue;
    if (people.ambiguous.has(occ)) at(occ.i, occ.text, null, false);
    else if (person.strong || person.words.length > 1) at(occ.i, person.full, person, false);
  }
  for (const org of orgs) at(org.i, stripArticle(org.text), null, true);
  // Both patterns start with a definite article: one lookup per token finds where.
  let afterDefinite = false;
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k]!.w;
    const definite = w.length <= DEFINITE_LENGTH && DEFINITE.has(w); // "the", "les", "l’"…
    const d = definite ? descriptionAt(a, k) : null;
    if (d) {
      const o = officialFor(officials, d.heads, k);
      if (o) at(k, o.person.full, o.person, false);
    } else if (afterDefinite && INSTITUTION.has(toks[k]!.w)) {
      at(k - 1, toks[k]!.t, null, true);
    }
    afterDefinite = definite;
  }
  return out.sort((x, y) => x.tok - y.tok);
}

export function stripArticle(name: string): string {
  return name.replace(/^(?:the|le|la|les|l’|l'|der|die|das|el|los|las|o|os|as)\s+/iu, '');
}

/**
 * The referent of a pronoun (or of an implicit speaker) at token `p`: in the nearest sentence
 * before it that holds a fitting referent, the first one (subjects come first), looking back
 * at most `paras` paragraphs.
 */
export function resolve(
  refs: readonly Referent[],
  p: { tok: number; sent: number; para: number },
  want: Want,
  skip: (r: Referent) => boolean,
  paras = 2,
): Referent | null {
  let sent = -1;
  let best: Referent | null = null;
  let sure = false; // best's gender is known to fit, not merely unknown
  for (let k = before(refs, p.tok, (r) => r.tok) - 1; k >= 0; k--) {
    const r = refs[k]!;
    if (skip(r)) continue;
    if (r.para < p.para - paras) break;
    if (best && r.sent !== sent) break;
    if (!fits(r, want)) continue;
    const known = (want === 'm' || want === 'f') && r.person?.gender === want;
    if (sure && !known) continue;
    best = r;
    sent = r.sent;
    sure ||= known;
  }
  return best;
}

function fits(r: Referent, want: Want): boolean {
  if (want === 'any') return true;
  if (want === 'o' || want === 'p') return r.org;
  if (r.org) return false;
  if (want === 'person') return true;
  const g = r.person?.gender ?? '';
  return g === '' || g === want;
}

/** How many of `items` (sorted by token) stand before token `tok`. */
export function before<T>(items: readonly T[], tok: number, at: (x: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(items[mid]!) < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
