/**
 * One raw IndexedDB request as a promise, for the background's reads and writes issued straight on
 * the running Dexie transaction (`Dexie.currentTransaction.idbtrans`).
 */
import Dexie from 'dexie';

const settle =
  <T>(r: IDBRequest<T>) =>
  (resolve: (value: T) => void, reject: (reason: unknown) => void): void => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  };

/** A native promise: the search's posting reads, awaited only by plain async code. */
export const request = <T>(r: IDBRequest<T>): Promise<T> => new Promise<T>(settle(r));

/** A Dexie promise, so that code awaiting it stays in the transaction's zone (then goes on to Dexie calls). */
export const zonedRequest = <T>(r: IDBRequest<T>): Promise<T> => new Dexie.Promise<T>(settle(r));
