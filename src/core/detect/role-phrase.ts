/**
 * Reads the role phrase around a title as the article gives it ("Ohio Governor", "former
 * security chief", "Peru's president", "ministre de la justice"), and judges it: qualified when
 * an ambiguous title has what makes it a public post ("opposition leader", "FBI Director"),
 * public unless a word makes it private ("chief executive", "club president").
 */
import { GOVERNMENT, NOT_PUBLIC, PRIVATE_BODY, PRIVATE_SUFFIX, STATE_BODY, TITLE_MODIFIER } from './lexicon/titles';
import { set, STOP } from './lexicon/words';
import { titleAt, type TitleMatch } from './titles';
import type { Token } from './tokens';

export interface Role {
  /** Token range of the role phrase (modifiers, title, complement). */
  i: number;
  j: number;
  /** The title words' range inside it. */
  title: TitleMatch;
  /** The role as written, a plural head made singular. */
  text: string;
  qualified: boolean;
  public: boolean;
}

/** In the Romance languages a head of state's title is written in lower case after the article. */
const ROMANCE_ARTICLE = set('le la el o a il');

/** Is token a modifier a title may carry on its left ("Ohio", "former", "Peru's")? */
function isModifier(tok: Token): boolean {
  if (tok.k !== 'w' || tok.q >= 0 || STOP.has(tok.w)) return false;
  if (tok.cap || tok.caps) return true;
  return TITLE_MODIFIER.has(tok.w) || tok.w.startsWith('ex-') || tok.w.startsWith('vice-') || NOT_PUBLIC.has(tok.w);
}

/** The role phrase around title m: its modifiers on the left, and a complement up to `stop`. */
export function rolePhrase(text: string, toks: readonly Token[], m: TitleMatch, stop = m.j): Role {
  let i = m.i;
  while (i > 0 && i > m.i - 5 && isModifier(toks[i - 1]!) && !toks[i]!.poss) i--;
  // Whose post it is: "Peru's president", "the country's finance minister".
  const owner = toks[i - 1];
  if (owner && owner.poss && owner.k === 'w' && owner.q < 0 && !toks[i]!.poss) i--;
  const j = Math.max(m.j, stop);
  const head = toks[m.i]!;
  const governmental = (k: number): boolean => GOVERNMENT.has(toks[k]!.w) || toks[k]!.caps || titleAt(toks, k) !== null;
  let qualified: boolean;
  switch (m.info.need) {
    case '':
      qualified = true;
      break;
    case 'G':
      // A governmental word, an agency's acronym or another official's title around it.
      qualified = anyIn(i, m.i, governmental) || anyIn(m.j, j, governmental);
      break;
    default:
      // "President Lee", "le président Laval", "ex-president", "opposition leader", "mayor of Lyon";
      // not "says president David Holt".
      qualified =
        (m.info.need === 'q' && (head.cap || ROMANCE_ARTICLE.has(toks[m.i - 1]?.w ?? ''))) ||
        j > m.j ||
        head.w.startsWith('ex-') ||
        anyIn(i, m.i, (k) => toks[k]!.cap || toks[k]!.caps || TITLE_MODIFIER.has(toks[k]!.w));
  }
  const after = toks[m.j];
  // "president of the Center for Reproductive Rights", "Präsident des Bundesverbands…": a private body.
  const privateBody = (k: number): boolean => PRIVATE_BODY.has(toks[k]!.w) || (toks[k]!.cap && PRIVATE_SUFFIX.test(toks[k]!.w));
  const isPublic =
    !anyIn(i, j, (k) => NOT_PUBLIC.has(toks[k]!.w)) &&
    !(after && after.k === 'w' && !after.cap && NOT_PUBLIC.has(after.w)) && // "chief executive"
    !(anyIn(i, j, privateBody) && !anyIn(i, j, (k) => STATE_BODY.has(toks[k]!.w)));
  let roleText = text.slice(toks[i]!.s, toks[j - 1]!.e);
  const last = toks[m.j - 1]!;
  if (m.plural && j === m.j) roleText = roleText.slice(0, roleText.length - (last.t.length - singular(last.t).length));
  return { i, j, title: m, text: roleText, qualified, public: isPublic };
}

/** Does `test` hold for some index in [from, to)? */
function anyIn(from: number, to: number, test: (k: number) => boolean): boolean {
  for (let k = from; k < to; k++) if (test(k)) return true;
  return false;
}

function singular(word: string): string {
  return word.replace(/(?<=[^s])s$/u, '');
}
