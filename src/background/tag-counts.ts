/** Ranks tags by use for autocompletion; pure, so the ranking is tested without a database. */

/**
 * Tags most used first (ties alphabetical), at most `limit`, from each spelling's number of uses.
 * Spellings that differ only in case count as one tag, shown in its most used spelling —
 * `normalizeTags` treats them as duplicates too.
 */
export function rankTags(counts: Iterable<readonly [string, number]>, limit: number): string[] {
  const groups = new Map<string, { total: number; best: string; bestCount: number }>();
  for (const [tag, count] of counts) {
    const key = tag.toLowerCase();
    const group = groups.get(key) ?? { total: 0, best: tag, bestCount: 0 };
    group.total += count;
    if (count > group.bestCount || (count === group.bestCount && tag < group.best)) [group.best, group.bestCount] = [tag, count];
    groups.set(key, group);
  }
  const ranked = [...groups.values()].map(({ total, best }) => ({ tag: best, total }));
  ranked.sort((a, b) => b.total - a.total || a.tag.localeCompare(b.tag));
  return ranked.slice(0, limit).map((r) => r.tag);
}

/** The same ranking from a list with one entry per use. */
export function topTags(uses: readonly string[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const tag of uses) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return rankTags(counts, limit);
}
