/**
 * Recognises a title or post in the token stream ("Mayor", "Illinois Governor", "Secretary of
 * State", "former security chief", "Sen.") and reads the role phrase around it as the article
 * gives it, with the qualifiers that make an ambiguous title public ("opposition leader",
 * "Sudan's president") and the words that make it private ("chief executive").
 */
import { MULTI_TITLES, NOT_PUBLIC, TITLE_MODIFIER, TITLES, type TitleInfo } from './lexicon/titles';
import { STOP } from './lexicon/words';
import type { Token } from './tokens';

export interface TitleMatch {
  /** Token range of the title words themselves. */
  i: number;
  j: number;
  info: TitleInfo;
  plural: boolean;
}

const MULTI = new Map<string, string[][]>();
for (const title of MULTI_TITLES) {
  const words = title.replace(/\./g, '').split(/[ -]/);
  const list = MULTI.get(words[0]!) ?? [];
  list.push(words);
  MULTI.set(words[0]!, list);
}
const PLAIN: TitleInfo = { need: '', gender: '', abbr: false };

/** Looks a single word up as a title, singular or plural ("ministers", "députés"). */
function lookup(tok: Token): { info: TitleInfo; plural: boolean } | null {
  let w = tok.w;
  if (w.startsWith('ex-')) w = w.slice(3);
  if (w.endsWith('-elect')) w = w.slice(0, -6);
  const info = TITLES.get(w);
  if (info) return info.abbr && !tok.cap ? null : { info, plural: false };
  const singular = w.endsWith('s') ? TITLES.get(w.slice(0, -1)) : undefined;
  return singular && !singular.abbr ? { info: singular, plural: true } : null;
}

/** The longest title starting at token k, if any. */
export function titleAt(toks: readonly Token[], k: number): TitleMatch | null {
  const tok = toks[k];
  if (!tok || tok.k !== 'w') return null;
  for (const words of MULTI.get(tok.w) ?? []) {
    let ok = true;
    for (let n = 1; n < words.length && ok; n++) {
      const t = toks[k + n];
      ok = t !== undefined && t.k === 'w' && (t.w === words[n] || t.w === `${words[n]}s`);
    }
    if (ok) {
      const last = toks[k + words.length - 1]!;
      const base = TITLES.get(last.w.replace(/s$/, '')) ?? TITLES.get(last.w) ?? PLAIN;
      return { i: k, j: k + words.length, info: { ...base, need: '' }, plural: last.w.endsWith('s') && !last.w.endsWith('ss') };
    }
  }
  const one = lookup(tok);
  return one ? { i: k, j: k + 1, ...one } : null;
}

export interface Role {
  /** Token range of the role phrase (modifiers, title, complement). */
  i: number;
  j: number;
  /** The title words' range inside it. */
  title: TitleMatch;
  /** The role as written, plural head made singular. */
  text: string;
  qualified: boolean;
  public: boolean;
}

/** Is token a modifier a title may carry on its left ("Illinois", "former", "Sudan's")? */
function isModifier(tok: Token): boolean {
  if (tok.k !== 'w' || tok.q >= 0 || STOP.has(tok.w)) return false;
  if (tok.cap || tok.caps) return true;
  return TITLE_MODIFIER.has(tok.w) || tok.w.startsWith('ex-') || tok.w.startsWith('vice-') || NOT_PUBLIC.has(tok.w);
}

/**
 * The role phrase around the title `m`: modifiers on its left and, when `complement` is set, a
 * complement on its right up to `stop` ("ministre de la justice", "Secretary of State").
 */
export function rolePhrase(text: string, toks: readonly Token[], m: TitleMatch, stop = m.j): Role {
  let i = m.i;
  while (i > 0 && i > m.i - 5 && isModifier(toks[i - 1]!)) {
    i--;
    if (toks[i]!.poss && !(toks[i]!.cap || toks[i]!.caps)) break;
  }
  const j = Math.max(m.j, stop);
  const words = toks.slice(i, j);
  const head = toks[m.j - 1]!;
  let qualified = m.info.need === '' || (m.info.need === 'q' && toks[m.i]!.cap);
  if (!qualified) qualified = i < m.i || j > m.j;
  const after = toks[m.j];
  const isPublic = !words.some((t) => NOT_PUBLIC.has(t.w)) && !(after && NOT_PUBLIC.has(after.w) && after.k === 'w' && !after.cap);
  let roleText = text.slice(toks[i]!.s, toks[j - 1]!.e);
  if (m.plural && j === m.j) roleText = roleText.slice(0, roleText.length - (head.t.length - singular(head.t).length));
  return { i, j, title: m, text: roleText, qualified, public: isPublic };
}

function singular(word: string): string {
  return word.replace(/(?<=[^s])s$/u, '');
}
