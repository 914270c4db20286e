import type { Kysely } from 'kysely';
import { createItem, type NewItemInput } from '../../db/items.js';
import { enqueue } from '../../db/outbox.js';
import type { Database, Item } from '../../db/schema.js';
import { CARD_KIND, cardKey } from '../../src/services/cards.js';
import { itemInput } from './fixtures.js';

/**
 * An item stored and acknowledged by a process that died while sending its card: the card is queued,
 * claimed by the dead process (its lease still running until `leaseUntil`) and, as an attempt was under
 * way, uncertain: the card may or may not have reached Slack.
 */
export async function itemOrphanedByCrash(
  db: Kysely<Database>,
  at: Date,
  leaseUntil: Date,
  overrides: Partial<NewItemInput> = {},
): Promise<Item> {
  return db.transaction().execute(async (trx) => {
    const { item } = await createItem(trx, itemInput(overrides), at);
    await enqueue(trx, { teamId: item.team_id, key: cardKey(item.id), kind: CARD_KIND, payload: { itemId: item.id } }, at);
    await trx
      .updateTable('outbox')
      .set({ lease_owner: 'dead-process', lease_until: leaseUntil.toISOString(), attempts: 1, uncertain: 1 })
      .where('key', '=', cardKey(item.id))
      .execute();
    return item;
  });
}

export const outboxRows = (db: Kysely<Database>) => db.selectFrom('outbox').selectAll().orderBy('id').execute();
