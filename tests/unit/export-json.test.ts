import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLORS, KINDS, LIMITS, type Annotation, type PageMeta } from '@/src/core/model';
import { MAX_URL } from '@/src/core/field-schemas';
import {
  EXPORT_CONTEXT,
  FORMAT_VERSION,
  jsonChunks,
  parseImport,
  toAnnotationCollection,
  toWebAnnotation,
  type ExportMeta,
} from '@/src/core/export';
import { generate } from '../fixtures/import/generate';

const schemaDir = path.resolve(__dirname, '../../schema');
const schema = JSON.parse(readFileSync(path.join(schemaDir, 'annotation-collection.schema.json'), 'utf8'));
const example = JSON.parse(readFileSync(path.join(schemaDir, 'example-export.json'), 'utf8'));

const meta: ExportMeta = { generated: Date.UTC(2026, 10, 27, 9, 30), scope: { kind: 'all' }, appVersion: '0.1.0' };
const url = 'https://news.example.com/story';
const base: Annotation = {
  id: '3f1d2c4b-8a9e-4f60-b1d2-6c7e8f9a0b1c',
  url,
  kind: 'highlight',
  color: 'yellow',
  note: '',
  tags: [],
  quote: { type: 'TextQuoteSelector', exact: 'the ferry', prefix: 'said ', suffix: ' will' },
  position: { type: 'TextPositionSelector', start: 10, end: 19 },
  orphan: false,
  created: Date.UTC(2026, 10, 20, 8, 14, 3, 120),
  updated: Date.UTC(2026, 10, 21, 8, 0),
};
const page: PageMeta = { url, title: 'Ferry returns', siteName: 'Example News', updated: 0 };

describe('toWebAnnotation', () => {
  it('writes a W3C Annotation with both selectors, ISO dates and a urn:uuid id', () => {
    expect(toWebAnnotation(base, page)).toEqual({
      id: 'urn:uuid:3f1d2c4b-8a9e-4f60-b1d2-6c7e8f9a0b1c',
      type: 'Annotation',
      created: '2026-11-20T08:14:03.120Z',
      modified: '2026-11-21T08:00:00.000Z',
      motivation: 'highlighting',
      target: {
        source: url,
        selector: [
          { type: 'TextQuoteSelector', exact: 'the ferry', prefix: 'said ', suffix: ' will' },
          { type: 'TextPositionSelector', start: 10, end: 19 },
        ],
      },
      marginalia: { color: 'yellow', kind: 'highlight', orphan: false, page: { title: 'Ferry returns', siteName: 'Example News' } },
    });
  });

  it('makes the note a commenting body and each tag a tagging body', () => {
    const w = toWebAnnotation({ ...base, note: 'Check this.', tags: ['ice', 'chicago'] });
    expect(w.motivation).toEqual(['commenting', 'tagging']);
    expect(w.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: 'Check this.', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'ice' },
      { type: 'TextualBody', purpose: 'tagging', value: 'chicago' },
    ]);
    expect(toWebAnnotation({ ...base, tags: ['ice'] }).motivation).toEqual(['highlighting', 'tagging']);
    expect(toWebAnnotation({ ...base, note: 'n' }).motivation).toBe('commenting');
    expect(toWebAnnotation(base)).not.toHaveProperty('body');
  });

  it('keeps our extras (colour, kind, speaker, orphan) under the one extension property', () => {
    const w = toWebAnnotation({ ...base, kind: 'quote', color: 'blue', speaker: 'Ana Ruiz', orphan: true });
    expect(w.marginalia).toEqual({ color: 'blue', kind: 'quote', orphan: true, speaker: 'Ana Ruiz' });
  });

  it('copies only the model’s fields, whatever else a stored record carries', () => {
    const record = { ...base, words: ['ferry'], internal: 1 } as Annotation;
    expect(JSON.stringify(toWebAnnotation(record))).not.toMatch(/words|internal/);
  });
});

describe('toAnnotationCollection', () => {
  it('is a JSON-LD AnnotationCollection with context, generator, format version, date and total', () => {
    const c = toAnnotationCollection([base], new Map([[url, page]]), meta);
    expect(c['@context']).toEqual(EXPORT_CONTEXT);
    expect(c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.type).toBe('AnnotationCollection');
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(c.generated).toBe('2026-11-27T09:30:00.000Z');
    expect(c.generator).toEqual({ type: 'Software', name: 'Marginalia 0.1.0' });
    expect(c.marginalia).toEqual({ format: 'marginalia-annotations', formatVersion: FORMAT_VERSION, appVersion: '0.1.0', scope: 'all' });
    expect(c.total).toBe(1);
    expect(c.first.type).toBe('AnnotationPage');
    expect(c.first.items).toHaveLength(1);
  });

  it('records what a page or search export covers', () => {
    const pageExport = toAnnotationCollection([], new Map(), { ...meta, scope: { kind: 'page', url, title: 'Ferry' } });
    expect(pageExport.marginalia).toMatchObject({ scope: 'page', page: url });
    expect(pageExport.label).toBe('Marginalia: notes on Ferry');
    const search = toAnnotationCollection([], new Map(), { ...meta, scope: { kind: 'search', query: 'ferry' } });
    expect(search.marginalia).toMatchObject({ scope: 'search', query: 'ferry' });
  });
});

describe('jsonChunks', () => {
  it('yields pieces that join into the same document as toAnnotationCollection', () => {
    const { annotations, pages } = generate(250, 7);
    const chunks = [...jsonChunks(annotations, pages, meta, 40)];
    expect(chunks.length).toBe(1 + Math.ceil(250 / 40) + 1);
    expect(JSON.parse(chunks.join(''))).toEqual(toAnnotationCollection(annotations, pages, meta));
  });

  it('handles an empty export and a query that looks like the items key', () => {
    const scope = { kind: 'search', query: '"items": []' } as const;
    expect(JSON.parse([...jsonChunks([], new Map(), { ...meta, scope })].join(''))).toEqual(
      toAnnotationCollection([], new Map(), { ...meta, scope }),
    );
    const one = [...jsonChunks([base], new Map(), { ...meta, scope })].join('');
    expect(JSON.parse(one)).toEqual(toAnnotationCollection([base], new Map(), { ...meta, scope }));
  });
});

// ajv (draft 2020-12) is installed as a dependency of web-ext, not of ours; the test uses it when it
// can be loaded. Adding ajv as a devDependency would make this unconditional.
const Ajv2020 = await import('ajv/dist/2020').then((m) => m.default).catch(() => null);

describe('the JSON Schema (schema/annotation-collection.schema.json)', () => {
  it('states the limits, colours, kinds, context and format version the code uses', () => {
    const defs = schema.$defs;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties['@context'].const).toEqual(EXPORT_CONTEXT);
    expect(schema.properties.marginalia.properties.formatVersion.const).toBe(FORMAT_VERSION);
    expect(defs.textQuoteSelector.properties.exact.maxLength).toBe(LIMITS.quote);
    expect(defs.textQuoteSelector.properties.prefix.maxLength).toBe(LIMITS.context);
    expect(defs.textQuoteSelector.properties.suffix.maxLength).toBe(LIMITS.context);
    expect(defs.noteBody.properties.value.maxLength).toBe(LIMITS.note);
    expect(defs.tagBody.properties.value.maxLength).toBe(LIMITS.tag);
    expect(defs.annotationExtension.properties.speaker.maxLength).toBe(LIMITS.pageField);
    for (const field of Object.values(defs.page.properties) as { maxLength: number }[])
      expect(field.maxLength).toBe(LIMITS.pageField);
    expect(defs.annotationExtension.properties.color.enum).toEqual([...COLORS]);
    expect(defs.annotationExtension.properties.kind.enum).toEqual([...KINDS]);
    expect(defs.annotation.properties.target.properties.source.maxLength).toBe(MAX_URL);
  });

  it('has an example that imports and that the exporter writes exactly', () => {
    const parsed = parseImport(JSON.stringify(example), { now: Date.UTC(2026, 10, 27) });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.items).toHaveLength(example.total);
    const pages = new Map(parsed.items.map((i) => [i.annotation.url, { url: i.annotation.url, ...i.page, updated: 0 }]));
    const again = toAnnotationCollection(
      parsed.items.map((i) => i.annotation),
      pages,
      { generated: Date.parse(example.generated), scope: { kind: 'all' }, appVersion: example.marginalia.appVersion },
    );
    expect(again).toEqual(example);
  });

  describe.runIf(Ajv2020 !== null)('validated with ajv', () => {
    const ajv = new Ajv2020!({ allErrors: true, strict: true });
    // ajv-formats is not installed; these two are enough for what we write.
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
    const validate = ajv.compile(schema);

    it('accepts the example file', () => {
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    });

    it('accepts a generated export of every scope', () => {
      const { annotations, pages } = generate(400, 11);
      for (const scope of [{ kind: 'all' }, { kind: 'page', url, title: 'T' }, { kind: 'search', query: 'q' }] as const) {
        const doc = JSON.parse([...jsonChunks(annotations, pages, { ...meta, scope })].join(''));
        expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      }
    });

    it('refuses what breaks the format', () => {
      const broken = structuredClone(example);
      broken.first.items[0].target.selector[0].prefix = 'x'.repeat(LIMITS.context + 1);
      broken.first.items[1].marginalia.color = 'red';
      delete broken.first.items[2].created;
      expect(validate(broken)).toBe(false);
      expect(validate.errors?.map((e) => e.instancePath)).toEqual(
        expect.arrayContaining(['/first/items/0/target/selector/0/prefix', '/first/items/1/marginalia/color', '/first/items/2']),
      );
    });
  });
});
