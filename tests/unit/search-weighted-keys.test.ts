// The keys a search has read for one term, with their best weight: compared with a plain Map
// built the obvious way, over random blocks of overlapping keys read in several rounds.
import { describe, expect, it } from 'vitest';
import { WeightedKeys } from '@/src/core/search/weighted-keys';

let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

describe('WeightedKeys', () => {
  it('gives each key its best weight and lists distinct keys up to a bound, newest first', () => {
    for (let round = 0; round < 30; round++) {
      const keys = new WeightedKeys();
      const reference = new Map<number, number>();
      let added = 0;
      for (let read = 0; read < 4; read++) {
        for (let b = 0; b < 1 + Math.floor(random() * 5); b++) {
          // Negative integer keys as the index has them; blocks may overlap and repeat keys.
          const block = Array.from({ length: 1 + Math.floor(random() * 40) }, () => -1 - Math.floor(random() * 200));
          const weight = random() < 0.5 ? 1 : 2;
          keys.add(block, weight);
          added += block.length;
          for (const key of block) reference.set(key, Math.max(reference.get(key) ?? 0, weight));
        }
        expect(keys.size).toBe(added);
        for (let key = -201; key <= 1; key++) expect(keys.weight(key), `key ${key}`).toBe(reference.get(key));
        for (const bound of [-Infinity, -150, -100, -37, 0, Infinity]) {
          const expected = [...reference.keys()].filter((k) => k <= bound).sort((a, b) => a - b);
          expect([...keys.upTo(bound)], `bound ${bound}`).toEqual(expected);
        }
      }
    }
  });

  it('is empty before anything is added', () => {
    const keys = new WeightedKeys();
    expect(keys.size).toBe(0);
    expect(keys.weight(-5)).toBeUndefined();
    expect([...keys.upTo(Infinity)]).toEqual([]);
  });
});
