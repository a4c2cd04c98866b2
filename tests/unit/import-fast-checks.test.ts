/**
 * The import's fast checks (src/core/field-fast.ts, the background's fastImported, the ISO date
 * reader's fast path) may only skip the schema for values the schema accepts, and must give what
 * it gives: checked here on our own export's values and on thousands of mutations of them.
 */
import { describe, expect, it } from 'vitest';
import { importedAnnotationSchema } from '@/src/background/exchange-schemas';
import { fastImported } from '@/src/background/imported-fast';
import { jsonChunks, parseImport, type ImportedAnnotation } from '@/src/core/export';
import { parseIsoDateTime, toIso } from '@/src/core/export/iso-time';
import { isFastColor, isFastId, isFastKind, isFastNote, isFastPosition, isFastQuote } from '@/src/core/field-fast';
import { colorField, idField, kindField, noteField, positionSelectorSchema, quoteSelectorSchema } from '@/src/core/field-schemas';
import { LIMITS } from '@/src/core/model';
import { generate, rng } from '../fixtures/import/generate';

const NOW = Date.UTC(2026, 10, 27);
const random = rng(0xfa57);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

const { annotations, pages } = generate(200, 91);
const text = [...jsonChunks(annotations, pages, { generated: NOW, scope: { kind: 'all' }, appVersion: 'fast' })].join('');
const parsed = parseImport(text, { now: NOW });
if (!parsed.ok) throw new Error(parsed.message);
/** The items as the export page sends them to the background: JSON. */
const sent = JSON.parse(JSON.stringify(parsed.items)) as unknown[];

/** What the background's stage keeps for `raw` when the schema accepts it (undefined page fields dropped). */
function viaSchema(raw: unknown): ImportedAnnotation | null {
  const result = importedAnnotationSchema.safeParse(raw);
  if (!result.success) return null;
  const { annotation, page } = result.data;
  const fields = page ? Object.fromEntries(Object.entries(page).filter(([, v]) => v !== undefined)) : undefined;
  return fields && Object.keys(fields).length ? { annotation, page: fields } : { annotation };
}

const VALUES: unknown[] = [
  null, undefined, true, 0, -0, -1, 1.5, 2 ** 53, 8.64e15, 8.64e15 + 1, NaN, Infinity, '', ' ', 'x', [], {}, [[]],
  'yellow', 'red', 'quote', 'official', 'Highlight', 'TextQuoteSelector', 'TextPositionSelector',
  'x'.repeat(LIMITS.context + 1), 'x'.repeat(LIMITS.tag + 1), 'x'.repeat(LIMITS.pageField + 1), 'x'.repeat(LIMITS.quote + 1),
  'x'.repeat(LIMITS.note + 1), ['a', 'a', ' b '], Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`), [1],
  'https://example.com/a?utm_source=x#frag', 'javascript:alert(1)', 'HTTPS://Example.COM', 'not a url',
  '123e4567-e89b-42d3-a456-426614174000', '123E4567-E89B-42D3-A456-426614174000', '123e4567-e89b-02d3-a456-426614174000',
  '00000000-0000-0000-0000-000000000000', '123e4567-e89b-42d3-c456-426614174000', '123e4567e89b42d3a456426614174000',
];

type Slot = Record<string | number, unknown>;
function places(value: unknown, out: [Slot, string | number][] = []): [Slot, string | number][] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([value as unknown as Slot, i]), places(v, out)));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push([value as Slot, k]), places(v, out);
  return out;
}

/** One random change to a copy of an item: a value replaced, a key dropped or added. */
function mutate(item: unknown): unknown {
  const copy = structuredClone(item) as Slot;
  const [slot, key] = pick(places(copy));
  const what = int(4);
  if (what === 0 && !Array.isArray(slot)) delete slot[key];
  else if (what === 1 && !Array.isArray(slot)) slot[pick(['extra', 'speaker', 'page', 'title', '__proto__'])] = pick(VALUES);
  else slot[key] = structuredClone(pick(VALUES));
  return copy;
}

describe('the background’s fast check', () => {
  it('takes every annotation of our own export, giving what the schema gives', () => {
    const urls = new Map<string, string | null>();
    for (const raw of sent) {
      const fast = fastImported(raw, urls);
      expect(fast).not.toBeNull();
      expect(fast).toStrictEqual(viaSchema(raw));
    }
  });

  it('never takes what the schema refuses, and gives what it gives for 5,000 mutations', () => {
    const urls = new Map<string, string | null>();
    let taken = 0;
    let refused = 0;
    for (let i = 0; i < 5000; i++) {
      const raw = mutate(pick(sent));
      const fast = fastImported(raw, urls);
      const schema = viaSchema(raw);
      if (schema === null) refused++;
      if (fast === null) continue;
      taken++;
      expect(schema, JSON.stringify(raw)).not.toBeNull();
      expect(fast).toStrictEqual(schema);
    }
    // Both sides of the test happened: mutations the fast check took, and ones the schema refused.
    expect(taken).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(1000);
  });

  it('normalises URLs and tags as the schema does', () => {
    const raw = structuredClone(sent[0]) as { annotation: Record<string, unknown> };
    raw.annotation.url = 'https://Example.com/a?b=2&utm_source=x&a=1#top';
    raw.annotation.tags = ['  Ice ', 'ice', 'x  y'];
    const fast = fastImported(raw, new Map());
    expect(fast).toStrictEqual(viaSchema(raw));
    expect(fast?.annotation.url).toBe('https://example.com/a?a=1&b=2');
    expect(fast?.annotation.tags).toEqual(['Ice', 'x y']);
  });
});

describe('the fast field tests', () => {
  const cases: [string, (v: unknown) => boolean, { safeParse(v: unknown): { success: boolean; data?: unknown } }][] = [
    ['id', isFastId, idField],
    ['color', isFastColor, colorField],
    ['kind', isFastKind, kindField],
    ['note', isFastNote, noteField],
    ['quote', isFastQuote, quoteSelectorSchema],
    ['position', isFastPosition, positionSelectorSchema],
  ];
  const quote = { type: 'TextQuoteSelector', exact: 'a', prefix: '', suffix: '' };
  const position = { type: 'TextPositionSelector', start: 1, end: 2 };
  const values = [...VALUES, quote, position, ...Array.from({ length: 3000 }, () => mutate(pick([quote, position])))];
  for (const [name, fast, schema] of cases)
    it(`${name}: passes only values its schema outputs unchanged`, () => {
      let passed = 0;
      for (const value of values) {
        if (!fast(value)) continue;
        passed++;
        const result = schema.safeParse(value);
        expect(result.success, JSON.stringify(value)).toBe(true);
        expect(result.data).toStrictEqual(value);
      }
      expect(passed).toBeGreaterThan(0);
    });
});

describe('reading our own dates', () => {
  it('reads what toIso writes to the same millisecond', () => {
    for (let i = 0; i < 2000; i++) {
      const ms = int(8e12) - 2e12;
      const iso = toIso(ms);
      if (iso.length === 24) expect(parseIsoDateTime(iso)).toBe(ms);
    }
  });

  it('agrees with the full reader on dates with one character changed', () => {
    const chars = '0123456789-:.TZtz +9';
    for (let i = 0; i < 5000; i++) {
      const iso = toIso(int(4e12));
      const at = int(23);
      const changed = iso.slice(0, at) + pick([...chars]) + iso.slice(at + 1);
      // A lower-case z is the same zone, read by the regular expression (the fast path takes only Z).
      const slow = changed.slice(0, 23) + 'z';
      expect(parseIsoDateTime(changed), changed).toBe(parseIsoDateTime(slow));
    }
    expect(parseIsoDateTime('2026-02-29T00:00:00.000Z')).toBeNull();
    expect(parseIsoDateTime('2024-02-29T23:59:60.000Z')).toBe(Date.UTC(2024, 2, 1));
  });
});
