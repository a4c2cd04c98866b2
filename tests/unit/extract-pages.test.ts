/**
 * extractArticle on whole pages under linkedom, as the eval and detect tools run it: our own
 * fixture page, and the real pages of the evaluation set (../shared, when present), whose labelled
 * quotes and official names must all be found in the extracted text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleText, canonicalLang, extractArticle } from '@/src/core/extract';
import { parseHtmlDocument } from '@/src/tools/node-html';
import { labelCoverage } from '@/src/core/eval/coverage';
import { parseLabels } from '@/src/core/eval/labels';

const root = path.resolve(import.meta.dirname, '../..');
const miniPage = path.join(root, 'tests/fixtures/eval-mini/pages/millbrook-bridge.html');
const sharedDir = path.resolve(root, '../shared/eval');
const hasShared = fs.existsSync(path.join(sharedDir, 'labels'));
const sharedIds = hasShared
  ? fs.readdirSync(path.join(sharedDir, 'labels')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort()
  : [];

const load = (file: string) => parseHtmlDocument(fs.readFileSync(file, 'utf8'));

describe('extractArticle', () => {
  it("extracts the article's text and metadata, without title, navigation, ads or scripts", () => {
    const doc = load(miniPage);
    const extracted = extractArticle(doc);
    expect(extracted).not.toBeNull();
    const { article, ...meta } = extracted!;
    expect(meta).toMatchObject({
      title: 'Millbrook bridge to close for repairs, mayor says',
      siteName: 'The Millbrook Courier',
      lang: 'en-GB',
      url: 'https://courier.example/news/2024/03/millbrook-bridge-closure',
      readerable: true,
    });
    expect(article.lang).toBe('en-GB');
    expect(article.text.startsWith('The Old Mill Bridge, known locally as the "Iron Lady"')).toBe(true);
    expect(article.text.endsWith('The Old Mill Bridge, photographed in March.\nPhoto: Ellen Marsh')).toBe(true);
    for (const junk of ['Millbrook bridge to close', 'Advertisement', 'Most read', 'dataLayer', 'All rights reserved', 'Home']) {
      expect(article.text, junk).not.toContain(junk);
    }
    expect(article.paragraphs).toHaveLength(10);
    for (const p of article.paragraphs) {
      const para = article.text.slice(p.start, p.end);
      expect(para).toBe(para.trim());
      expect(para).not.toContain('\n\n');
    }
  });

  it('leaves the page untouched', () => {
    const doc = load(miniPage);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('prefers the URL it is given, and ignores a relative canonical', () => {
    expect(extractArticle(load(miniPage), 'https://elsewhere.example/a')?.url).toBe('https://elsewhere.example/a');
    const html = fs.readFileSync(miniPage, 'utf8').replace('https://courier.example/news/2024/03/millbrook-bridge-closure', '/news/x');
    expect(extractArticle(parseHtmlDocument(html))?.url).toBeNull();
  });

  it('returns null when there is no article', () => {
    expect(extractArticle(parseHtmlDocument('<html><body></body></html>'))).toBeNull();
    expect(extractArticle(parseHtmlDocument(''))).toBeNull();
  });
});

describe('canonicalLang', () => {
  it('gives BCP 47 tags in canonical case', () => {
    expect(canonicalLang('en-au')).toBe('en-AU');
    expect(canonicalLang('fr_FR')).toBe('fr-FR');
    expect(canonicalLang('de, en')).toBe('de');
    expect(canonicalLang('')).toBeNull();
    expect(canonicalLang('not a language!')).toBeNull();
  });
});

describe.skipIf(!hasShared)('the evaluation pages (../shared/eval)', () => {
  it.each(sharedIds)('%s: every labelled quote and official name is in the extracted text', (id) => {
    const labelsFile = path.join(sharedDir, 'labels', `${id}.json`);
    const labels = parseLabels(JSON.parse(fs.readFileSync(labelsFile, 'utf8')), labelsFile);
    const extracted = extractArticle(load(path.join(sharedDir, 'pages', `${id}.html`)));
    expect(extracted).not.toBeNull();
    const coverage = labelCoverage(extracted!.article.text, labels);
    expect(coverage.quotes.missing).toEqual([]);
    expect(coverage.officials.missing).toEqual([]);
    expect(coverage.quotes.total).toBe(labels.quotes.length);
  });

  it.each(sharedIds)("%s: the text is the reference extract's (pages/<id>.article.html)", (id) => {
    const extracted = extractArticle(load(path.join(sharedDir, 'pages', `${id}.html`)));
    const fragment = fs.readFileSync(path.join(sharedDir, 'pages', `${id}.article.html`), 'utf8');
    const reference = parseHtmlDocument(`<!doctype html><html><body>${fragment}</body></html>`);
    expect(extracted!.article.text).toBe(articleText(reference.body).text);
  });
});
