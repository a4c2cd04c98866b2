/**
 * The eval and detect pipelines end to end, with stub detectors (the project's detector is
 * scored by `npm run eval`, not here): our own fixture set (tests/fixtures/eval-mini), so the
 * repository tests the pipeline without ../shared; and the oracle on the real set when present,
 * which must score 1.0 everywhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleText, Detection, DetectedQuote } from '@/src/core/detect/types';
import { detectMain } from '@/src/tools/detect-cli';
import { evalMain } from '@/src/tools/eval-cli';
import { parseLabels, type PageLabels } from '@/src/core/eval/labels';
import { oracleDetector } from '@/src/core/eval/oracle';
import { formatTable, formatVerbose } from '@/src/core/eval/report';
import { runEval, type EvalRun } from '@/src/tools/run';
import type { Metrics } from '@/src/core/eval/score';

const root = path.resolve(import.meta.dirname, '../..');
const mini = path.join(root, 'tests/fixtures/eval-mini');
const miniPages = path.join(mini, 'pages');
const miniLabels = path.join(mini, 'labels');
const shared = path.resolve(root, '../shared/eval');
const hasShared = fs.existsSync(path.join(shared, 'labels')) && fs.existsSync(path.join(shared, 'pages'));

/**
 * A naive detector: every "…" pair inside one paragraph is a speech quote said by `speaker`, and a
 * fixed list of officials. On the fixture, by hand: it finds the term "Iron Lady" (not counted), 4
 * of the 5 speech quotes, misses the two-paragraph one and cuts its last paragraph into a false
 * positive; it names the mayor twice (one duplicate) and a baker as an official (false positive).
 */
function naiveDetector(speaker: string | null = null) {
  return (article: ArticleText): Detection => {
    const quotes: DetectedQuote[] = [];
    for (const p of article.paragraphs) {
      const para = article.text.slice(p.start, p.end);
      for (const m of para.matchAll(/"([^"]+)"/g)) {
        const start = p.start + m.index + 1;
        quotes.push({ text: m[1]!, kind: 'speech', speaker, start, end: start + m[1]!.length });
      }
    }
    const mention = (text: string) => {
      const start = article.text.indexOf(text);
      return { text, start, end: start + text.length };
    };
    return {
      quotes,
      officials: [
        { name: 'Dana Whitfield', role: 'Mayor', mentions: [mention('Mayor Dana Whitfield')] },
        { name: 'Whitfield', role: 'mayor of Millbrook', mentions: [mention('Whitfield')] },
        { name: 'Priya Nair', role: 'baker', mentions: [mention('Priya Nair')] },
      ],
    };
  };
}

function readLabels(dir: string): Map<string, PageLabels> {
  const byId = new Map<string, PageLabels>();
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const file = path.join(dir, f);
    const labels = parseLabels(JSON.parse(fs.readFileSync(file, 'utf8')), file);
    byId.set(f.slice(0, -5), labels);
  }
  return byId;
}

/** Every figure that is defined is 1. */
function expectPerfect(metrics: Metrics, where: string): void {
  for (const [group, figures] of Object.entries(metrics)) {
    for (const [name, value] of Object.entries(figures as Record<string, number | null>)) {
      if (value !== null) expect(value, `${where} ${group}.${name}`).toBe(1);
    }
  }
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-pipeline-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('runEval on the fixture set', () => {
  it('scores a naive detector with the figures worked out by hand', () => {
    const run = runEval({ pagesDir: miniPages, labelsDir: miniLabels, detect: naiveDetector() });
    expect(run.skipped).toEqual([]);
    expect(run.pages.map((p) => p.id)).toEqual(['millbrook-bridge']);
    const [page] = run.pages;
    expect(page!.coverage.quotes).toMatchObject({ found: 6, total: 6 });
    expect(page!.score.counts.quotes).toEqual({
      predicted: 6,
      speechMatched: 4,
      termMatched: 1,
      falsePositives: 1,
      speechLabels: 5,
      kind: { correct: 4, total: 5 },
      speaker: { correct: 0, total: 3 },
    });
    expect(page!.score.counts.officials).toEqual({
      predicted: 3,
      matched: 1,
      duplicates: 1,
      falsePositives: 1,
      labelled: 2,
      role: { correct: 1, total: 1 },
    });
    const m = run.micro.metrics;
    expect(m.quotes.precision).toBeCloseTo(0.8, 12);
    expect(m.quotes.recall).toBeCloseTo(0.8, 12);
    expect(m.quotes.f1).toBeCloseTo(0.8, 12);
    expect(m.quotes.kindAccuracy).toBeCloseTo(0.8, 12);
    expect(m.quotes.speakerAccuracy).toBe(0);
    expect(m.officials).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, roleAccuracy: 1 });
  });

  it('applies the speaker rule through the pipeline', () => {
    // "Whitfield" shares the mayor's last word (2 quotes) but is not Omar Reyes (1 quote).
    const run = runEval({ pagesDir: miniPages, labelsDir: miniLabels, detect: naiveDetector('Whitfield') });
    expect(run.micro.counts.quotes.speaker).toEqual({ correct: 2, total: 3 });
  });

  it('gives the oracle 1.0 everywhere', () => {
    const run = runEval({ pagesDir: miniPages, labelsDir: miniLabels, detect: oracleDetector(readLabels(miniLabels)) });
    expectPerfect(run.micro.metrics, 'micro');
    expect(run.micro.counts.quotes.falsePositives).toBe(0);
  });

  it('scores a page whose detector throws as predicting nothing, and says so', () => {
    const run = runEval({
      pagesDir: miniPages,
      labelsDir: miniLabels,
      detect: () => {
        throw new Error('not yet');
      },
    });
    expect(run.pages[0]!.error).toMatch(/not yet/);
    expect(run.micro.metrics.quotes.recall).toBe(0);
    expect(formatTable(run)).toContain('millbrook-bridge: the detector threw: Error: not yet');
  });

  it('skips a labelled id without a page, and reports it', () => {
    const labelsDir = tempDir();
    fs.copyFileSync(path.join(miniLabels, 'millbrook-bridge.json'), path.join(labelsDir, 'millbrook-bridge.json'));
    fs.writeFileSync(path.join(labelsDir, 'nowhere.json'), JSON.stringify({ id: 'nowhere', quotes: [], officials: [] }));
    const run = runEval({ pagesDir: miniPages, labelsDir, detect: naiveDetector() });
    expect(run.pages.map((p) => p.id)).toEqual(['millbrook-bridge']);
    expect(run.skipped.map((s) => s.id)).toEqual(['nowhere']);
  });
});

describe('report', () => {
  const run: EvalRun = runEval({ pagesDir: miniPages, labelsDir: miniLabels, detect: naiveDetector() });

  it('prints a row per page and the micro-average, with counts', () => {
    const table = formatTable(run);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^page\s+quote P\s+quote R\s+quote F1\s+kind acc\s+speaker acc\s+official P\s+official R\s+official F1\s+role acc$/);
    const row = lines.find((l) => l.startsWith('millbrook-bridge'))!;
    expect(row.split(/\s{2,}/)).toEqual([
      'millbrook-bridge', '0.80 (4/5)', '0.80 (4/5)', '0.80', '0.80 (4/5)', '0.00 (0/3)', '0.50 (1/2)', '0.50 (1/2)', '0.50', '1.00 (1/1)',
    ]);
    expect(lines.some((l) => l.startsWith('micro-average'))).toBe(true);
  });

  it('shows one page in detail: misses with their nearest prediction, false positives, duplicates', () => {
    const text = formatVerbose(run.pages[0]!);
    expect(text).toContain('missed speech (cost recall): 1');
    expect(text).toMatch(/L4 "Half my customers.*\n\s+nearest prediction P4 \(F1 0\.\d\d\): "The council should have planned/);
    expect(text).toContain('false positives (cost precision): 1');
    expect(text).toContain('P4 "The council should have planned this years ago,"');
    expect(text).toContain('wrong kind: 1');
    expect(text).toContain('wrong speaker: 3');
    expect(text).toContain('Omar Reyes (Councillor)');
    expect(text).toContain('Priya Nair (baker)');
    expect(text).toContain('Whitfield → Dana Whitfield');
  });
});

describe('npm run eval (evalMain)', () => {
  const io = (c: ReturnType<typeof capture>) => ({ ...c.io, cwd: root, projectRoot: root, detect: naiveDetector() });

  it('prints the table for given folders and exits 0', () => {
    const c = capture();
    expect(evalMain([miniPages, miniLabels], io(c))).toBe(0);
    expect(c.out.join('\n')).toMatch(/millbrook-bridge\s+0\.80 \(4\/5\)/);
    expect(c.err).toEqual([]);
  });

  it('prints pure JSON with --json', () => {
    const c = capture();
    expect(evalMain([miniPages, miniLabels, '--json', '--verbose', 'millbrook-bridge'], io(c))).toBe(0);
    expect(c.out).toHaveLength(1);
    const summary = JSON.parse(c.out[0]!) as { pages: { id: string }[]; micro: { metrics: Metrics } };
    expect(summary.pages.map((p) => p.id)).toEqual(['millbrook-bridge']);
    expect(summary.micro.metrics.officials.f1).toBe(0.5);
    expect(c.err.join('\n')).toContain('== millbrook-bridge'); // the details, off stdout
  });

  it('says plainly when there is no evaluation set, and exits 2', () => {
    const c = capture();
    const nowhere = path.join(tempDir(), 'project');
    expect(evalMain([], { ...io(c), projectRoot: nowhere })).toBe(2);
    expect(c.err.join('\n')).toContain(`No evaluation set: the pages folder ${path.resolve(nowhere, '../shared/eval/pages')} does not exist.`);
    expect(c.out).toEqual([]);
  });

  it('refuses an unknown page for --verbose and bad arguments with exit 2', () => {
    expect(evalMain([miniPages, miniLabels, '--verbose', 'nope'], io(capture()))).toBe(2);
    expect(evalMain([miniPages], io(capture()))).toBe(2);
    expect(evalMain(['--frobnicate'], io(capture()))).toBe(2);
  });
});

describe('npm run detect (detectMain)', () => {
  const detect = naiveDetector('Whitfield');
  const page = path.join(miniPages, 'millbrook-bridge.html');

  it('writes <out>/<name>.json in exactly the documented shape, offsets into text', () => {
    const c = capture();
    const out = path.join(tempDir(), 'out');
    expect(detectMain([miniPages, '--out', out], { ...c.io, cwd: root, detect })).toBe(0);
    expect(c.out).toEqual([]);
    expect(fs.readdirSync(out)).toEqual(['millbrook-bridge.json']);
    const record = JSON.parse(fs.readFileSync(path.join(out, 'millbrook-bridge.json'), 'utf8')) as Record<string, unknown> & {
      text: string;
      quotes: { text: string; start: number; end: number }[];
      officials: { mentions: { text: string; start: number; end: number }[] }[];
    };
    expect(Object.keys(record)).toEqual(['url', 'title', 'lang', 'text', 'quotes', 'officials']);
    expect(record).toMatchObject({
      url: 'https://courier.example/news/2024/03/millbrook-bridge-closure',
      title: 'Millbrook bridge to close for repairs, mayor says',
      lang: 'en-GB',
    });
    expect(Object.keys(record.quotes[0]!)).toEqual(['text', 'speaker', 'kind', 'start', 'end']);
    expect(Object.keys(record.officials[0]!)).toEqual(['name', 'role', 'mentions']);
    expect(Object.keys(record.officials[0]!.mentions[0]!)).toEqual(['text', 'start', 'end']);
    for (const q of record.quotes) expect(record.text.slice(q.start, q.end)).toBe(q.text);
    for (const m of record.officials.flatMap((o) => o.mentions)) expect(record.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('prints one JSON record per line without --out, and nothing else on stdout', () => {
    const c = capture();
    expect(detectMain([page, '--url', 'https://example.org/given'], { ...c.io, cwd: root, detect })).toBe(0);
    expect(c.out).toHaveLength(1);
    expect(c.out[0]).not.toContain('\n');
    expect((JSON.parse(c.out[0]!) as { url: string }).url).toBe('https://example.org/given');
  });

  it("reads a folder's pages but not Readability's .article.html extracts; falls back to the file URL", () => {
    const dir = tempDir();
    const html = fs.readFileSync(page, 'utf8').replace(/<link rel="canonical"[^>]*>/, '');
    fs.writeFileSync(path.join(dir, 'b.html'), html);
    fs.writeFileSync(path.join(dir, 'b.article.html'), '<div><p>extract</p></div>');
    fs.writeFileSync(path.join(dir, 'a.html'), html);
    const c = capture();
    expect(detectMain([dir], { ...c.io, cwd: root, detect })).toBe(0);
    const urls = c.out.map((line) => (JSON.parse(line) as { url: string }).url);
    expect(urls).toEqual([`file://${path.join(dir, 'a.html')}`, `file://${path.join(dir, 'b.html')}`]);
  });

  it('exits 1 when a page has no article, 2 for bad arguments', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.html'), '<html><body></body></html>');
    const c = capture();
    expect(detectMain([dir, page], { ...c.io, cwd: root, detect })).toBe(1);
    expect(c.out).toHaveLength(1); // the good page is still written
    expect(c.err.join('\n')).toContain('empty.html: Readability found no article');
    expect(detectMain([], { ...capture().io, cwd: root, detect })).toBe(2);
    expect(detectMain([page, page, '--url', 'https://x.example/'], { ...capture().io, cwd: root, detect })).toBe(2);
    expect(detectMain([path.join(dir, 'missing.html')], { ...capture().io, cwd: root, detect })).toBe(2);
  });
});

describe.skipIf(!hasShared)('the oracle on the real evaluation set (../shared/eval)', () => {
  it('scores 1.0 on every page and overall', () => {
    const labelsDir = path.join(shared, 'labels');
    const run = runEval({ pagesDir: path.join(shared, 'pages'), labelsDir, detect: oracleDetector(readLabels(labelsDir)) });
    expect(run.skipped).toEqual([]);
    expect(run.pages.length).toBeGreaterThan(0);
    for (const p of run.pages) {
      expectPerfect(p.score.metrics, p.id);
      expect(p.coverage.quotes.found, p.id).toBe(p.coverage.quotes.total);
    }
    expectPerfect(run.micro.metrics, 'micro');
    expect(run.micro.counts.quotes.speechMatched).toBe(run.micro.counts.quotes.speechLabels);
    expect(run.micro.counts.officials.matched).toBe(run.micro.counts.officials.labelled);
  });
});
