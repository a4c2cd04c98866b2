/**
 * Groups the name occurrences of an article into people: "Dana Whitlock", "Whitlock" and
 * "Ms. Whitlock" are one person; "Te Rangi" is "Te Rangi Hemi Parore"; a surname that two
 * people share ("Berg" for Anna Berg and her brother) is linked to neither. Also marks
 * journalists (an "editor", "Channel 7's Lucy Tran has the story", a byline), who are never
 * officials nor the referent of a pronoun.
 */
import { charClass, LETTER } from './chars';
import { JOURNALIST } from './lexicon/titles';
import type { NameOcc } from './names';
import type { Token } from './tokens';

export interface Person {
  /** The fullest form of the name (labels name a speaker so, as first named: usually the same). */
  full: string;
  words: string[];
  gender: 'm' | 'f' | '';
  journalist: boolean;
  /** Known to be a person: a full name, an honorific or a title; not a lone capitalised word. */
  strong: boolean;
  occs: NameOcc[];
}

export interface People {
  persons: Person[];
  /** The person each occurrence names; ambiguous surnames map to the most recent full mention. */
  of: Map<NameOcc, Person>;
  /** Occurrences whose surname two people share. */
  ambiguous: Set<NameOcc>;
}

const surname = (words: readonly string[]): string => words[words.length - 1] ?? '';
/** `/^(?:\p{L}\.)+$/u.test(w)` ("j.", "j.b."), the regular expression only beyond Latin letters. */
function isInitial(w: string): boolean {
  if (w.length < 2) return false;
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    if (code >= 0x300) return /^(?:\p{L}\.)+$/u.test(w);
    if (i % 2 === 1 ? code !== 46 : charClass(code) !== LETTER) return false;
  }
  return w.length % 2 === 0;
}

/** Same person? Same surname and compatible given names, or one name the start of the other. */
function sameName(a: readonly string[], b: readonly string[]): boolean {
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  let prefix = true;
  for (let k = 0; k < short.length && prefix; k++) prefix = long[k] === short[k];
  if (prefix) return true;
  if (surname(a) !== surname(b)) return false;
  const ga = a[0]!;
  const gb = b[0]!;
  return ga === gb || (isInitial(ga) && gb.startsWith(ga[0]!)) || (isInitial(gb) && ga.startsWith(gb[0]!));
}

/** "López Obrador" after "Andrés Manuel López Obrador": a later short form, the given names left out. */
function endsWith(long: readonly string[], short: readonly string[]): boolean {
  return short.length < long.length && short.every((w, k) => long[long.length - short.length + k] === w);
}

export function groupPeople(toks: readonly Token[], names: readonly NameOcc[]): People {
  const persons: Person[] = [];
  const of = new Map<NameOcc, Person>();
  const ambiguous = new Set<NameOcc>();
  const create = (occ: NameOcc): Person => {
    const strong = occ.words.length > 1 || occ.honorific >= 0;
    const p: Person = { full: occ.text, words: occ.words, gender: '', journalist: false, strong, occs: [] };
    persons.push(p);
    return p;
  };
  const link = (occ: NameOcc, p: Person): void => {
    of.set(occ, p);
    p.occs.push(occ);
    if (occ.gender) p.gender = occ.gender;
    if (occ.honorific >= 0) p.strong = true;
    if (journalistAt(toks, occ)) p.journalist = true;
  };

  // Full names first, in document order, so that later short forms find them.
  for (const occ of names) {
    if (occ.words.length < 2) continue;
    const p = persons.find((q) => q.words.length > 1 && (sameName(q.words, occ.words) || endsWith(q.words, occ.words))) ?? create(occ);
    if (occ.words.length > p.words.length) {
      p.words = occ.words;
      p.full = occ.text;
    }
    link(occ, p);
  }
  const full = persons.slice();
  for (const occ of names) {
    if (occ.words.length !== 1) continue;
    const w = occ.words[0]!;
    const bySurname = full.filter((p) => surname(p.words) === w);
    const byGiven = full.filter((p) => p.words[0] === w);
    if (bySurname.length > 1) {
      ambiguous.add(occ);
      const recent = lastMentioned(bySurname, occ);
      if (recent) of.set(occ, recent);
      continue;
    }
    // "Lula" for "Luiz Inácio Lula da Silva": a middle name by which one person alone is known.
    const byMiddle = bySurname.length + byGiven.length === 0 ? full.filter((p) => p.words.indexOf(w) > 0) : [];
    const p =
      bySurname[0] ??
      (byGiven.length === 1 ? byGiven[0] : undefined) ??
      (byMiddle.length === 1 ? byMiddle[0] : undefined) ??
      persons.find((q) => q.words.length === 1 && q.words[0] === w) ??
      create(occ);
    link(occ, p);
  }
  for (const p of persons) p.occs.sort((a, b) => a.i - b.i);
  return { persons, of, ambiguous };
}

/** The person among `candidates` whose name occurs last before `occ`. */
function lastMentioned(candidates: readonly Person[], occ: NameOcc): Person | undefined {
  let best: Person | undefined;
  let at = -1;
  for (const p of candidates) {
    for (const o of p.occs) if (o.i < occ.i && o.i > at) [best, at] = [p, o.i];
  }
  return best;
}

/** Broadcasters and agencies whose possessive before a name makes it a journalist's. */
const BROADCASTER = new Set('bbc itv cnn nbc cbs abc fox npr pbs msnbc cnbc sky reuters afp bloomberg rte sbs'.split(' '));
/** The first words of "has the story", "reports from", ", Channel 7 News". */
const AFTER_CUE = new Set(['has', 'had', 'reports', 'reporting', 'reported', ',']);
const OUTLET = ['news', 'times', 'post', 'press'];

/** Is this occurrence a journalist's: "editor Tom Hale", "Lucy Tran has the story", "By Jane Roe"? */
function journalistAt(toks: readonly Token[], occ: NameOcc): boolean {
  for (let k = Math.max(0, occ.i - 3); k < occ.i; k++) if (JOURNALIST.has(toks[k]!.w)) return true;
  // "the BBC's Laura Kuenssberg", "CNN's Jake Tapper": a broadcaster's own.
  const owner = toks[occ.i - 1];
  if (owner?.poss && BROADCASTER.has(owner.w)) return true;
  const before = toks[occ.i - 1];
  if (before && before.w === 'by' && (occ.i === 1 || toks[occ.i - 2]!.para !== before.para)) return true;
  const next = toks[occ.j];
  // The words after the name, joined, when the first of them may begin one of the phrases below.
  const cue = next?.w ?? '';
  const after = AFTER_CUE.has(cue) ? toks.slice(occ.j, occ.j + 5).map((t) => t.w).join(' ') : '';
  if (/^(?:has|had) the story|^report(?:s|ing|ed) from/u.test(after)) return true;
  // "Tom Hale, Channel 7 News": a name followed by a news outlet.
  // (The outlet's name is capitalised: not "Lucy Frazer, told Sky News".)
  const outlet =
    cue === ',' &&
    toks.slice(occ.j + 1, occ.j + 4).some((t) => OUTLET.some((o) => t.w.startsWith(o))) &&
    toks[occ.j + 1]!.k !== 'p' &&
    (toks[occ.j + 1]!.cap || toks[occ.j + 1]!.caps || toks[occ.j + 1]!.k === 'n');
  if (outlet && /^, (?:[\p{L}.]+ ){0,2}(?:news|times|post|press)\b/u.test(after)) return true;
  return next !== undefined && next.t === ',' && toks.slice(occ.j + 1, occ.j + 4).some((t) => JOURNALIST.has(t.w));
}
