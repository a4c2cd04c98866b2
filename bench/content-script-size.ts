/**
 * `content-script-size`: bytes of the built content script, gzipped at level 9 — it is loaded on
 * every article, so its size is a cost every page pays. Builds the extension first so the figure
 * is always of the current code. The bundles injected on demand are reported on a second line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './types';

const ROOT = join(import.meta.dirname, '..');
const FLOOR_BYTES = 40 * 1024;

export async function run(): Promise<BenchResult[]> {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`wxt build failed:\n${build.stderr}`);
  const file = join(ROOT, '.output', 'chrome-mv3', 'content-scripts', 'content.js');
  const raw = readFileSync(file);
  const gzipped = gzipSync(raw, { level: 9 }).length;
  // The bundles injected on demand, reported beside it: the UI on first interaction, the
  // pipeline on pages that look like articles (so an article page loads content + auto).
  const gz = (name: string) => gzipSync(readFileSync(join(ROOT, '.output', 'chrome-mv3', name)), { level: 9 }).length;
  const ui = gz('page-ui.js');
  const auto = gz('auto-pipeline.js');
  return [
    {
      bench: 'content-script-size',
      value: Math.round((gzipped / 1024) * 10) / 10,
      unit: 'KB',
      bytes: gzipped,
      rawBytes: raw.length,
      floorBytes: FLOOR_BYTES,
      withinFloor: gzipped <= FLOOR_BYTES,
    },
    {
      bench: 'content-script-on-demand-bundles',
      value: Math.round(((ui + auto) / 1024) * 10) / 10,
      unit: 'KB',
      uiBytes: ui,
      autoPipelineBytes: auto,
      articlePageTotalBytes: gzipped + auto,
    },
  ];
}
