/**
 * Which page each annotation id is saved on, in blocks: ids sorted, at most ID_BLOCK_MAX per
 * record, each record keyed by its largest id, as posting lists are (src/core/search/postings.ts).
 * Annotations are stored one record per page (src/background/annotation-store.ts); finding one by
 * id reads one block here, then its page. A multi-entry index of the ids would cost an index entry
 * per annotation on every write: in Chromium, 2,000 page records holding 100,000 annotations took
 * 6.7 s of the browser's CPU to write in one transaction with such an index, 1.1 s without. Pure:
 * no database.
 */
import { blockAt } from '../search/doc-blocks';
import { lowerBound } from '../search/postings';

/** A block is cut in two when it grows past this many ids. */
export const ID_BLOCK_MAX = 256;

export interface IdBlock {
  /** The largest of `ids`: the record's key. */
  last: string;
  /** Ascending and distinct; every id ≤ `last` and > the previous block's `last`. */
  ids: string[];
  /** `urls[i]`: the page annotation `ids[i]` is saved on. */
  urls: string[];
}

/** Index of the first block whose `last` is ≥ id, in blocks sorted by `last`; blocks.length past every block. */
export const idBlockAt = (blocks: readonly IdBlock[], id: string): number => blockAt(blocks, id);

/** The page of `id` in the block that would hold it, or undefined. */
export function pageIn(block: IdBlock | undefined, id: string): string | undefined {
  if (!block) return undefined;
  const i = lowerBound(block.ids, id);
  return block.ids[i] === id ? block.urls[i] : undefined;
}

function blocksOf(entries: readonly (readonly [string, string])[], size: number): IdBlock[] {
  const out: IdBlock[] = [];
  for (let i = 0; i < entries.length; i += size) {
    const part = entries.slice(i, i + size);
    out.push({ last: part[part.length - 1]![0], ids: part.map((e) => e[0]), urls: part.map((e) => e[1]) });
  }
  return out;
}

const byId = (a: readonly [string, string], b: readonly [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The blocks after adding `put` (id → page, replacing a saved entry) and removing the ids in
 * `remove`, given the saved blocks that hold or would hold those ids (sorted by `last`, with the
 * table's last block among them whenever an id lies past every block): an id goes to the first
 * block whose `last` is not smaller, past every block to the last one. A block outgrown by a few is
 * cut into half-full blocks, so that later single inserts fit; by many (an import), into full ones.
 * Returns the blocks to write and the `last`s of saved records to delete.
 */
export function mergeIdBlocks(
  blocks: readonly IdBlock[],
  put: ReadonlyMap<string, string>,
  remove: Iterable<string>,
  max = ID_BLOCK_MAX,
): { put: IdBlock[]; drop: string[] } {
  const gone = new Set(remove);
  if (blocks.length === 0) {
    const entries = [...put].filter(([id]) => !gone.has(id)).sort(byId);
    return { put: blocksOf(entries, max), drop: [] };
  }
  const touched = new Map<number, Map<string, string | null>>();
  const change = (id: string, url: string | null) => {
    const i = Math.min(idBlockAt(blocks, id), blocks.length - 1);
    let edits = touched.get(i);
    if (!edits) touched.set(i, (edits = new Map()));
    edits.set(id, url);
  };
  for (const id of gone) change(id, null);
  for (const [id, url] of put) if (!gone.has(id)) change(id, url);
  const out: IdBlock[] = [];
  const drop: string[] = [];
  for (const [i, edits] of touched) {
    const block = blocks[i]!;
    const entries = new Map<string, string>(block.ids.map((id, j) => [id, block.urls[j]!]));
    for (const [id, url] of edits) {
      if (url === null) entries.delete(id);
      else entries.set(id, url);
    }
    const sorted = [...entries].sort(byId);
    const size = sorted.length > 2 * max ? max : sorted.length > max ? Math.max(1, max >> 1) : max;
    const next = blocksOf(sorted, size);
    if (!next.some((b) => b.last === block.last)) drop.push(block.last);
    out.push(...next);
  }
  return { put: out, drop };
}
