/**
 * Search documents in blocks: consecutive documents (by key, so newest first) packed into one
 * record of at most DOC_BLOCK_MAX, keyed by its largest key, as posting lists are
 * (postings.ts). IndexedDB's cost is per record far more than per byte: in Chromium, writing
 * 100,000 one-kilobyte documents in one transaction took about 16 s of the browser's CPU, the same
 * documents in 3,125 blocks about 2 s; reading a search's results, which lie close together, takes
 * fewer requests too. Pure: finding and editing blocks, no database (src/background/doc-store.ts
 * stores them).
 */
import type { SearchDoc } from './document';

/** A block is split when it grows past this many documents (a block of 1 kB documents stays under 64 kB, past which Chromium stores a record as a file). */
export const DOC_BLOCK_MAX = 32;

export interface DocBlock {
  /** The largest key of `docs`: the record's key. */
  last: number;
  /** Ascending by key, distinct keys; every key ≤ `last` and > the previous block's `last`. */
  docs: SearchDoc[];
}

/** Documents (any order) cut into blocks of `size`, for building a table from scratch. */
export function packDocs(docs: readonly SearchDoc[], size = DOC_BLOCK_MAX): DocBlock[] {
  const sorted = [...docs].sort((a, b) => a.key - b.key);
  const out: DocBlock[] = [];
  for (let i = 0; i < sorted.length; i += size) {
    const part = sorted.slice(i, i + size);
    out.push({ last: part[part.length - 1]!.key, docs: part });
  }
  return out;
}

/** Index of the first block whose `last` is ≥ key, in blocks sorted by `last`; blocks.length past every block. */
export function blockAt(blocks: readonly { last: number }[], key: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.last < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The blocks after putting `put` (documents, replacing any under the same key) and deleting the
 * documents under `remove`, given the saved blocks that hold or would hold those keys (sorted by
 * `last`, consecutive in the table, and the table's last block among them whenever a key lies past
 * every block). A key goes to the first block whose `last` is not smaller, past every block to
 * the last one, as in postings.ts. A block that outgrows DOC_BLOCK_MAX is cut into half-full
 * blocks so that later single inserts fit. Returns the blocks to write and the `last`s of saved
 * records to delete.
 */
export function mergeDocBlocks(
  blocks: readonly DocBlock[],
  put: readonly SearchDoc[],
  remove: Iterable<number>,
  max = DOC_BLOCK_MAX,
): { put: DocBlock[]; drop: number[] } {
  if (blocks.length === 0) {
    const gone = new Set(remove);
    const byKey = new Map<number, SearchDoc>();
    for (const doc of put) if (!gone.has(doc.key)) byKey.set(doc.key, doc);
    return { put: packDocs([...byKey.values()], max), drop: [] };
  }
  const touched = new Map<number, Map<number, SearchDoc | null>>();
  const change = (key: number, doc: SearchDoc | null) => {
    const i = Math.min(blockAt(blocks, key), blocks.length - 1);
    let edits = touched.get(i);
    if (!edits) touched.set(i, (edits = new Map()));
    edits.set(key, doc);
  };
  for (const key of remove) change(key, null);
  for (const doc of put) change(doc.key, doc);
  const out: DocBlock[] = [];
  const drop: number[] = [];
  for (const [i, edits] of touched) {
    const block = blocks[i]!;
    const byKey = new Map(block.docs.map((d) => [d.key, d] as const));
    for (const [key, doc] of edits) {
      if (doc) byKey.set(key, doc);
      else byKey.delete(key);
    }
    const docs = [...byKey.values()];
    // Outgrown by a few: half-full blocks, room for the next inserts. By many (an import): full ones.
    const next = docs.length > 2 * max ? packDocs(docs, max) : docs.length > max ? packDocs(docs, halfFull(max)) : docs.length ? [packed(docs)] : [];
    if (!next.some((b) => b.last === block.last)) drop.push(block.last);
    out.push(...next);
  }
  return { put: out, drop };
}

const packed = (docs: SearchDoc[]): DocBlock => {
  docs.sort((a, b) => a.key - b.key);
  return { last: docs[docs.length - 1]!.key, docs };
};

const halfFull = (max: number): number => Math.max(1, max >> 1);
