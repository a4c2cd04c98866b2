// Writes issued straight on the native transaction (src/background/raw-writes.ts): they land, and a
// request that fails fails the Dexie transaction, which leaves nothing written.
import 'fake-indexeddb/auto';
import Dexie, { type EntityTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueWrites } from '@/src/background/raw-writes';

interface Row {
  id: number;
  tag: string;
}
type TestDb = Dexie & { rows: EntityTable<Row, 'id'>; other: EntityTable<Row, 'id'> };

let db: TestDb;
beforeEach(() => {
  db = new Dexie(`raw-writes-${crypto.randomUUID()}`) as TestDb;
  db.version(1).stores({ rows: 'id, tag', other: 'id' });
});
afterEach(async () => {
  await db.delete();
});

const rows = (n: number, from = 0): Row[] => Array.from({ length: n }, (_, i) => ({ id: from + i, tag: `t${(from + i) % 3}` }));

describe('issueWrites', () => {
  it('adds, puts and deletes inside the transaction, and its indexes follow', async () => {
    await db.transaction('rw', db.rows, async () => {
      await issueWrites(db.rows, 'add', rows(10));
      await issueWrites(db.rows, 'put', [{ id: 3, tag: 'changed' }]);
      await issueWrites(db.rows, 'delete', [0, 1]);
      // Dexie reads in the same transaction see the writes.
      expect(await db.rows.count()).toBe(8);
    });
    expect(await db.rows.where('tag').equals('changed').primaryKeys()).toEqual([3]);
    expect(await db.rows.get(0)).toBeUndefined();
  });

  it('settles at once for no items', async () => {
    await db.transaction('rw', db.rows, async () => {
      await issueWrites(db.rows, 'put', []);
    });
    expect(await db.rows.count()).toBe(0);
  });

  it('rejects on a failed request, and the transaction leaves nothing written', async () => {
    await db.rows.bulkAdd(rows(5));
    const attempt = db.transaction('rw', db.rows, db.other, async () => {
      await Dexie.Promise.all([
        issueWrites(db.other, 'add', rows(5)),
        // id 4 exists: this add fails after the others have been issued.
        issueWrites(db.rows, 'add', rows(3, 2 + 3)),
        issueWrites(db.rows, 'add', rows(1, 4)),
      ]);
    });
    await expect(attempt).rejects.toMatchObject({ name: expect.stringMatching(/ConstraintError/) });
    expect(await db.rows.count()).toBe(5);
    expect(await db.other.count()).toBe(0);
  });

  it('refuses to run outside a read-write transaction over the table', async () => {
    await expect(issueWrites(db.rows, 'put', rows(1))).rejects.toThrow(/read-write transaction/);
    await expect(db.transaction('r', db.rows, () => issueWrites(db.rows, 'put', rows(1)))).rejects.toThrow(/read-write/);
    await expect(db.transaction('rw', db.other, () => issueWrites(db.rows, 'put', rows(1)))).rejects.toThrow(/includes the table/);
  });
});
