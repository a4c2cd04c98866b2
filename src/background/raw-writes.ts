/**
 * Bulk writes for an import, issued straight on the native IndexedDB transaction under the running
 * Dexie transaction. Dexie's bulkAdd/bulkPut cost about as much again as IndexedDB itself on
 * 100,000 records (its middleware walks every record and key for change tracking, which nothing in
 * the background observes), and awaiting each table's writes before the next keeps the database
 * idle while the worker computes. Here every request is issued at once, without a callback of its
 * own but the error one, and the caller awaits the last. A failed request fails the Dexie
 * transaction, which aborts it: the import stays all or nothing.
 */
import Dexie, { type IndexableType, type Table } from 'dexie';

export type WriteOp = 'add' | 'put' | 'delete';

/**
 * Issues one write per item on `table`'s store in the current transaction and returns a promise
 * that settles when the last is done (requests run in order), or on the first failure. Call inside
 * a Dexie read-write transaction that includes the table.
 */
export function issueWrites<T, K extends IndexableType>(table: Table<T, K>, op: 'add' | 'put', items: readonly T[]): Promise<void>;
export function issueWrites<T, K extends IndexableType>(table: Table<T, K>, op: 'delete', items: readonly K[]): Promise<void>;
export function issueWrites(table: Table, op: WriteOp, items: readonly unknown[]): Promise<void> {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite' || !tx.storeNames.includes(table.name)) {
    return Dexie.Promise.reject(new Error(`issueWrites(${table.name}) needs a read-write transaction that includes the table.`));
  }
  if (!items.length) return Dexie.Promise.resolve();
  const store = tx.idbtrans.objectStore(table.name);
  // A Dexie promise, so that code awaiting it stays in the transaction's zone.
  return new Dexie.Promise<void>((resolve, reject) => {
    const fail = (event: Event) => reject((event.target as IDBRequest).error ?? new Error(`A write to ${table.name} failed.`));
    let last: IDBRequest | undefined;
    for (const item of items) {
      last = op === 'delete' ? store.delete(item as IDBValidKey) : op === 'add' ? store.add(item) : store.put(item);
      last.onerror = fail;
    }
    last!.onsuccess = () => resolve();
  });
}
