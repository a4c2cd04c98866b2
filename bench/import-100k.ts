/**
 * import-100k: reads back our own JSON export of 100,000 generated highlights with `parseImport`
 * (size and depth checks, JSON.parse, every field checked and cleaned) and plans it against a
 * database that already holds half of them with `planImport`. The baseline is JSON.parse alone on
 * the same text: what any import must pay before checking anything.
 */
import { jsonChunks, parseImport, planImport, type ExistingRecords } from '@/src/core/export';
import type { PageMeta } from '@/src/core/model';
import { generate } from '@/tests/fixtures/import/generate';
import { measure } from './export-100k';
import type { BenchResult } from './types';

const N = 100_000;

export async function run(): Promise<BenchResult[]> {
  const { annotations, pages } = generate(N, 42);
  const generated = Date.UTC(2026, 10, 27);
  const text = [...jsonChunks(annotations, pages, { generated, scope: { kind: 'all' }, appVersion: 'bench' })].join('');
  const bytes = Buffer.byteLength(text, 'utf8');

  const parsed = measure(() => parseImport(text, { now: generated }));
  // After the import, so that the RSS it reaches does not hide the import's own growth.
  const baseline = measure(() => (JSON.parse(text) as { total: number }).total);
  if (!parsed.result.ok) throw new Error(parsed.result.message);
  const items = parsed.result.items;

  // Half already saved: a quarter unchanged, a quarter older than the file (to be updated).
  const existing: ExistingRecords = { annotations: new Map(), pages: new Map<string, PageMeta>() };
  annotations.slice(0, N / 2).forEach((a, i) => {
    const saved = { url: a.url, updated: i % 2 === 0 ? a.updated : a.updated - 1000 };
    (existing.annotations as Map<string, typeof saved>).set(a.id, saved);
  });
  const planned = measure(() => planImport(items, existing));

  return [
    {
      bench: 'import-100k-parse',
      value: parsed.ms,
      unit: 'ms',
      items: items.length,
      fileMB: round(bytes / 2 ** 20),
      baseline: baseline.ms,
      ratio: round(parsed.ms / baseline.ms),
      heapPeakMB: parsed.heapPeakMB,
      rssPeakMB: parsed.rssPeakMB,
    },
    {
      bench: 'import-100k-plan',
      value: planned.ms,
      unit: 'ms',
      summary: planned.result.summary,
      heapPeakMB: planned.heapPeakMB,
      rssPeakMB: planned.rssPeakMB,
    },
  ];
}

const round = (n: number) => Math.round(n * 100) / 100;
