/** Ranks tags by use for autocompletion; pure, so the ranking is tested without a database. */

/**
 * Tags most used first (ties alphabetical), at most `limit`. Spellings that differ only in case
 * count as one tag, shown in its most used spelling — `normalizeTags` treats them as duplicates too.
 */
export function topTags(uses: readonly string[], limit: number): string[] {
  const groups = new Map<string, { total: number; spellings: Map<string, number> }>();
  for (const tag of uses) {
    const key = tag.toLowerCase();
    const group = groups.get(key) ?? { total: 0, spellings: new Map<string, number>() };
    group.total += 1;
    group.spellings.set(tag, (group.spellings.get(tag) ?? 0) + 1);
    groups.set(key, group);
  }
  const ranked = [...groups.values()].map(({ total, spellings }) => {
    let best = '';
    let bestCount = 0;
    for (const [spelling, count] of spellings) {
      if (count > bestCount || (count === bestCount && spelling < best)) [best, bestCount] = [spelling, count];
    }
    return { tag: best, total };
  });
  ranked.sort((a, b) => b.total - a.total || a.tag.localeCompare(b.tag));
  return ranked.slice(0, limit).map((r) => r.tag);
}
