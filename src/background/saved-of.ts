/** Reading many keys of a table at once, for imports (export-import.ts). */
import type { IndexableType, Table } from 'dexie';

/**
 * The saved records among these keys. A large import is mostly new records: one read of the
 * table's keys (cheap, no values) says which exist, and only those are read, instead of one
 * request per key in the file. Callers match records by their own keys: for a large set the
 * result holds only the saved records, not one entry per key.
 */
export async function savedOf<T, K extends IndexableType>(table: Table<T, K>, keys: readonly K[]): Promise<(T | undefined)[]> {
  if (keys.length < 512) return table.bulkGet([...keys]);
  const present = new Set<unknown>(await table.toCollection().primaryKeys());
  return table.bulkGet(keys.filter((key) => present.has(key)));
}
