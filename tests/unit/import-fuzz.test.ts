/**
 * 1,000 mutated versions of a valid export, from a fixed seed: each must either import cleanly into
 * annotations that respect every limit, or be refused with a few named problems. Never a throw,
 * never a value outside the model.
 */
import { describe, expect, it } from 'vitest';
import {
  colorField,
  idField,
  kindField,
  noteField,
  pageUrlField,
  positionSelectorSchema,
  quoteSelectorSchema,
  speakerField,
  tagsField,
} from '@/src/core/field-schemas';
import { LIMITS, type Annotation } from '@/src/core/model';
import { normalizeTags } from '@/src/core/tags';
import { normalizeUrl } from '@/src/core/url';
import { MAX_PROBLEMS_SHOWN, jsonChunks, parseImport, planImport, type ImportParse } from '@/src/core/export';
import { generate, rng } from '../fixtures/import/generate';

const NOW = Date.UTC(2026, 10, 27);
const RUNS = 1000;
const random = rng(0xfa22);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

const { annotations, pages } = generate(8, 77);
const validText = [...jsonChunks(annotations, pages, { generated: NOW, scope: { kind: 'all' }, appVersion: 'fuzz' })].join('');

const NASTY_STRINGS = [
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox',
  'file:///etc/passwd',
  'https://evil.example/#\u0000',
  '=HYPERLINK("https://evil.example","x")',
  '${process.exit(1)}',
  '{{constructor.constructor("alert(1)")()}}',
  '\u202eevil\u202c',
  '\u0000\u0001\u001b[31m\u007f\u0085',
  '\ud800\udfff\udc00',
  '',
  ' ',
  'x'.repeat(LIMITS.quote + 1),
  'x'.repeat(LIMITS.note + 1),
  '9'.repeat(400),
  '2026-02-30T00:00:00Z',
  '2999-01-01T00:00:00Z',
  'urn:uuid:not-a-uuid',
  '__proto__',
];
const NASTY_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, -0, [], {}, [[[]]], ...NASTY_STRINGS];

type Container = Record<string, unknown> | unknown[];
/** Every [container, key] in a JSON value, so that a mutation can pick any place. */
function places(value: unknown, out: [Container, string | number][] = []): [Container, string | number][] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([value, i]), places(v, out)));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push([value as Record<string, unknown>, k]), places(v, out);
  return out;
}

function deep(depth: number): unknown {
  let v: unknown = 'core';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { d: v };
  return v;
}

/** Structural mutations on the parsed document, then serialised. */
const structural: Record<string, (doc: unknown) => void> = {
  drop(doc) {
    const [c, k] = pick(places(doc));
    if (Array.isArray(c)) c.splice(k as number, 1);
    else delete c[k as string];
  },
  wrongType(doc) {
    const [c, k] = pick(places(doc));
    (c as Record<string | number, unknown>)[k] = structuredClone(pick(NASTY_VALUES));
  },
  nastyString(doc) {
    const strings = places(doc).filter(([c, k]) => typeof (c as Record<string | number, unknown>)[k] === 'string');
    const [c, k] = pick(strings);
    const slot = c as Record<string | number, unknown>;
    slot[k] = pick(NASTY_STRINGS) + (random() < 0.5 ? '' : String(slot[k]));
  },
  hugeString(doc) {
    const [c, k] = pick(places(doc));
    (c as Record<string | number, unknown>)[k] = pick(['x', 'é', '🚢', '\n', '"']).repeat(1 + int(60_000));
  },
  nest(doc) {
    const [c, k] = pick(places(doc));
    (c as Record<string | number, unknown>)[k] = deep(pick([3, 30, 63, 65, 200]));
  },
  duplicate(doc) {
    const items = (doc as { first: { items: unknown[] } }).first?.items;
    if (Array.isArray(items) && items.length) items.push(structuredClone(pick(items)));
  },
  protoKey(doc) {
    const objects = places(doc)
      .map(([c, k]) => (c as Record<string | number, unknown>)[k])
      .filter((v) => v && typeof v === 'object' && !Array.isArray(v));
    const target = (objects.length ? pick(objects) : doc) as Record<string, unknown>;
    // An own, enumerable `__proto__` key, as JSON.parse makes it from `"__proto__": {...}`.
    const value = { polluted: true, color: 'red' };
    Object.defineProperty(target, '__proto__', { value, enumerable: true, configurable: true, writable: true });
  },
  several(doc) {
    for (let i = 0; i < 2 + int(4); i++) pick([structural.drop!, structural.wrongType!, structural.nastyString!])(doc);
  },
};

/** Mutations on the text itself. */
const textual: Record<string, (text: string) => string> = {
  truncate: (text) => text.slice(0, int(text.length)),
  flipBytes(text) {
    const chars = [...text];
    for (let i = 0; i < 1 + int(8); i++) {
      const at = int(chars.length);
      chars[at] = String.fromCharCode(chars[at]!.charCodeAt(0) ^ (1 << int(8)));
    }
    return chars.join('');
  },
  insertGarbage(text) {
    const at = int(text.length);
    return text.slice(0, at) + pick(['[', ']', '{', '}', '"', '\\', ',', '\u0000', '\ud800', 'NaN', '1e999']) + text.slice(at);
  },
  deepText: (text) => text.replace('"marginalia":{', `"marginalia":{"x":${'['.repeat(5000)}${']'.repeat(5000)},`),
  wrapInArrays: (text) => '['.repeat(int(80)) + text + ']'.repeat(int(80)),
};

const MODEL_KEYS = ['id', 'url', 'kind', 'color', 'note', 'tags', 'quote', 'position', 'orphan', 'created', 'updated'];
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** What is wrong with an imported annotation (empty when it respects every limit and normal form). */
function violations(a: Annotation): string[] {
  const out: string[] = [];
  const must = (ok: boolean, what: string) => void (ok || out.push(what));
  const keys = Object.keys(a).sort().join();
  must(keys === [...MODEL_KEYS, ...(a.speaker !== undefined ? ['speaker'] : [])].sort().join(), `keys ${keys}`);
  must(idField.safeParse(a.id).success, 'id');
  must(pageUrlField.safeParse(a.url).data === a.url && normalizeUrl(a.url) === a.url, 'url normalised');
  must(/^(https?|file):$/.test(new URL(a.url).protocol), 'url scheme');
  must(kindField.safeParse(a.kind).success && colorField.safeParse(a.color).success, 'kind/color');
  must(noteField.safeParse(a.note).success, 'note');
  must(tagsField.safeParse(a.tags).success && normalizeTags(a.tags).join('\n') === a.tags.join('\n'), 'tags');
  must(quoteSelectorSchema.safeParse(a.quote).success && positionSelectorSchema.safeParse(a.position).success, 'selectors');
  must(a.speaker === undefined || (speakerField.safeParse(a.speaker).success && a.speaker !== ''), 'speaker');
  must(typeof a.orphan === 'boolean', 'orphan');
  must(Number.isFinite(a.created) && Number.isFinite(a.updated) && a.created <= a.updated, 'times');
  must(a.updated <= NOW + 24 * 3600 * 1000, 'not in the future');
  for (const text of [a.note, a.quote.exact, a.quote.prefix, a.quote.suffix, a.speaker ?? '', ...a.tags])
    must(!CONTROL.test(text) && text.isWellFormed(), `clean text ${JSON.stringify(text.slice(0, 40))}`);
  return out;
}

describe('import fuzz', () => {
  it(`imports or refuses each of ${RUNS} mutated exports, never throwing`, () => {
    const outcomes = { imported: 0, refused: 0 };
    const kinds: Record<string, number> = {};
    for (let run = 0; run < RUNS; run++) {
      let text: string;
      let kind: string;
      if (random() < 0.65) {
        kind = pick(Object.keys(structural));
        const doc = JSON.parse(validText);
        structural[kind]!(doc);
        text = JSON.stringify(doc);
      } else {
        kind = pick(Object.keys(textual));
        text = textual[kind]!(validText);
      }
      kinds[kind] = (kinds[kind] ?? 0) + 1;

      let result: ImportParse;
      try {
        result = parseImport(text, { now: NOW });
      } catch (error: unknown) {
        throw new Error(`run ${run} (${kind}) threw: ${String(error)}`);
      }
      if (result.ok) {
        outcomes.imported++;
        for (const { annotation, page } of result.items) {
          const wrong = violations(annotation);
          for (const value of Object.values(page ?? {}))
            if (!(typeof value === 'string' && value.length > 0 && value.length <= LIMITS.pageField && !CONTROL.test(value)))
              wrong.push(`page field ${JSON.stringify(value).slice(0, 40)}`);
          if (wrong.length) throw new Error(`run ${run} (${kind}): ${wrong.join('; ')}`);
        }
        expect(() => planImport(result.items, { annotations: new Map(), pages: new Map() })).not.toThrow();
      } else {
        outcomes.refused++;
        const { problems, message } = result;
        const fine =
          problems.length > 0 &&
          problems.length <= MAX_PROBLEMS_SHOWN &&
          message.startsWith('Nothing was imported') &&
          problems.every((p) => typeof p.path === 'string' && p.message.length > 0);
        if (!fine) throw new Error(`run ${run} (${kind}): bad refusal ${JSON.stringify(result)}`);
      }
      if (({} as Record<string, unknown>).polluted !== undefined) throw new Error(`run ${run} (${kind}) polluted Object.prototype`);
    }
    // Both outcomes occur, and every kind of mutation ran.
    expect(outcomes.imported).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(300);
    expect(Object.keys(kinds).sort()).toEqual([...Object.keys(structural), ...Object.keys(textual)].sort());
  }, 60_000);
});
