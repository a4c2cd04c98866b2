/** Tag input rules, shared by the editor (as the user types) and the background (before storing). */
import { LIMITS } from './model';

/** Trims, collapses inner whitespace, drops empties and case-insensitive duplicates, bounds count and length. */
export function normalizeTags(input: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input) {
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, LIMITS.tag).trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length === LIMITS.tags) break;
  }
  return out;
}

/** Splits typed text ("ice, chicago") into tags. */
export function parseTagInput(text: string): string[] {
  return normalizeTags(text.split(/[,\n]/));
}
