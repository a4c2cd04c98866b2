/**
 * Generated annotations for the search benches: 100,000 highlights with notes and tags over 2,000
 * pages of 40 sites, and 50 queries of the kinds a reader types. Text comes from a word-level
 * Markov chain trained on real news articles (../shared/eval/pages when present, and the test
 * fixtures), so word frequencies, accents and names are those of news text. Seeded: every run
 * builds the same data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLORS, type Annotation, type AnnotationKind, type Color, type PageMeta } from '@/src/core/model';
import { buildSearchDoc, KEY_SLOTS, preferredSlot, searchKey, type SearchDoc } from '@/src/core/search/document';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Topical sentences so that the queries a reader of Chicago news would type find something. */
const TOPICAL = [
  'Governor JB Pritzker said the state would not cooperate with ICE agents on immigration raids in Chicago.',
  'Immigration advocates told the city council that federal agents should back off from schools and churches.',
  'The mayor said the transit budget would rely on a one-time transfer from the reserve fund.',
  'Aldermen questioned the police superintendent about overtime spending and the consent decree.',
  'Voters in the suburbs turned out in record numbers for the primary élection, officials said.',
  'Le président a déclaré que l’élection aurait lieu au printemps malgré la crise.',
  'The county board approved the property tax levy after a heated public comment session.',
  'Immigrant families said they feared deportation after the announcement by federal officials.',
  'The school board voted to close three buildings despite objections from parents and teachers.',
  'Lawmakers in Springfield passed a pension bill that critics called a budget gimmick.',
];

const TAGS = [
  'ice', 'immigration', 'budget', 'transit', 'election', 'police', 'schools', 'pensions', 'housing', 'courts',
  'city council', 'county', 'springfield', 'mayor', 'governor', 'taxes', 'climate', 'health', 'labor', 'quotes',
  'follow up', 'fact check', 'data', 'sources', 'timeline', 'background', 'profile', 'lawsuit', 'ethics', 'zoning',
  'crime', 'courts', 'water', 'energy', 'airport', 'cta', 'metra', 'parks', 'libraries', 'veterans',
  'élection', 'santé', 'guardian', 'bbc', 'nyt', 'research', 'thesis', 'chapter 3', 'chapter 4', 'to read',
];

const SITES = [
  ['nbcchicago.com', 'NBC Chicago'], ['chicagotribune.com', 'Chicago Tribune'], ['suntimes.com', 'Chicago Sun-Times'],
  ['wbez.org', 'WBEZ'], ['blockclubchicago.org', 'Block Club Chicago'], ['bbc.co.uk', 'BBC News'],
  ['theguardian.com', 'The Guardian'], ['nytimes.com', 'The New York Times'], ['lemonde.fr', 'Le Monde'],
  ['washingtonpost.com', 'The Washington Post'], ['apnews.com', 'AP News'], ['reuters.com', 'Reuters'],
  ['npr.org', 'NPR'], ['propublica.org', 'ProPublica'], ['politico.com', 'Politico'], ['axios.com', 'Axios'],
  ['telegraph.co.uk', 'The Telegraph'], ['heraldsun.com.au', 'Herald Sun'], ['buzzfeednews.com', 'BuzzFeed News'],
  ['capitolfax.com', 'Capitol Fax'], ['news.wttw.com', 'WTTW News'], ['abc7chicago.com', 'ABC7 Chicago'],
  ['cbsnews.com', 'CBS News'], ['wsj.com', 'The Wall Street Journal'], ['ft.com', 'Financial Times'],
  ['economist.com', 'The Economist'], ['latimes.com', 'Los Angeles Times'], ['bostonglobe.com', 'The Boston Globe'],
  ['theatlantic.com', 'The Atlantic'], ['vox.com', 'Vox'], ['chalkbeat.org', 'Chalkbeat'], ['injusticewatch.org', 'Injustice Watch'],
  ['citybureau.org', 'City Bureau'], ['illinoistimes.com', 'Illinois Times'], ['stltoday.com', 'St. Louis Post-Dispatch'],
  ['jsonline.com', 'Milwaukee Journal Sentinel'], ['freep.com', 'Detroit Free Press'], ['startribune.com', 'Star Tribune'],
  ['dallasnews.com', 'The Dallas Morning News'], ['liberation.fr', 'Libération'],
] as const;

const NOTE_OPENERS = [
  'Check this against', 'Follow up with', 'Compare with', 'Source for', 'Good quote on', 'Contradicts',
  'Ask the press office about', 'Numbers differ from', 'Useful background on', 'Cite in chapter on',
];

/** Mulberry32: small, fast and seeded. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function articleTexts(): string[] {
  const files: string[] = [];
  const evalDir = path.resolve(root, '../shared/eval/pages');
  if (fs.existsSync(evalDir)) {
    for (const f of fs.readdirSync(evalDir)) if (f.endsWith('.article.html')) files.push(path.join(evalDir, f));
  }
  for (const dir of ['tests/fixtures/pages', 'tests/fixtures/anchoring']) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const f of fs.readdirSync(full)) if (f.endsWith('.html')) files.push(path.join(full, f));
  }
  return files.map((file) =>
    fs
      .readFileSync(file, 'utf8')
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&#?\w+;/g, ' ')
      .replace(/\s+/g, ' '),
  );
}

/** A word-level bigram chain over sentences; `sentence()` walks it from a sentence start. */
function markov(texts: readonly string[], random: () => number) {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const text of texts) {
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      const words = sentence.split(' ').filter(Boolean);
      if (words.length < 6 || words.length > 80) continue;
      starts.push(words[0]!);
      for (let i = 0; i < words.length - 1; i++) {
        const list = next.get(words[i]!) ?? [];
        list.push(words[i + 1]!);
        next.set(words[i]!, list);
      }
    }
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return {
    words(min: number, max: number): string {
      const length = min + Math.floor(random() * (max - min + 1));
      const out = [pick(starts)];
      while (out.length < length) {
        const options = next.get(out[out.length - 1]!);
        out.push(options?.length ? pick(options) : pick(starts));
      }
      return out.join(' ');
    },
  };
}

export interface Corpus {
  pages: PageMeta[];
  annotations: Annotation[];
  queries: string[];
}

/** The search documents of a corpus, keyed as the background keys them (no two alike). */
export function corpusDocs(corpus: Corpus): SearchDoc[] {
  const pages = new Map(corpus.pages.map((p) => [p.url, p]));
  const taken = new Set<number>();
  return corpus.annotations.map((a) => {
    let slot = preferredSlot(a.id);
    while (taken.has(searchKey(a.created, slot))) slot = (slot + 1) % KEY_SLOTS;
    const key = searchKey(a.created, slot);
    taken.add(key);
    return buildSearchDoc(a, pages.get(a.url), key);
  });
}

/** Builds `count` annotations over `pageCount` pages. */
export function buildCorpus(count = 100_000, pageCount = 2_000, seed = 4): Corpus {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  /** Zipf-like: early items much more often. */
  const zipf = <T>(list: readonly T[]): T => list[Math.floor(list.length * random() ** 2.2)]!;
  const chain = markov([...articleTexts(), ...TOPICAL], random);

  const now = Date.UTC(2026, 0, 15);
  const year = 365 * 24 * 3600 * 1000;
  const pages: PageMeta[] = [];
  for (let i = 0; i < pageCount; i++) {
    const [host, name] = zipf(SITES);
    const title = chain.words(6, 14).replace(/[.,;:]$/, '');
    pages.push({ url: `https://www.${host}/news/${2024 + (i % 3)}/story-${i}`, title, siteName: name, updated: now - Math.floor(random() * 3 * year) });
  }
  const colors: Color[] = ['yellow', 'yellow', 'yellow', 'green', 'blue', 'pink', 'purple'];
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const page = pages[Math.floor(random() * pageCount)]!;
    const r = random();
    const kind: AnnotationKind = r < 0.75 ? 'highlight' : r < 0.95 ? 'quote' : 'official';
    const exact = chain.words(6, 45);
    const note = random() < 0.6 ? `${pick(NOTE_OPENERS)} ${chain.words(3, 22)}` : '';
    const tagCount = Math.floor(random() * random() * 4);
    const tags = [...new Set(Array.from({ length: tagCount }, () => zipf(TAGS)))];
    const created = now - Math.floor(random() * 3 * year);
    annotations.push({
      id: uuid(random),
      url: page.url,
      kind,
      color: kind === 'highlight' ? pick(colors) : COLORS[0],
      note,
      tags,
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
      orphan: random() < 0.03,
      created,
      updated: created,
    });
  }
  return { pages, annotations, queries: buildQueries(annotations, pages, random) };
}

/** A v4-shaped UUID from the seeded generator. */
function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 3) | 8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * 50 queries of one to three words and filters, as typed: whole words and prefixes drawn from
 * saved highlights and notes (common and rare alike), phrases, and every kind of filter.
 */
function buildQueries(annotations: readonly Annotation[], pages: readonly PageMeta[], random: () => number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}]{3,}/gu) ?? [];
  const fixed = [
    'immig', 'pritzker', 'election', 'back off', '"back off"', 'tag:ice', 'tag:immigration budget', 'site:nbcchicago.com',
    'site:nbcchicago.com mayor', 'kind:quote', 'kind:quote police', 'color:yellow', 'color:pink transit', 'is:orphan',
    'is:orphan council', 'said', 'city council', 'tag:"follow up"', 'site:lemonde.fr élection', 'mayor budget transfer',
  ];
  const queries = [...fixed];
  while (queries.length < 50) {
    const a = pick(annotations);
    const words = wordsOf(`${a.quote.exact} ${a.note}`);
    if (words.length < 4) continue;
    const kind = queries.length % 6;
    const w = () => pick(words);
    if (kind === 0) queries.push(w());
    else if (kind === 1) queries.push(w().slice(0, 4));
    else if (kind === 2) queries.push(`${w()} ${w()}`);
    else if (kind === 3) queries.push(`${w()} ${w().slice(0, 5)} ${w()}`);
    else if (kind === 4) {
      const i = Math.floor(random() * (words.length - 1));
      queries.push(`"${words[i]} ${words[i + 1]}"`);
    } else {
      const page = pages.find((p) => p.url === a.url);
      const host = new URL(a.url).hostname.replace(/^www\./, '');
      queries.push(a.tags[0] ? `tag:"${a.tags[0]}" ${w()}` : `site:${host} ${page ? w() : ''}`.trim());
    }
  }
  return queries;
}
