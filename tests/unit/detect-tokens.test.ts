/**
 * The detector's tokenizer: lower-case forms, case flags, initials, abbreviations, possessives,
 * elisions and inversions, including texts the one-pass lower-casing cannot take whole (a dotted
 * capital I, a Greek capital sigma) and a text that ends on initials.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/core/detect';
import { charClass, DIGIT, hasLetterOrDigit, isUpperUnit, LETTER, OTHER, SPACE, startsUpperCase } from '../../src/core/detect/chars';
import { tokenize, type Token } from '../../src/core/detect/tokens';

const toks = (text: string): Token[] => tokenize({ text, paragraphs: [{ start: 0, end: text.length }] }, []);
const pick = (t: Token) => ({ t: t.t, w: t.w, k: t.k, cap: t.cap, caps: t.caps, init: t.init, abbr: t.abbr, poss: t.poss });

describe('the character table', () => {
  it('classes every UTF-16 code unit as the Unicode regular expressions do', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 65536; code++) {
      const ch = String.fromCharCode(code);
      const want = /[\p{L}\p{M}]/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? DIGIT : /\s/u.test(ch) ? SPACE : OTHER;
      if (charClass(code) !== want || isUpperUnit(code) !== (ch !== ch.toLowerCase())) wrong.push(code.toString(16));
      if (startsUpperCase(ch) !== /^\p{Lu}/u.test(ch)) wrong.push(`Lu ${code.toString(16)}`);
      if (hasLetterOrDigit(`-${ch}-`) !== /[\p{L}\p{N}]/u.test(ch)) wrong.push(`LN ${code.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
  it('tells letters outside the BMP', () => {
    expect(hasLetterOrDigit('—𝐀—')).toBe(true);
    expect(hasLetterOrDigit('—🎉—')).toBe(false);
    expect(startsUpperCase('𝐀')).toBe(true);
  });
});

describe('tokenize', () => {
  it('gives lower-case forms and case flags', () => {
    expect(toks('Sen. Whitlock’s ICE plan, J.B. Smith and M. Dupont in 1990s.').map(pick)).toEqual([
      { t: 'Sen.', w: 'sen', k: 'w', cap: true, caps: false, init: false, abbr: true, poss: false },
      { t: 'Whitlock’s', w: 'whitlock', k: 'w', cap: true, caps: false, init: false, abbr: false, poss: true },
      { t: 'ICE', w: 'ice', k: 'w', cap: false, caps: true, init: false, abbr: false, poss: false },
      { t: 'plan', w: 'plan', k: 'w', cap: false, caps: false, init: false, abbr: false, poss: false },
      { t: ',', w: ',', k: 'p', cap: false, caps: false, init: false, abbr: false, poss: false },
      { t: 'J.B.', w: 'j.b.', k: 'w', cap: true, caps: false, init: true, abbr: false, poss: false },
      { t: 'Smith', w: 'smith', k: 'w', cap: true, caps: false, init: false, abbr: false, poss: false },
      { t: 'and', w: 'and', k: 'w', cap: false, caps: false, init: false, abbr: false, poss: false },
      { t: 'M.', w: 'm', k: 'w', cap: true, caps: false, init: true, abbr: false, poss: false },
      { t: 'Dupont', w: 'dupont', k: 'w', cap: true, caps: false, init: false, abbr: false, poss: false },
      { t: 'in', w: 'in', k: 'w', cap: false, caps: false, init: false, abbr: false, poss: false },
      { t: '1990s', w: '1990s', k: 'n', cap: false, caps: false, init: false, abbr: false, poss: false },
      { t: '.', w: '.', k: 'p', cap: false, caps: false, init: false, abbr: false, poss: false },
    ]);
  });
  it('splits French elisions and inversions', () => {
    expect(toks('l’État a-t-il dit qu’Olivier').map((t) => t.w)).toEqual(['l’', 'état', 'a', 'il', 'dit', 'qu’', 'olivier']);
    expect(toks('Jusqu’à L’Ŝa d’1er aujourd’hui dit-elle est-ON').map((t) => t.t)).toEqual([
      'Jusqu’', 'à', 'L’', 'Ŝa', 'd’1er', 'aujourd’hui', 'dit', 'elle', 'est', 'ON',
    ]);
    // Case folding as the /iu regular expressions fold: "ſ" (long s) is an "s".
    expect(toks('ſ’il dit-ilſ').map((t) => t.t)).toEqual(['ſ’', 'il', 'dit', 'ilſ']);
  });
  it('keeps "ß" words out of all capitals', () => {
    expect(toks('STRASSE Straße GROß').map((t) => t.caps)).toEqual([true, false, false]);
  });
  it('lower-cases word by word where the whole text cannot be (İ, Σ)', () => {
    expect(toks('İstanbul’s mayor').map((t) => [t.w, t.poss])).toEqual([
      ['i̇stanbul', true],
      ['mayor', false],
    ]);
    expect(toks('ΟΔΟΣ ΑΘΗΝΑΣ').map((t) => t.w)).toEqual(['οδος', 'αθηνας']);
    expect(toks('ΟΔΟΣ ΑΘΗΝΑΣ').map((t) => t.caps)).toEqual([true, true]);
  });
  it('keeps each half of a character outside the BMP as it is', () => {
    // "𐐀" (Deseret) is upper case; each of its code units, alone, is not.
    expect(toks('Ann 𐐀 mayor').map((t) => [t.t, t.w])).toEqual([
      ['Ann', 'ann'],
      ['\ud801', '\ud801'],
      ['\udc00', '\udc00'],
      ['mayor', 'mayor'],
    ]);
  });
  it('numbers sentences and paragraphs', () => {
    const text = 'He left. She stayed.\n\nThen rain.';
    const t = tokenize({ text, paragraphs: [{ start: 0, end: 20 }, { start: 22, end: text.length }] }, []);
    expect(t.map((x) => [x.t, x.para, x.sent])).toEqual([
      ['He', 0, 0], ['left', 0, 0], ['.', 0, 0], ['She', 0, 1], ['stayed', 0, 1], ['.', 0, 1],
      ['Then', 1, 2], ['rain', 1, 2], ['.', 1, 2],
    ]);
  });
  it('takes a text that ends on initials', () => {
    expect(toks('He went to the U.S.').map((t) => t.t)).toEqual(['He', 'went', 'to', 'the', 'U.S.']);
    expect(detect({ text: 'He went to the U.S.', paragraphs: [] })).toEqual({ quotes: [], officials: [] });
  });
});
