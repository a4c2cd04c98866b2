/**
 * The speaker sieve: for one quotation, the rules that name who said it, from the most certain to
 * the least, each abstaining rather than guessing. It finds the subject as written
 * (subjects.ts); speakers.ts resolves it to a name.
 *   1. after the quote:  "…," said X  /  "…," X said  /  "…", a-t-il dit  /  "…", so X
 *   2. a colon before:   X said: "…"
 *   3. a source:         according to X / selon X / laut X / según X / segundo X
 *   4. reported speech:  X said it was "distressing"  (the nearest verb of saying with a subject)
 *   5. passive:          described as "reckless" by X
 *   6. a colon after a sentence opening on a person:  X was blunt: "…"
 *   7. whose view (French, Spanish, Portuguese):  Pour X, c'est « … » / Para X, …
 */
import type { Analysis } from './analysis';
import { AUX, OBJECT_PRONOUN } from './lexicon/speech';
import { DETERMINER, set, STOP } from './lexicon/words';
import { titleAt } from './titles';
import type { Subject, Subjects } from './subjects';
import type { Token } from './tokens';
import { pronounAt, sourcePrepAt, speechVerbAt } from './verbs';

export interface Attribution {
  subject: Subject;
  /** Where the subject stands (for later pronouns to find it). */
  tok: number;
  rule: 'after' | 'colon' | 'source' | 'reported' | 'passive';
}

/**
 * How far the rules look for a sentence's ends, in tokens: news sentences are shorter, and text
 * without stops (a list, a table flattened) must not make every quote scan all of it.
 */
const REACH = 80;
/** How far into its sentence a subject may end, in tokens ("Le maire de Marseille, Benoît Payan,"). */
const SUBJECT_REACH = 10;
const PASSIVE = set('was were been be is are being été wurde wurden fue foi');
const AGENT = set('by par von por pelo pela');
const ADVERB = set('never not also often widely pas nicht');
/** Spanish and Portuguese verbs in the third person plural: dijeron, explicaron, afirman, disseram, afirmam. */
const PLURAL_VERB = /(?:ron|ram|an|am)$/u;
const REFLEXIVE = set("s’ s' se");
const ETRE = set('est sont');
/** "Pour X, …", "Para X, …": whose view a sentence gives. */
const FOR_VIEW = set('pour para');
const ROMANCE = set('fr es pt');

export function attribute(a: Analysis, find: Subjects, qi: number): Attribution | null {
  const { toks } = a;
  const [qa, qb] = a.quoteToks[qi]!;
  const open = toks[qa]!;
  const close = toks[qb]!;
  const inSentence = (k: number, ref: Token): boolean => {
    const t = toks[k];
    return t !== undefined && t.sent === ref.sent && t.para === ref.para;
  };
  const none = (tok: number, rule: Attribution['rule']): Attribution => ({ subject: { kind: 'none' }, tok, rule });

  // 1. After the quote, in the same sentence, when the quote ends a clause ("…," she said), not
  //    when it sits inside one (against “criminals” in his entourage, a source said).
  let k = qb + 1;
  const dash = [',', '–', '—'].includes(toks[k]?.t ?? '');
  const endsClause = dash || /[,!?…]$/u.test(a.quotes[qi]!.text) || speechVerbAt(toks, k) >= 0;
  if (dash) k++;
  if (!endsClause && (qa === 0 || toks[qa - 1]!.sent !== open.sent)) {
    // “We must read what is written” in that law, X said: the quote opens the sentence and the
    // attribution follows a few words later.
    for (let c = k; c < k + 8 && inSentence(c, close) && toks[c]!.q < 0; c++) {
      if (toks[c]!.t !== ',') continue;
      const found = afterQuote(c + 1);
      if (found && found.subject.kind !== 'none') return found;
      break;
    }
  }
  if (endsClause && inSentence(k, close) && toks[k]!.q < 0) {
    const found = afterQuote(k);
    if (found) return found;
  }
  const sentStart = startOfSentence(qa);
  // 2. "X said: “…”"
  if (toks[qa - 1]?.t === ':') {
    for (let v = qa - 2; v >= sentStart && toks[v]!.q < 0; v--) {
      if (speechVerbAt(toks, v) < 0) continue;
      const s = find.before(v, sentStart);
      return s ? { ...s, rule: 'colon' } : none(v, 'colon');
    }
  }
  // 3. A source named anywhere in the sentence, outside quotes.
  for (let s = sentStart; (inSentence(s, open) || (s > qb && inSentence(s, close))) && s < qb + REACH; s++) {
    if (s >= qa && s <= qb) s = qb;
    const after = toks[s]!.q < 0 ? sourcePrepAt(toks, s) : -1;
    if (after < 0) continue;
    const object = OBJECT_PRONOUN.get(toks[after]?.w ?? '');
    const subject = object ? ({ kind: 'pronoun', want: object } as const) : find.after(after, 6);
    return subject ? { subject, tok: after, rule: 'source' } : none(after, 'source');
  }
  // 4. Reported speech: the nearest verb of saying before the quote whose subject is found.
  let unnamed: Attribution | null = null;
  for (let v = qa - 1; v >= sentStart; v--) {
    if (toks[v]!.q >= 0 || speechVerbAt(toks, v) < 0) continue;
    // 5. Passive: "described as “reckless” by the transport department"; an agent right
    //    after the quote makes it so too ("jugé « insuffisant » par les syndicats").
    if (isPassive(v) || (v === qa - 1 && AGENT.has(toks[qb + 1]?.w ?? ''))) {
      for (let b = qb + 1; inSentence(b, close) && b < qb + REACH; b++) {
        const subject = AGENT.has(toks[b]!.w) ? find.after(b + 1, 5) : null;
        if (subject) return { subject, tok: b + 1, rule: 'passive' };
      }
      unnamed ??= none(v, 'passive');
      continue;
    }
    // "She shared the post, saying “…”": a participle's subject is the sentence's (but "is saying"
    // is a verb with its own subject before it).
    const participle = toks[v]!.w.endsWith('ing') && !AUX.has(toks[v - 1]?.w ?? '');
    const first = participle ? find.within(sentStart, v, true) : null;
    if (first) return { subject: first, tok: sentStart, rule: 'reported' };
    const s = find.before(v, sentStart);
    if (s) return { ...s, rule: 'reported' };
    unnamed ??= none(v, 'reported');
  }
  // 7. "Pour le député Éric Coquerel, ce budget est « insincère »": in French, Spanish and
  //    Portuguese a sentence opening on "for X," gives X's view.
  if (!unnamed && FOR_VIEW.has(toks[sentStart]!.w) && ROMANCE.has(a.lang)) {
    const object = OBJECT_PRONOUN.get(toks[sentStart + 1]?.w ?? '');
    const subject = object ? ({ kind: 'pronoun', want: object } as const) : find.after(sentStart + 1, 6);
    let comma = sentStart + 1;
    while (comma < qa && toks[comma]!.t !== ',' && toks[comma]!.q < 0) comma++;
    if (subject && subject.kind !== 'none' && toks[comma]?.t === ',' && comma - sentStart <= SUBJECT_REACH + 4) {
      return { subject, tok: sentStart + 1, rule: 'source' };
    }
  }
  // 6. A colon closing a sentence that opens on a person, without a verb of saying: "Ann Lee was
  //    blunt: “…”", "Katharina Dröge warf der Regierung Wortbruch vor: „…“".
  if (!unnamed && toks[qa - 1]?.t === ':') {
    const subject = find.within(sentStart, Math.min(qa - 1, sentStart + SUBJECT_REACH), true);
    if (subject && (subject.kind === 'name' || subject.kind === 'pronoun' || subject.kind === 'desc')) return { subject, tok: sentStart, rule: 'colon' };
  }
  return unnamed;

  /** Are tokens [from, to) titles and their capitalised qualifiers only ("AfD-Chefin", "der Minister")? */
  function onlyTitles(from: number, to: number): boolean {
    for (let n = from; n < to; n++) {
      const t = toks[n]!;
      if (!t.cap && !t.caps && !DETERMINER.has(t.w) && !titleAt(toks, n)) return false;
    }
    return true;
  }

  /** "was described", "were never officially confirmed". */
  function isPassive(v: number): boolean {
    for (let k = v - 1; k >= 0 && k >= v - 4; k--) {
      const w = toks[k]!.w;
      if (PASSIVE.has(w)) return true;
      if (!w.endsWith('ly') && !ADVERB.has(w)) return false;
    }
    return false;
  }

  /** Where the sentence of token k starts, looking back no further than REACH tokens. */
  function startOfSentence(k: number): number {
    const sent = toks[k]!.sent;
    const limit = Math.max(0, k - REACH);
    while (k > limit && toks[k - 1]!.sent === sent) k--;
    return k;
  }

  /** "…," said X / "…," X said / "…", a-t-il dit / "…", so X. */
  function afterQuote(k: number): Attribution | null {
    // "…», s’est félicité X": a reflexive verb's pronoun and auxiliary.
    if (REFLEXIVE.has(toks[k]!.w) && ETRE.has(toks[k + 1]?.w ?? '') && speechVerbAt(toks, k + 2) >= 0) k += 2;
    const ref = toks[k]!;
    const prep = sourcePrepAt(toks, k);
    if (prep >= 0 || (ref.w === 'so' && a.lang === 'de')) {
      const subject = find.after(prep >= 0 ? prep : k + 1, 6);
      return subject ? { subject, tok: k, rule: 'after' } : null;
    }
    // Verb first, after at most one auxiliary ("a déclaré"), maybe inverted ("a-t-il dit", "sagte er").
    const auxPronoun = AUX.has(ref.w) ? pronounAt(toks, k + 1) : null;
    if (auxPronoun && speechVerbAt(toks, k + 2) >= 0) {
      return { subject: { kind: 'pronoun', want: auxPronoun }, tok: k + 1, rule: 'after' };
    }
    const v = AUX.has(ref.w) && speechVerbAt(toks, k + 1) >= 0 ? k + 1 : k;
    const verbEnd = speechVerbAt(toks, v);
    if (verbEnd >= 0) {
      const next = toks[verbEnd + 1];
      const subject = next && next.sent === ref.sent ? find.after(verbEnd + 1, 8) : null;
      if (subject) return { subject, tok: verbEnd + 1, rule: 'after' };
      // "«…», dijo." — a verb with no subject: whoever the text is about; but "…", acrescentou
      // o comandante: someone the article does not name here.
      if (!next || next.sent !== ref.sent || next.k === 'p') {
        // "«…», explicaron": a plural verb, people the article does not name here; abstain.
        if ((a.lang === 'es' || a.lang === 'pt') && PLURAL_VERB.test(toks[verbEnd]!.w)) return none(k, 'after');
        return { subject: { kind: 'pronoun', want: 'any' }, tok: k, rule: 'after' };
      }
      return none(k, 'after');
    }
    // "…", falou Tite: a word and a name after the quote read as an attribution whatever the verb;
    // titles may stand between ("„…“, kündigte AfD-Chefin Alice Weidel an").
    const named = ref.k === 'w' && !ref.cap && !STOP.has(ref.w) ? find.after(k + 1, 4) : null;
    if (named?.kind === 'name' && toks[named.occ.j]?.sent === ref.sent && onlyTitles(k + 1, named.occ.i)) {
      return { subject: named, tok: k + 1, rule: 'after' };
    }
    // Subject first: "…," X said / "…," her mother, Rosa, said / "…," she told reporters.
    // (Room for a title, a party tag and an appositive: "…," Rep. Jim Jordan, R-Ohio, the chairman of…, said.)
    for (let n = k; n < k + 24 && inSentence(n, ref); n++) {
      const t = toks[n]!;
      if (t.q >= 0 || (t.k === 'p' && t.t !== ',' && t.t !== '’')) break;
      if (speechVerbAt(toks, n) >= 0) return { subject: find.within(k, n) ?? { kind: 'none' }, tok: k, rule: 'after' };
    }
    return null;
  }
}
