// Folding and tokenising: what is stored and what is typed are cut the same way.
import { describe, expect, it } from 'vitest';
import { fold, MAX_TOKEN_LENGTH, tokenize, wordSpans } from '@/src/core/search/text';

describe('fold', () => {
  it('ignores case and accents', () => {
    expect(fold('Élection À Montréal')).toBe('election a montreal');
    expect(fold('PRITZKER')).toBe('pritzker');
    expect(fold('São Paulo, Zürich, Ångström')).toBe('sao paulo, zurich, angstrom');
  });

  it('maps letters that decomposition leaves alone, and compatibility forms', () => {
    expect(fold('Straße Æsop Œuvre Øresund Łódź')).toBe('strasse aesop oeuvre oresund lodz');
    expect(fold('ﬁnance')).toBe('finance');
  });
});

describe('tokenize', () => {
  it('cuts words on anything that is not a letter or digit', () => {
    expect(tokenize('A one-time transfer of $31 million — from the city’s reserve.')).toEqual([
      'a', 'one', 'time', 'transfer', 'of', '31', 'million', 'from', 'the', 'citys', 'reserve',
    ]);
  });

  it('keeps inner apostrophes inside the word, whichever apostrophe', () => {
    expect(tokenize("don't Pritzker’s l'État")).toEqual(['dont', 'pritzkers', 'letat']);
  });

  it('handles empty, punctuation-only and non-Latin text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('!!! ??? — …')).toEqual([]);
    expect(tokenize('Москва 東京 Αθήνα')).toEqual(['москва', '東京', 'αθηνα']);
  });

  it('bounds very long words', () => {
    const [token] = tokenize('x'.repeat(500));
    expect(token).toHaveLength(MAX_TOKEN_LENGTH);
  });

  it('cuts the longest highlight and note whole', () => {
    const text = 'Lorem ipsum dolor sit amet, élection immigration. '.repeat(400);
    expect(tokenize(text).length).toBe(2800);
  });

  it('gives ASCII words (its fast path) the same forms as folding them does', () => {
    // Every word as fold and strip would make it, without the ASCII shortcut.
    const reference = (text: string) =>
      [...text.matchAll(/[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu)]
        .map((m) => fold(m[0]).replace(/[^\p{L}\p{N}]+/gu, '').slice(0, MAX_TOKEN_LENGTH))
        .filter(Boolean);
    const texts = [
      "It's the MAYOR'S o'clock rock'n'roll plan, 3'4 and 'quoted' words'",
      'CamelCase ABC123 x'.repeat(3) + 'y'.repeat(40) + "'z",
      "naïve l'État don’t Ｆｕｌｌ ﬁnance ½ 2²",
      Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join(''),
    ];
    for (const text of texts) expect(tokenize(text)).toEqual(reference(text));
  });
});

describe('wordSpans', () => {
  it('gives each word’s place in the original text with its search form', () => {
    const text = 'The Élection’s day';
    expect(wordSpans(text).map((s) => [text.slice(s.start, s.end), s.token])).toEqual([
      ['The', 'the'],
      ['Élection’s', 'elections'],
      ['day', 'day'],
    ]);
  });
});
