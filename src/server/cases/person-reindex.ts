import { asc, inArray, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Keyring } from '../crypto/keyring.js';
import type { Db } from '../db/database.js';
import { personIndexKeys, persons } from '../db/schema/index.js';
import { decryptPerson, indexKeysOf, PERSON_INDEX_VERSION } from './person-identity.js';

const BATCH = 200;

/**
 * Re-derives the blind-index keys of every person indexed with an older scheme
 * (`persons.index_version`), in batches of 200, each batch its own transaction
 * of three set-based statements (delete the old keys, insert the new, mark the
 * version). A migration cannot do this: the HMAC key never lives in the
 * database. Idempotent: a person already at the current version is never read
 * again, so running it at every start costs one indexed look-up. Rows another
 * process holds (a start on another node, an edit in progress) are skipped and
 * picked up by the next run or rewritten by that edit with current keys.
 */
export async function reindexPersons(db: Db, keyring: Keyring, logger?: Pick<Logger, 'info'>): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(persons)
        .where(lt(persons.indexVersion, PERSON_INDEX_VERSION))
        .orderBy(asc(persons.id))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      // Decrypted one batch at a time, in this process only; the keys are computed and the values dropped.
      const keys = rows.flatMap((row) => indexKeysOf(keyring, decryptPerson(keyring, row)).map((k) => ({ personId: row.id, ...k })));
      await tx.delete(personIndexKeys).where(inArray(personIndexKeys.personId, ids));
      if (keys.length > 0) {
        await tx.execute(sql`
          INSERT INTO person_index_keys (person_id, kind, key)
          SELECT * FROM unnest(${sql.param(keys.map((k) => k.personId))}::uuid[], ${sql.param(keys.map((k) => k.kind))}::text[], ${sql.param(keys.map((k) => k.key))}::text[])
          ON CONFLICT DO NOTHING`);
      }
      await tx.update(persons).set({ indexVersion: PERSON_INDEX_VERSION }).where(inArray(persons.id, ids));
      return rows.length;
    });
    done += batch;
    if (batch < BATCH) break;
  }
  if (done > 0) logger?.info({ persons: done, version: PERSON_INDEX_VERSION }, 'search keys of persons re-indexed');
  return done;
}
