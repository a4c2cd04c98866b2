// Posting blocks (pure): built from documents, split when full, emptied and dropped.
import { describe, expect, it } from 'vitest';
import { BLOCK_MAX, blockPositions, blocksOf, buildPostings, consecutiveRuns, docPositions, docTerms, insertKey, MAX_POSITION, META, packBlock, removeKey, type PostingBlock } from '@/src/core/search/postings';

const keysOf = (blocks: readonly PostingBlock[]) => blocks.flatMap((b) => b.keys);
/** Positions as a block holds them: one UTF-16 code unit per number. */
const codes = (...numbers: number[]) => String.fromCharCode(...numbers);

describe('building', () => {
  it('gives each word and filter value of each document its keys, sorted, in half-full blocks, body words with positions', () => {
    const docs = [
      { key: -30, body: ' mayor | budget |  ', meta: ' mayor | nbc ', facets: ['tag:ice'] },
      { key: -10, body: ' mayor |  |  ', meta: '  | nbc ', facets: [] },
      { key: -20, body: ' the budget |  | ice ', meta: ' mayor budget | nbc ', facets: ['tag:ice'] },
    ];
    // Title and site words are terms of their own (marked) where the body lacks them.
    expect(docTerms(docs[0]!)).toEqual(['mayor', 'budget', `nbc${META}`, '#tag:ice']);
    expect(docTerms(docs[2]!)).toEqual(['the', 'budget', 'ice', `mayor${META}`, `nbc${META}`, '#tag:ice']);
    const blocks = buildPostings(docs);
    const byTerm = Object.fromEntries(blocks.map((b) => [b.term, b]));
    expect(byTerm).toEqual({
      // Key by key: a count, then the word's positions among the body's words and group marks.
      mayor: { term: 'mayor', last: -10, keys: [-30, -10], pos: codes(1, 0, 1, 0) },
      [`mayor${META}`]: { term: `mayor${META}`, last: -20, keys: [-20] },
      budget: { term: 'budget', last: -20, keys: [-30, -20], pos: codes(1, 2, 1, 1) },
      the: { term: 'the', last: -20, keys: [-20], pos: codes(1, 0) },
      ice: { term: 'ice', last: -20, keys: [-20], pos: codes(1, 4) },
      [`nbc${META}`]: { term: `nbc${META}`, last: -10, keys: [-30, -20, -10] },
      '#tag:ice': { term: '#tag:ice', last: -20, keys: [-30, -20] },
    });
  });

  it('places body words so that words in a row are one apart, and never across a group mark', () => {
    const positions = docPositions({ body: ' back off back |  | off the | back ' });
    expect(Object.fromEntries(positions)).toEqual({ back: [0, 2, 8], off: [1, 5], the: [6] });
  });

  it('cuts long lists into ordered blocks that do not overlap', () => {
    const keys = Array.from({ length: 1300 }, (_, i) => -i * 3);
    const blocks = blocksOf('said', keys);
    expect(blocks.map((b) => b.keys.length)).toEqual([BLOCK_MAX / 2, BLOCK_MAX / 2, 1300 - BLOCK_MAX]);
    expect(keysOf(blocks)).toEqual([...keys].sort((a, b) => a - b));
    for (const b of blocks) expect(b.last).toBe(b.keys[b.keys.length - 1]);
  });
});

describe('editing', () => {
  it('inserts in order, ignores a key already there, and splits a full block in two', () => {
    const block: PostingBlock = { term: 't', last: 9, keys: [1, 5, 9] };
    expect(insertKey(block, 3)).toEqual([{ term: 't', last: 9, keys: [1, 3, 5, 9] }]);
    expect(insertKey(block, 5)).toEqual([block]);
    expect(insertKey(block, 12)).toEqual([{ term: 't', last: 12, keys: [1, 5, 9, 12] }]);
    const full: PostingBlock = { term: 't', last: BLOCK_MAX * 2, keys: Array.from({ length: BLOCK_MAX }, (_, i) => (i + 1) * 2) };
    const [left, right] = insertKey(full, 3);
    expect(left!.keys.length + right!.keys.length).toBe(BLOCK_MAX + 1);
    expect(left!.last).toBe(left!.keys.at(-1));
    expect(right!.last).toBe(full.last);
    expect(left!.last).toBeLessThan(right!.keys[0]!);
  });

  it('keeps each key’s positions through inserts, replacements, splits and removals', () => {
    const block = blocksOf('t', [1, 5, 9], new Map([[1, [0]], [9, [3, 7]]]))[0]!;
    expect(block).toEqual({ term: 't', last: 9, keys: [1, 5, 9], pos: codes(1, 0, 0, 2, 3, 7) });
    const [inserted] = insertKey(block, 3, [2]);
    expect(Object.fromEntries(blockPositions(inserted!))).toEqual({ 1: [0], 3: [2], 9: [3, 7] });
    const [moved] = insertKey(block, 9, [4]);
    expect(Object.fromEntries(blockPositions(moved!))).toEqual({ 1: [0], 9: [4] });
    expect(insertKey(block, 9, [3, 7])).toEqual([block]);
    expect(Object.fromEntries(blockPositions(removeKey(block, 1)!))).toEqual({ 9: [3, 7] });
    const keys = Array.from({ length: BLOCK_MAX }, (_, i) => (i + 1) * 2);
    const full = packBlock('t', keys, new Map(keys.map((k) => [k, [k]])));
    const halves = insertKey(full, 3, [3]);
    expect(halves).toHaveLength(2);
    const all = new Map(halves.flatMap((b) => [...blockPositions(b)]));
    expect(all.size).toBe(BLOCK_MAX + 1);
    expect([...all].every(([k, p]) => p.length === 1 && p[0] === k)).toBe(true);
    // Past the largest position a block holds, a document's positions are not known (its body is checked).
    const far = packBlock('t', [1, 2], new Map([[1, [MAX_POSITION + 1]], [2, [5, MAX_POSITION]]]));
    expect(Object.fromEntries(blockPositions(far))).toEqual({ 2: [5, MAX_POSITION] });
  });

  it('removes a key, moves `last` when it was the last, and empties to null', () => {
    const block: PostingBlock = { term: 't', last: 9, keys: [1, 5, 9] };
    expect(removeKey(block, 5)).toEqual({ term: 't', last: 9, keys: [1, 9] });
    expect(removeKey(block, 9)).toEqual({ term: 't', last: 5, keys: [1, 5] });
    expect(removeKey(block, 4)).toBe(block);
    expect(removeKey({ term: 't', last: 1, keys: [1] }, 1)).toBeNull();
  });
});

describe('consecutiveRuns', () => {
  it('groups consecutive integers as [first, last] pairs', () => {
    expect(consecutiveRuns([])).toEqual([]);
    expect(consecutiveRuns([4])).toEqual([[4, 4]]);
    expect(consecutiveRuns([0, 1, 2, 5, 7, 8])).toEqual([
      [0, 2],
      [5, 5],
      [7, 8],
    ]);
  });
});
