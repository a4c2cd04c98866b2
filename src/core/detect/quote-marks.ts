/**
 * Finds the quotations of an article by pairing its quotation marks: every style ("…", “…”,
 * ‘…’, '…', «…», « … », „…“, ‚…‘, »…«, ‹…›), nested marks kept inside the outer quote, and a
 * quote that runs over several paragraphs (opening mark, no closing mark, reopened at the start
 * of the next) taken as one. Apostrophes, possessives and foot/inch marks (don't, Smiths', '90s, 6'2",
 * rock 'n' roll) are told apart from quotation marks by what stands on either side of them.
 * One pass over the characters with a small stack; no regular expression backtracks.
 */
import { hasLetterOrDigit, isDigit, isSpace, isWordChar } from './chars';
import type { ArticleText, Span } from './types';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the end of the last paragraph when none). */
  end: number;
  /** The quoted text: its start and end in the article, and the text itself (paragraphs joined by one space). */
  start: number;
  stop: number;
  text: string;
  /** One inner span per paragraph the quote covers. */
  parts: Span[];
}

type Family = 'd' | 's' | 'g' | 'h'; // double, single, guillemet, single guillemet
interface Open {
  fam: Family;
  mark: string;
  at: number;
  parts: Span[];
  /** Where the current paragraph's part of the text begins. */
  from: number;
}

const FAMILY: Record<string, Family> = {
  '"': 'd', '“': 'd', '”': 'd', '„': 'd', '‟': 'd',
  "'": 's', '‘': 's', '’': 's', '‚': 's', '‛': 's',
  '«': 'g', '»': 'g', '‹': 'h', '›': 'h',
};
const MARK = /["“”„‟'‘’‚‛«»‹›]/gu;
const OPEN_CONTEXT = /[([{\-–—/„“‘‚«»‹›"']/u;
const CLOSE_CONTEXT = /[.,;:!?)\]}\-–—…"'”’»«›‹]/u;
/** Words that begin with an apostrophe: 'em, 'tis, 'cause… */
const ELIDED = /^(?:em|til|tis|twas|cause|bout|round|n)(?![\p{L}])/iu;
const TRIM_START = /^[\s]+/u;
const TRIM_END = /[\s]+$/u;

/** The quotations of the article, in document order (top-level quotes only; nested ones stay inside). */
export function findQuotes(article: ArticleText): QuoteSpan[] {
  const { text } = article;
  // »…« (German, Danish) when the first guillemet of the article is a closing-looking one.
  const firstG = text.search(/[«»]/u);
  const firstH = text.search(/[‹›]/u);
  const reversedG = firstG >= 0 && text[firstG] === '»';
  const reversedH = firstH >= 0 && text[firstH] === '›';
  const quotes: QuoteSpan[] = [];
  let carried: Open | null = null;
  // Every mark's offset, found once: each paragraph's scan then looks at its own marks only.
  const marks: number[] = [];
  for (const m of text.matchAll(MARK)) marks.push(m.index);
  const firstMarkFrom = (from: number): number => {
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  article.paragraphs.forEach((para, index) => {
    let from = para.start;
    while (from < para.end && isSpace(text[from] ?? '')) from++;
    let stack: Open[] = [];
    if (carried) {
      const c = text[from] ?? '';
      if (FAMILY[c] === carried.fam) {
        carried.from = from + 1;
        stack = [carried];
        from++;
      } else {
        emitUnclosed(carried);
      }
      carried = null;
    }
    // A stray opening mark is dropped and the paragraph scanned again after it (a few times at most).
    for (let attempt = 0; attempt < 4; attempt++) {
      const left = scan(from, para.start, para.end, stack);
      stack = [];
      if (left.length === 0) break;
      const bottom = left[0]!;
      const next = article.paragraphs[index + 1];
      if (next && startsWithOpener(text, next, bottom.fam)) {
        bottom.parts.push({ start: bottom.from, end: para.end });
        carried = bottom;
        break;
      }
      if (bottom.at === firstNonSpace(para) || bottom.parts.length > 0) {
        // A paragraph that opens with a quotation mark and never closes it is a quote all the same.
        bottom.parts.push({ start: bottom.from, end: para.end });
        emitUnclosed(bottom);
        break;
      }
      from = bottom.at + 1;
    }
  });
  if (carried) emitUnclosed(carried);
  return quotes;

  function firstNonSpace(para: Span): number {
    let i = para.start;
    while (i < para.end && isSpace(text[i] ?? '')) i++;
    return i;
  }

  function emitUnclosed(open: Open): void {
    const last = open.parts[open.parts.length - 1];
    if (last) emit(open, last.end, []);
  }

  function emit(open: Open, end: number, extra: Span[]): void {
    const parts = [...open.parts, ...extra]
      .map((p) => trimSpan(text, p))
      .filter((p) => p.end > p.start);
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (!first || !last) return;
    const joined = parts.map((p) => text.slice(p.start, p.end)).join(' ');
    if (!hasLetterOrDigit(joined)) return;
    quotes.push({ open: open.at, end, start: first.start, stop: last.end, text: joined, parts });
  }

  /** Scans [from, to) with `stack` open; emits the top-level quotes closed; returns what is left open. */
  function scan(from: number, paraStart: number, to: number, stack: Open[]): Open[] {
    const hasOpen = (fam: Family): number => {
      for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.fam === fam) return k;
      return -1;
    };
    const push = (fam: Family, mark: string, at: number): void => {
      stack.push({ fam, mark, at, parts: [], from: at + 1 });
    };
    const close = (k: number, at: number): void => {
      const open = stack[k]!;
      stack.length = k;
      if (k === 0) emit(open, at + 1, [{ start: open.from, end: at }]);
    };

    let next = firstMarkFrom(from);
    for (; next < marks.length && marks[next]! < to; next++) {
      const i = marks[next]!;
      const c = text[i]!;
      const fam = FAMILY[c]!;
      const pc = i > paraStart ? text[i - 1]! : ' ';
      const nc = i + 1 < to ? text[i + 1]! : ' ';
      const leftFlank = !isSpace(nc) && (isSpace(pc) || OPEN_CONTEXT.test(pc));
      const rightFlank = !isSpace(pc) && (isSpace(nc) || CLOSE_CONTEXT.test(nc));
      const k = hasOpen(fam);

      if (fam === 'g' || fam === 'h') {
        const reversed = fam === 'g' ? reversedG : reversedH;
        const opener = fam === 'g' ? (reversed ? '»' : '«') : reversed ? '›' : '‹';
        if (c === opener) push(fam, c, i);
        else if (k >= 0) close(k, i);
        continue;
      }

      if (fam === 'd') {
        if (c === '„' || c === '‟') push(fam, c, i);
        else if (c === '"') {
          if (isDigit(pc) && k < 0) continue; // 12" pizza, 6'2"
          if (k >= 0 && (rightFlank || (!isSpace(pc) && !leftFlank))) close(k, i);
          else if (leftFlank) push(fam, c, i);
        } else if (c === '“') {
          if (k >= 0 && stack[k]!.mark === '„' && !isSpace(pc)) close(k, i);
          else if (k >= 0 && rightFlank && !leftFlank) close(k, i);
          else if (!isSpace(nc)) push(fam, c, i);
          else if (k >= 0) close(k, i);
        } else if (k >= 0) close(k, i); // ”
        else if (leftFlank) push(fam, c, i); // ”…” (Swedish, Finnish)
        continue;
      }

      // Single marks: most of them are apostrophes.
      if (isWordChar(pc) && isWordChar(nc)) continue; // don't, O'Brien, l’Etat
      if ((c === "'" || c === '’') && /['’]n['’]/u.test(text.slice(i, i + 3)) && isSpace(pc)) {
        next++; // rock 'n' roll: both marks are apostrophes
        continue;
      }
      if (isDigit(pc) && c !== '‘') continue; // 6'2", the 1990’s
      if (isSpace(pc) && isDigit(nc)) continue; // '90s
      if (c === '‚' || c === '‛') {
        if (!isSpace(nc)) push(fam, c, i);
        continue;
      }
      if (c === '‘') {
        if (k >= 0 && stack[k]!.mark === '‚' && !isSpace(pc)) close(k, i);
        else if (k >= 0 && rightFlank && !leftFlank) close(k, i);
        else if (!isSpace(nc)) push(fam, c, i);
        continue;
      }
      // ' and ’
      if (leftFlank && !rightFlank) {
        if (c === "'" && !ELIDED.test(text.slice(i + 1, i + 6))) push(fam, c, i);
        continue;
      }
      if (k >= 0 && !isSpace(pc)) {
        // The Smiths’ car: a possessive when another closing mark for the quote follows.
        if (/s/iu.test(pc) && nc === ' ' && hasLaterCloser(i + 1, to)) continue;
        close(k, i);
      }
    }
    return stack;
  }

  function hasLaterCloser(from: number, to: number): boolean {
    const limit = Math.min(to, from + 300);
    for (let j = from; j < limit; j++) {
      const c = text[j];
      if (c !== "'" && c !== '’') continue;
      const pc = text[j - 1] ?? ' ';
      const nc = j + 1 < to ? text[j + 1]! : ' ';
      if (isWordChar(pc) && isWordChar(nc)) continue;
      if (!isSpace(pc) && (isSpace(nc) || CLOSE_CONTEXT.test(nc))) return true;
      if (isSpace(pc) && !isSpace(nc)) return false; // a new quote opens first
    }
    return false;
  }
}

function startsWithOpener(text: string, para: Span, fam: Family): boolean {
  let i = para.start;
  while (i < para.end && isSpace(text[i] ?? '')) i++;
  const c = text[i] ?? '';
  // A continued quote is reopened with its family's mark (French also reopens « with »).
  return FAMILY[c] === fam && (fam === 'g' || fam === 'h' || !isSpace(text[i + 1] ?? ' '));
}

function trimSpan(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  const lead = TRIM_START.exec(slice)?.[0].length ?? 0;
  const tail = TRIM_END.exec(slice)?.[0].length ?? 0;
  return { start: span.start + lead, end: Math.max(span.start + lead, span.end - tail) };
}
