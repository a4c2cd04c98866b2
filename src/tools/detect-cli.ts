/**
 * Node only: `npm run detect --silent -- <page.html|folder>... [--url URL] [--out <folder>]`.
 * Extracts and detects each page and writes one JSON record per page (page-record.ts): to
 * <folder>/<name>.json with --out, else one line per page on stdout. Progress and errors go to
 * stderr, so stdout is pure JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ArticleText, Detection } from '../core/detect/types';
import { parseHtmlDocument } from './node-html';
import type { CliIo } from './eval-cli';
import { detectPage } from '../core/eval/page-record';

const USAGE = 'usage: npm run detect --silent -- <page.html|folder>... [--url URL] [--out <folder>]';

/** Runs the detect CLI; returns the exit code (0 done, 1 some page failed, 2 bad arguments). */
export function detectMain(argv: string[], options: { detect: (article: ArticleText) => Detection } & CliIo): number {
  const { out, err, cwd } = options;
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e: unknown) {
    err(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    out(USAGE);
    return 0;
  }
  let files: string[];
  try {
    files = args.positionals.flatMap((arg) => pageFiles(path.resolve(cwd, arg)));
  } catch (e: unknown) {
    err(e instanceof Error ? e.message : String(e));
    return 2;
  }
  if (files.length === 0) {
    err(`no pages given\n${USAGE}`);
    return 2;
  }
  const { url } = args.values;
  if (url !== undefined && files.length > 1) {
    err(`--url names one page, but ${files.length} pages were given`);
    return 2;
  }
  const outDir = args.values.out === undefined ? undefined : path.resolve(cwd, args.values.out);
  if (outDir) fs.mkdirSync(outDir, { recursive: true });

  let failed = 0;
  for (const file of files) {
    try {
      const doc = parseHtmlDocument(fs.readFileSync(file, 'utf8'));
      const record = detectPage(doc, { detect: options.detect, url, fallbackUrl: pathToFileURL(file).href });
      if (outDir) {
        const target = path.join(outDir, `${path.basename(file, '.html')}.json`);
        fs.writeFileSync(target, `${JSON.stringify(record, null, 2)}\n`);
        err(`${file}: ${record.quotes.length} quotes, ${record.officials.length} officials → ${target}`);
      } else {
        out(JSON.stringify(record));
      }
    } catch (e: unknown) {
      failed++;
      err(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

/** A file stands for itself; a folder for its *.html pages, without Readability's *.article.html extracts. */
function pageFiles(target: string): string[] {
  if (!fs.existsSync(target)) throw new Error(`no such file or folder: ${target}`);
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((f) => f.endsWith('.html') && !f.endsWith('.article.html'))
    .sort()
    .map((f) => path.join(target, f));
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
