/**
 * Recognises a title or post at a token ("Mayor", "Secretary of State", "Sen.", "ministers",
 * "Innenministerin"): single words singular or plural, feminine forms, German compounds, and
 * titles of several words. Memoised on the token, since the rules ask again and again.
 */
import { GERMAN_COMPOUND, MULTI_TITLES, TITLES, type TitleInfo } from './lexicon/titles';
import type { Token } from './tokens';

export interface TitleMatch {
  /** Token range of the title words themselves. */
  i: number;
  j: number;
  info: TitleInfo;
  plural: boolean;
}

/** What a word may begin or be: titles of several words starting with it, a title, a title's plural. */
interface TitleWord {
  multi?: string[][];
  title?: TitleInfo;
  plural?: TitleInfo;
}

/**
 * Every word that may begin a title, in one table so that most tokens cost one lookup; plural
 * forms ("ministers", "secretaries") made once, so that a lookup builds no string: a word in
 * "-ies" is the plural of its "-y" form only, any other word in "-s" of the word without it.
 */
const WORDS = new Map<string, TitleWord>();
const entry = (w: string): TitleWord => {
  let e = WORDS.get(w);
  if (!e) WORDS.set(w, (e = {}));
  return e;
};
for (const title of MULTI_TITLES) {
  const words = title.split(/[ -]/);
  const e = entry(words[0]!);
  e.multi = [...(e.multi ?? []), words];
}
for (const [title, info] of TITLES) {
  entry(title).title = info;
  if (title.endsWith('y')) entry(`${title.slice(0, -1)}ies`).plural = info;
  if (!title.endsWith('ie')) entry(`${title}s`).plural = info;
}
const PLAIN: TitleInfo = { need: '', gender: '', abbr: false };

/** The longest title starting at token k, if any. */
export function titleAt(toks: readonly Token[], k: number): TitleMatch | null {
  const tok = toks[k];
  if (!tok || tok.k !== 'w') return null;
  if (tok.title === undefined) tok.title = findTitle(toks, k, tok);
  return tok.title;
}

function findTitle(toks: readonly Token[], k: number, tok: Token): TitleMatch | null {
  const e = WORDS.get(tok.w);
  for (const words of e?.multi ?? []) {
    const n = words.length;
    if (!words.every((w, m) => m === 0 || (toks[k + m]?.k === 'w' && [w, `${w}s`].includes(toks[k + m]!.w)))) continue;
    const last = toks[k + n - 1]!.w;
    const plural = last.endsWith('s') && !last.endsWith('ss');
    const base = TITLES.get(plural ? last.slice(0, -1) : last) ?? PLAIN;
    return { i: k, j: k + n, info: { ...base, need: '' }, plural };
  }
  const one = lookup(tok, e);
  return one ? { i: k, j: k + 1, ...one } : null;
}

/** A single word as a title: "ex-" and "-elect" aside, singular or plural ("ministers", "députés"). */
function lookup(tok: Token, entry: TitleWord | undefined): { info: TitleInfo; plural: boolean } | null {
  let w = tok.w;
  let e = entry;
  if (w.startsWith('ex-') || w.endsWith('-elect')) {
    if (w.startsWith('ex-')) w = w.slice(3);
    if (w.endsWith('-elect')) w = w.slice(0, -6);
    e = WORDS.get(w);
  }
  const info = e?.title;
  if (info) return info.abbr && !tok.cap ? null : { info, plural: false };
  // German compounds end in a title ("…minister", "…präsident", "…chef", "…in"): a last letter rules most words out.
  const last = w.charCodeAt(w.length - 1);
  const compound = tok.cap && (last === 114 || last === 110 || last === 116 || last === 102) ? GERMAN_COMPOUND.exec(w) : null; // r n t f
  if (compound && (compound.index > 2 || /chef(?:in)?$/u.test(w))) {
    return { info: { need: '', gender: compound[1] ? 'f' : 'm', abbr: false }, plural: false };
  }
  const singular = e?.plural;
  return singular && !singular.abbr ? { info: singular, plural: true } : null;
}
