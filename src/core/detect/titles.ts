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

/** Titles of several words, by their first word. */
const MULTI = new Map<string, string[][]>();
for (const title of MULTI_TITLES) {
  const words = title.split(/[ -]/);
  MULTI.set(words[0]!, [...(MULTI.get(words[0]!) ?? []), words]);
}
const PLAIN: TitleInfo = { need: '', gender: '', abbr: false };

/**
 * Plural forms ("ministers", "secretaries") to their title, made once so that a lookup builds no
 * string: a word in "-ies" is the plural of its "-y" form only, any other word in "-s" of the word
 * without it.
 */
const PLURAL = new Map<string, TitleInfo>();
for (const [title, info] of TITLES) {
  if (title.endsWith('y')) PLURAL.set(`${title.slice(0, -1)}ies`, info);
  if (!title.endsWith('ie')) PLURAL.set(`${title}s`, info);
}

/** The longest title starting at token k, if any. */
export function titleAt(toks: readonly Token[], k: number): TitleMatch | null {
  const tok = toks[k];
  if (!tok || tok.k !== 'w') return null;
  if (tok.title === undefined) tok.title = findTitle(toks, k, tok);
  return tok.title;
}

function findTitle(toks: readonly Token[], k: number, tok: Token): TitleMatch | null {
  for (const words of MULTI.get(tok.w) ?? []) {
    const n = words.length;
    if (!words.every((w, m) => m === 0 || (toks[k + m]?.k === 'w' && [w, `${w}s`].includes(toks[k + m]!.w)))) continue;
    const last = toks[k + n - 1]!.w;
    const plural = last.endsWith('s') && !last.endsWith('ss');
    const base = TITLES.get(plural ? last.slice(0, -1) : last) ?? PLAIN;
    return { i: k, j: k + n, info: { ...base, need: '' }, plural };
  }
  const one = lookup(tok);
  return one ? { i: k, j: k + 1, ...one } : null;
}

/** A single word as a title: "ex-" and "-elect" aside, singular or plural ("ministers", "députés"). */
function lookup(tok: Token): { info: TitleInfo; plural: boolean } | null {
  let w = tok.w;
  if (w.startsWith('ex-')) w = w.slice(3);
  if (w.endsWith('-elect')) w = w.slice(0, -6);
  const info = TITLES.get(w);
  if (info) return info.abbr && !tok.cap ? null : { info, plural: false };
  const compound = tok.cap ? GERMAN_COMPOUND.exec(w) : null;
  if (compound && compound.index > 2) {
    return { info: { need: '', gender: compound[1] ? 'f' : 'm', abbr: false }, plural: false };
  }
  const singular = PLURAL.get(w);
  return singular && !singular.abbr ? { info: singular, plural: true } : null;
}
