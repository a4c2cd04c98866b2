/**
 * Node only: `npm run eval [-- <pagesDir> <labelsDir>] [--json] [--verbose <id>]`. Argument
 * handling and output; scripts/eval.ts only hands over the project's detector, so this is tested
 * with stub detectors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable, formatVerbose, summaryJson } from '../core/eval/report';
import { runEval, type Detector } from './run';

export interface CliIo {
  /** Results (stdout). */
  out: (text: string) => void;
  /** Messages and progress (stderr). */
  err: (text: string) => void;
  /** Where relative paths given by the user start: npm runs scripts in the project root, not there. */
  cwd: string;
}

const USAGE = 'usage: npm run eval [-- <pagesDir> <labelsDir>] [--json] [--verbose <id>]';

/** Runs the eval CLI; returns the exit code (0 done, 2 bad arguments or no evaluation set). */
export function evalMain(argv: string[], options: { detect: Detector; projectRoot: string } & CliIo): number {
  const { out, err } = options;
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
  const [pagesArg, labelsArg, ...rest] = args.positionals;
  if (rest.length > 0 || (pagesArg !== undefined && labelsArg === undefined)) {
    err(`give both folders or neither\n${USAGE}`);
    return 2;
  }
  const pagesDir = pagesArg ? path.resolve(options.cwd, pagesArg) : path.resolve(options.projectRoot, '../shared/eval/pages');
  const labelsDir = labelsArg ? path.resolve(options.cwd, labelsArg) : path.resolve(options.projectRoot, '../shared/eval/labels');
  for (const [what, dir] of [['pages', pagesDir], ['labels', labelsDir]] as const) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      err(`No evaluation set: the ${what} folder ${dir} does not exist.\n${USAGE}`);
      return 2;
    }
  }
  const verbose = args.values.verbose;
  const run = runEval({ pagesDir, labelsDir, detect: options.detect });
  const page = verbose === undefined ? undefined : run.pages.find((p) => p.id === verbose);
  if (verbose !== undefined && !page) {
    err(`--verbose: no labelled page "${verbose}" (pages: ${run.pages.map((p) => p.id).join(', ')})`);
    return 2;
  }
  if (args.values.json) {
    out(JSON.stringify(summaryJson(run), null, 2));
    // stdout stays pure JSON; the details go to stderr.
    if (page) err(formatVerbose(page));
  } else {
    out(formatTable(run));
    if (page) out(`\n${formatVerbose(page)}`);
  }
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      verbose: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
