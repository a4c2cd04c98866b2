/**
 * How often each tag spelling is used, read from the annotations' multi-entry `tags` index. Reading
 * every key of that index costs one entry per use (80,000 at 100,000 highlights); hopping from one
 * distinct tag to the next and letting IndexedDB count each costs a request per tag instead, which
 * is far less while tags are few. With many distinct tags it falls back to reading the keys.
 */
import Dexie from 'dexie';
import type { MarginaliaDb } from './db';
import { request } from './idb-request';

/** Distinct tags counted one by one; past this many, every key is read instead. */
const MAX_COUNTED = 300;

/** The distinct keys of the index, or null when more than `max`. */
function distinctKeys(index: IDBIndex, max: number): Promise<string[] | null> {
  return new Promise((resolve, reject) => {
    const found: string[] = [];
    const cursor = index.openKeyCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return resolve(found);
      if (found.length === max) return resolve(null);
      const key = c.key;
      if (typeof key === 'string') found.push(key);
      // The smallest string after `key`: the next distinct tag, in one seek.
      c.continue(typeof key === 'string' ? `${key}\u0000` : undefined);
    };
    cursor.onerror = () => reject(cursor.error);
  });
}

/** Each tag spelling in use with its number of uses. */
export function tagUses(db: MarginaliaDb): Promise<[string, number][]> {
  return db.transaction('r', db.annotations, async () => {
    const index = Dexie.currentTransaction.idbtrans.objectStore('annotations').index('tags');
    const tags = await distinctKeys(index, MAX_COUNTED);
    if (tags) return Promise.all(tags.map(async (tag) => [tag, await request(index.count(IDBKeyRange.only(tag)))] as [string, number]));
    const counts = new Map<string, number>();
    for (const key of await db.annotations.orderBy('tags').keys()) {
      if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts];
  });
}
