// The stored form of a search document (src/core/search/document.ts): what a block keeps is
// enough to build the same document again, and documents stored whole by versions 3 to 9 are
// read back into it (src/background/migrations.ts).
import { describe, expect, it } from 'vitest';
import { storedOfWhole } from '@/src/background/migrations';
import type { Annotation, PageMeta } from '@/src/core/model';
import { packDocs, docsIn, storedAt } from '@/src/core/search/doc-blocks';
import { buildSearchDoc, expandDoc, storedOf, type PagePartsCache, type PageFields } from '@/src/core/search/document';
import { siteOf } from '@/src/core/url';
import { bareAnnotation } from './saved';

/** A highlight on an NBC Chicago story (see `bareAnnotation`), with these fields. */
const annotation = (i: number, fields: Partial<Annotation> = {}): Annotation => ({
  ...bareAnnotation(`id-${i}`, 'https://www.nbcchicago.com/news/local/story-1', 1_700_000_000_000 + i),
  quote: { type: 'TextQuoteSelector', exact: 'Agents backed off', prefix: '', suffix: '' },
  ...fields,
});

const page = (fields: Partial<PageMeta>): PageFields => ({ title: undefined, siteName: undefined, ...fields });

/** Annotations and pages that differ in every field a document is built from. */
const CASES: [string, Annotation, PageFields][] = [
  ['no page', annotation(1), undefined],
  ['a site name', annotation(2, { note: 'Pritzker’s élection note', tags: ['ICE', 'city council'] }), page({ title: 'Raids downtown', siteName: 'NBC Chicago' })],
  ['a site name with spaces around it', annotation(3), page({ title: 'T', siteName: '  NBC   Chicago  ' })],
  ['a blank site name', annotation(4), page({ title: 'Raids', siteName: '   ' })],
  ['a site name that is the host', annotation(5), page({ siteName: siteOf('https://www.nbcchicago.com/news/local/story-1') })],
  ['an empty title', annotation(6, { kind: 'quote', color: 'purple', orphan: true }), page({ title: '', siteName: 'NBC' })],
  ['an IP address', annotation(7, { url: 'http://127.0.0.1:8080/a' }), page({ title: 'Local' })],
  ['a file with no host and an empty site name', annotation(9, { url: 'file:///home/reader/story.html' }), page({ title: 'Saved story', siteName: '' })],
  ['no URL (as an upgrade mends a damaged record)', annotation(10, { url: '' }), undefined],
  ['a title with a line break', annotation(11), page({ title: 'Raids\ndowntown', siteName: 'NBC\nChicago' })],
  ['accents and marks', annotation(8, { quote: { type: 'TextQuoteSelector', exact: 'Le président a déclaré « non »', prefix: '', suffix: '' } }), page({ siteName: 'Le Monde', title: 'L’élection' })],
];

describe('the stored document', () => {
  it.each(CASES)('builds the same document again (%s)', (_, a, fields) => {
    const doc = buildSearchDoc(a, fields);
    expect(expandDoc(storedOf(doc))).toStrictEqual(doc);
    expect(expandDoc(storedOf(doc), new Map())).toStrictEqual(doc);
  });

  it('is what a block stores, and a shared page cache keeps pages apart by their fields', () => {
    const docs = CASES.map(([, a, fields]) => buildSearchDoc(a, fields));
    const blocks = packDocs(docs, 3);
    const cache: PagePartsCache = new Map();
    const read = blocks.flatMap((block) => docsIn(block, cache));
    expect(read).toStrictEqual([...docs].sort((x, y) => x.key - y.key));
    const stored = blocks.flatMap((block) => block.keys.map((_, i) => storedAt(block, i)));
    expect(stored).toStrictEqual([...docs].sort((x, y) => x.key - y.key).map(storedOf));
  });

  it.each(CASES)('is read back from a whole document stored without `named` (%s)', (_, a, fields) => {
    const doc = buildSearchDoc(a, fields);
    const { named, ...whole } = doc;
    expect(storedOfWhole(whole)).toStrictEqual(storedOf(doc));
    // A document that says is taken at its word.
    expect(storedOfWhole({ ...whole, named: !named }).named).toBe(!named);
  });
});
