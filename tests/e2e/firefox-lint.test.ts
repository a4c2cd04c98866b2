// `web-ext lint` (Mozilla's add-on linter) on the Firefox build: no errors allowed.
// Needs `npm run build:firefox` first (npm test does it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './harness';

const FIREFOX_DIR = join(PROJECT_ROOT, '.output', 'firefox-mv2');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('the Firefox build', () => {
  it('passes web-ext lint with no errors', () => {
    expect(existsSync(join(FIREFOX_DIR, 'manifest.json')), 'run `npm run build:firefox` first').toBe(true);
    const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_DIR, '--output', 'json', '--no-input'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as { errors: LintMessage[]; warnings: LintMessage[]; summary: { errors: number } };
    expect(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? 'manifest'})`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    // The manifest itself draws no warning (innerHTML warnings come from Preact and Readability internals).
    expect(report.warnings.filter((w) => w.file === 'manifest.json').map((w) => w.code)).toEqual([]);
  });
});
