/**
 * Attributes every quotation: its kind, then its speaker by the sieve (attribution.ts), resolved
 * to the full name as first named; then the rules for quotes with no attribution of their own:
 * a quote right after an attributed one in the same paragraph shares its speaker, a quote that
 * opens a paragraph (or a sentence) continues the person the text was just about, and a quote
 * echoed elsewhere (a lede's fragment, a heading) takes the speaker of the quote it echoes.
 */
import type { Analysis } from './analysis';
import { attribute, indexNames, type Subject } from './attribution';
import type { OfficialsFound } from './officials';
import { quoteKind } from './quote-kind';
import { buildReferents, officialFor, resolve, stripArticle, type Referent } from './referents';
import type { DetectedQuote, QuoteKind } from './types';

export function attributeQuotes(a: Analysis, found: OfficialsFound): DetectedQuote[] {
  const { toks, quotes, people } = a;
  const ix = indexNames(a);
  const refs = buildReferents(a, found.officials);
  const out: DetectedQuote[] = [];
  const speakerRef: (Referent | null)[] = [];
  /** Whether a quote's speaker was read from its own attribution (not inferred from context). */
  const explicit: boolean[] = [];

  quotes.forEach((q, qi) => {
    const [qa] = a.quoteToks[qi]!;
    const open = toks[qa]!;
    const att = attribute(a, ix, qi);
    const previous = out[qi - 1];
    const kind: QuoteKind = quoteKind(a, qi, att?.rule === 'after' || att?.rule === 'colon', previous?.kind ?? null);
    let ref: Referent | null = null;
    if (kind === 'speech') {
      if (att) ref = resolveSubject(att.subject, att.tok);
      else ref = implicit(qi);
    }
    speakerRef.push(ref);
    explicit.push(att !== null);
    const result: DetectedQuote = { start: q.start, end: q.stop, text: q.text, kind, speaker: ref?.name ?? null };
    out.push(result);
    // The speaker becomes a referent where the quote stands, for the pronouns that follow.
    if (ref) addRef({ ...ref, tok: att ? att.tok : qa, sent: toks[att ? att.tok : qa]!.sent, para: open.para });
  });
  echo(out, explicit);
  return out;

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
        const o = officialFor(a, found.officials, s.heads, tok);
        return o ? { ...base, name: o.person.full, person: o.person, org: false } : null;
      }
      case 'pronoun': {
        // A pronoun may reach further back than an implicit speaker: the writer chose it knowing.
        const r = resolve(refs, base, s.want, (x) => x.person?.journalist === true, 5);
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
    const r = resolve(refs, { tok: qa, sent: open.sent, para: open.para }, 'any', (x) => x.person?.journalist === true, 2);
    return r ? { ...r, tok: qa, sent: open.sent, para: open.para } : null;
  }
}

/**
 * A quote whose words another quote repeats (a lede's fragment, a heading) takes that quote's
 * speaker, unless its own attribution named one: the repetition is better evidence than context.
 */
function echo(quotes: DetectedQuote[], explicit: readonly boolean[]): void {
  const norm = (s: string): string => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const texts = quotes.map((q) => norm(q.text));
  quotes.forEach((q, i) => {
    if (explicit[i] && q.speaker !== null) return;
    const words = texts[i]!.trim().split(' ').length;
    // A term is an echo only when short and alone in its paragraph-like position (a heading).
    if (q.kind === 'term' && words > 8) return;
    const source = quotes.find((other, j) => j !== i && other.kind === 'speech' && other.speaker !== null && texts[j]!.includes(texts[i]!));
    const same = quotes.find((other, j) => j !== i && other.kind === 'speech' && texts[j]!.includes(texts[i]!));
    if (q.kind === 'term' && same) q.kind = 'speech';
    if (q.kind === 'speech' && source) q.speaker = source.speaker;
  });
}
