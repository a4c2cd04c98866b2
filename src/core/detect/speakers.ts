/**
 * Attributes every quotation: its kind, then its speaker by the sieve (attribution.ts), resolved
 * to the full name as first named; then the rules for quotes with no attribution of their own:
 * a quote right after an attributed one in the same paragraph shares its speaker, and a quote
 * that opens a paragraph (or a sentence) continues the person the text was just about; last,
 * echoes (echo.ts).
 */
import type { Analysis } from './analysis';
import { attribute } from './attribution';
import { echo } from './echo';
import { UNNAMED_PERSON } from './lexicon/speech';
import { nameEnd } from './names';
import type { Person } from './people';
import type { OfficialsFound } from './officials';
import { quoteKind } from './quote-kind';
import { buildReferents, officialFor, resolve, stripArticle, type Referent } from './referents';
import { subjects, type Subject } from './subjects';
import type { DetectedQuote, QuoteKind, Span } from './types';

/** Characters below which a paragraph reads as a heading. */
const HEADING = 80;

/** Every quotation of the analysed article, with its kind and speaker. */
export function attributeQuotes(a: Analysis, found: OfficialsFound): DetectedQuote[] {
  const { toks, quotes, people } = a;
  const find = subjects(a);
  const refs = buildReferents(a, found.officials);
  const out: DetectedQuote[] = [];
  const speakerRef: (Referent | null)[] = [];
  /** Whether a quote's speaker was read from its own attribution (not inferred from context). */
  const explicit: boolean[] = [];

  quotes.forEach((q, qi) => {
    const [qa] = a.quoteToks[qi]!;
    const open = toks[qa]!;
    const att = attribute(a, find, qi);
    const previous = out[qi - 1];
    // A quote its own attribution names a speaker for is speech, however short.
    const direct = att !== null && (att.rule === 'after' || att.rule === 'colon');
    const attributed = direct || (att !== null && att.subject.kind !== 'none');
    const kind: QuoteKind = quoteKind(a, qi, attributed, direct, previous?.kind ?? null);
    let ref: Referent | null = null;
    if (kind === 'speech') {
      if (att) ref = resolveSubject(att.subject, att.tok);
      else ref = implicit(qi);
    }
    speakerRef.push(ref);
    explicit.push(att !== null);
    // Someone unnamed spoke ("the victim's mother said"): a pronoun or a quote after it must not
    // reach past them to a person named earlier; they resolve to no one.
    const unnamed = kind === 'speech' && att?.subject.kind === 'none' ? unnamedPerson(att.tok) : null;
    if (unnamed) addRef(unnamed);
    const result: DetectedQuote = { start: q.start, end: q.stop, text: q.text, kind, speaker: ref?.name ?? null };
    const span = ref && att ? spanOf(att.subject) : null;
    if (span) result.speakerSpan = span;
    out.push(result);
    // The speaker becomes a referent where the quote stands, for the pronouns that follow.
    if (ref) addRef({ ...ref, tok: att ? att.tok : qa, sent: toks[att ? att.tok : qa]!.sent, para: open.para });
  });
  // A quote heading a short paragraph (a heading, a pull quote) may echo one said in the text.
  const heading = quotes.map((_, qi) => {
    const para = a.paragraphs[toks[a.quoteToks[qi]![0]]!.para];
    return para !== undefined && para.end - para.start < HEADING;
  });
  const { lower } = a;
  echo(out, explicit, heading, (qi) => {
    const q = quotes[qi]!;
    return lower ? q.parts.map((p) => lower.slice(p.start, p.end)).join(' ') : q.text.toLowerCase();
  });
  return out;

  /** A person the attribution at token k describes without naming ("the victim's mother"), as a referent that names no one. */
  function unnamedPerson(k: number): Referent | null {
    const t = toks[k]!;
    // Nearest first; an owner ("the victim's mother") is not who spoke.
    for (let d = 0; d <= 12; d++) {
      const n = d % 2 === 0 ? k - d / 2 : k + (d + 1) / 2;
      const u = toks[n];
      if (!u || u.sent !== t.sent || u.q >= 0 || u.poss) continue;
      const gender = UNNAMED_PERSON.get(u.w);
      if (gender === undefined) continue;
      const person: Person = { full: '', words: [], gender, journalist: false, strong: false, occs: [] };
      return { tok: n, sent: u.sent, para: u.para, name: '', person, org: false };
    }
    return null;
  }

  /** Where the attribution names the speaker: a name or an organisation, not a pronoun. */
  function spanOf(s: Subject): Span | null {
    if (s.kind === 'org') return s.span;
    if (s.kind !== 'name') return null;
    return { start: toks[s.occ.i]!.s, end: nameEnd(toks[s.occ.j - 1]!) };
  }

  function addRef(r: Referent): void {
    let k = refs.length;
    while (k > 0 && refs[k - 1]!.tok > r.tok) k--;
    refs.splice(k, 0, r);
  }

  function resolveSubject(s: Subject, tok: number): Referent | null {
    const t = toks[tok]!;
    const base = { tok, sent: t.sent, para: t.para };
    switch (s.kind) {
      case 'none':
        return null;
      case 'name': {
        const person = people.ambiguous.has(s.occ) ? null : (people.of.get(s.occ) ?? null);
        return { ...base, name: person ? person.full : s.occ.text, person, org: false };
      }
      case 'org':
        return { ...base, name: orgName(s.text), person: null, org: true };
      case 'desc': {
        const o = officialFor(found.officials, s.heads, tok);
        return o ? { ...base, name: o.person.full, person: o.person, org: false } : null;
      }
      case 'pronoun': {
        // A pronoun may reach further back than an implicit speaker: the writer chose it knowing.
        const r = resolve(refs, base, s.want, (x) => x.person?.journalist === true, 5);
        if (r && !r.name) return null;
        if (r?.person && !r.person.gender && (s.want === 'm' || s.want === 'f')) r.person.gender = s.want;
        return r ? { ...r, ...base } : null;
      }
    }
  }

  /** A lower-case description of an organisation named before ("the conservation department"). */
  function orgName(text: string): string {
    const name = stripArticle(text);
    if (/\p{Lu}/u.test(name)) return name;
    const words = name.toLowerCase().split(/\s+/u);
    const named = a.orgs.find((o) => words.every((w) => o.words.includes(w)));
    return named ? stripArticle(named.text) : name;
  }

  /** No attribution: the previous quote's speaker in the paragraph, or whom the text was about. */
  function implicit(qi: number): Referent | null {
    const [qa] = a.quoteToks[qi]!;
    const open = toks[qa]!;
    const prevQuote = qi > 0 ? a.quoteToks[qi - 1]! : null;
    const prevRef = speakerRef[qi - 1];
    if (prevQuote && prevRef && toks[prevQuote[1]]!.para === open.para) {
      return { ...prevRef, tok: qa, sent: open.sent, para: open.para };
    }
    const startsSentence = !toks[qa - 1] || toks[qa - 1]!.sent !== open.sent;
    if (!startsSentence) return null;
    // Paragraphs in between without anyone in them (a caption, a tag line) do not break the thread.
    const here = { tok: qa, sent: open.sent, para: open.para };
    const r = resolve(refs, here, 'any', (x) => x.person?.journalist === true, 2);
    return r?.name ? { ...r, tok: qa, sent: open.sent, para: open.para } : null;
  }
}
