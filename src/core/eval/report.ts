/**
 * What `npm run eval` prints: the per-page table with the micro-average, a machine-readable
 * summary, and one page's misses and false positives for whoever tunes the detector. Pure string
 * building; the CLI only writes it out.
 */
import type { EvalRun, PageResult } from './types';
import type { Counts, Metrics, Nearest, Ratio } from './score';

const COLUMNS = ['page', 'quote P', 'quote R', 'quote F1', 'kind acc', 'speaker acc', 'official P', 'official R', 'official F1', 'role acc'];

/** The table: one row per page, then the micro-average over all pages; notes below it. */
export function formatTable(run: EvalRun): string {
  const rows = run.pages.map((p) => row(p.id, p.score.counts, p.score.metrics));
  rows.push(row('micro-average', run.micro.counts, run.micro.metrics));
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const out = [line(COLUMNS), rule, ...rows.slice(0, -1).map(line), rule, line(rows[rows.length - 1]!)];
  out.push(
    '',
    'quote P = speech matched / (speech matched + unmatched predictions); predictions matching a term label are not',
    'counted. quote R = speech matched / speech labelled. "–" = nothing to measure. Counts in parentheses.',
  );
  const notes = run.pages.flatMap(pageNotes);
  for (const s of run.skipped) notes.push(`${s.id}: skipped (${s.reason})`);
  if (notes.length > 0) out.push('', ...notes);
  return out.join('\n');
}

function row(id: string, c: Counts, m: Metrics): string[] {
  const q = c.quotes;
  const o = c.officials;
  return [
    id,
    withCount(m.quotes.precision, q.speechMatched, q.speechMatched + q.falsePositives),
    withCount(m.quotes.recall, q.speechMatched, q.speechLabels),
    figure(m.quotes.f1),
    ratioCell(m.quotes.kindAccuracy, q.kind),
    ratioCell(m.quotes.speakerAccuracy, q.speaker),
    withCount(m.officials.precision, o.matched, o.matched + o.falsePositives),
    withCount(m.officials.recall, o.matched, o.labelled),
    figure(m.officials.f1),
    ratioCell(m.officials.roleAccuracy, o.role),
  ];
}

/** What the table cannot show: extraction failures, labels absent from the text, detector errors. */
function pageNotes(p: PageResult): string[] {
  const notes: string[] = [];
  if (!p.extracted) notes.push(`${p.id}: Readability found no article; scored on an empty text`);
  else if (!p.readerable) notes.push(`${p.id}: isProbablyReaderable says no (extracted anyway)`);
  const { quotes, officials } = p.coverage;
  if (quotes.found < quotes.total || officials.found < officials.total) {
    notes.push(
      `${p.id}: labels missing from the extracted text: quotes ${quotes.found}/${quotes.total}, ` +
        `official names ${officials.found}/${officials.total}`,
    );
  }
  if (p.error) notes.push(`${p.id}: the detector threw: ${p.error.split('\n')[0]}`);
  return notes;
}

/** A machine-readable summary: per page and micro-averaged counts and figures (no details). */
export function summaryJson(run: EvalRun): unknown {
  return {
    pages: run.pages.map((p) => ({
      id: p.id,
      extracted: p.extracted,
      readerable: p.readerable,
      coverage: {
        quotes: { found: p.coverage.quotes.found, total: p.coverage.quotes.total },
        officials: { found: p.coverage.officials.found, total: p.coverage.officials.total },
      },
      ...(p.error ? { error: p.error } : {}),
      detectMs: Math.round(p.detectMs * 10) / 10,
      metrics: p.score.metrics,
      counts: p.score.counts,
    })),
    micro: run.micro,
    skipped: run.skipped,
  };
}

/** One page in detail: each miss and false positive with its nearest counterpart, wrong kinds, speakers, roles. */
export function formatVerbose(p: PageResult): string {
  const { quotes, officials } = p.score;
  const out: string[] = [`== ${p.id}`];
  if (p.error) out.push('', 'detector error:', p.error);

  const speechMissed = quotes.missed.filter((m) => m.label.kind === 'speech');
  const termMissed = quotes.missed.filter((m) => m.label.kind === 'term');
  out.push('', `quotes: missed speech (cost recall): ${speechMissed.length}`);
  for (const m of speechMissed) {
    out.push(`  L${m.labelIndex} ${show(m.label.text)}  speaker: ${m.label.speaker ?? '(none)'}`);
    out.push(`     ${nearestLine('prediction', m.nearest, (q) => show(q.text))}`);
  }
  out.push('', `quotes: false positives (cost precision): ${quotes.falsePositives.length}`);
  for (const f of quotes.falsePositives) {
    out.push(`  P${f.predictionIndex} ${show(f.prediction.text)}  ${f.prediction.kind}, speaker: ${f.prediction.speaker ?? '(none)'}`);
    out.push(`     ${nearestLine('label', f.nearest, (q) => `${show(q.text)} (${q.kind})`)}`);
  }
  if (termMissed.length > 0) {
    out.push('', `quotes: term labels not predicted (not counted): ${termMissed.length}`);
    for (const m of termMissed) out.push(`  L${m.labelIndex} ${show(m.label.text)}`);
  }
  const wrongKind = quotes.matched.filter((m) => !m.kindCorrect);
  out.push('', `quotes: wrong kind: ${wrongKind.length}`);
  for (const m of wrongKind) out.push(`  L${m.labelIndex} ${show(m.label.text)}  labelled ${m.label.kind}, predicted ${m.prediction.kind}`);
  const wrongSpeaker = quotes.matched.filter((m) => m.speakerCorrect === false);
  out.push('', `quotes: wrong speaker: ${wrongSpeaker.length}`);
  for (const m of wrongSpeaker) {
    out.push(`  L${m.labelIndex} ${show(m.label.text)}  labelled ${m.label.speaker ?? '(none)'}, predicted ${m.prediction.speaker ?? '(none)'}`);
  }

  out.push('', `officials: missed: ${officials.missed.length}`);
  for (const m of officials.missed) out.push(`  ${m.label.name} (${m.label.role}); mentions: ${m.label.mentions.join(' | ')}`);
  out.push('', `officials: false positives: ${officials.falsePositives.length}`);
  for (const f of officials.falsePositives) out.push(`  ${f.prediction.name} (${f.prediction.role})`);
  if (officials.duplicates.length > 0) {
    out.push('', `officials: further predictions of a matched official (not counted): ${officials.duplicates.length}`);
    for (const d of officials.duplicates) out.push(`  ${d.prediction.name} → ${p.labels.officials[d.labelIndex]?.name ?? '?'}`);
  }
  const wrongRole = officials.matched.filter((m) => !m.roleCorrect);
  out.push('', `officials: wrong role: ${wrongRole.length}`);
  for (const m of wrongRole) out.push(`  ${m.label.name}: labelled ${show(m.label.role)}, predicted ${show(m.prediction.role)}`);
  return out.join('\n');
}

function nearestLine<T>(what: 'label' | 'prediction', nearest: Nearest<T> | null, describe: (item: T) => string): string {
  if (!nearest) return `no ${what} shares a word`;
  const prefix = what === 'label' ? 'L' : 'P';
  return `nearest ${what} ${prefix}${nearest.index} (F1 ${nearest.f1.toFixed(2)}): ${describe(nearest.item)}`;
}

/** A string quoted for the terminal, long ones shortened in the middle. */
function show(s: string, max = 160): string {
  const t = s.length > max ? `${s.slice(0, max / 2 - 2)} … ${s.slice(-(max / 2 - 2))}` : s;
  return JSON.stringify(t);
}

function figure(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

function withCount(value: number | null, part: number, whole: number): string {
  return `${figure(value)} (${part}/${whole})`;
}

function ratioCell(value: number | null, r: Ratio): string {
  return withCount(value, r.correct, r.total);
}
