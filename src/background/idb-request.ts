/**
 * One raw IndexedDB request as a promise, for the background's reads and writes issued straight on
 * the running Dexie transaction (`Dexie.currentTransaction.idbtrans`). A Dexie promise, so that
 * code awaiting it stays in the transaction's zone.
 */
import Dexie from 'dexie';

export const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Dexie.Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
