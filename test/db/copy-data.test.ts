import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addAdmin } from '../../db/admins.js';
import { createAfterwork, saveRsvp } from '../../db/afterworks.js';
import { openDatabase } from '../../db/connection.js';
import { CopyRefusedError, copyData, readTable, TABLES } from '../../db/copy-data.js';
import { createItem } from '../../db/items.js';
import { setMemberSide } from '../../db/members.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';
import { applyReaction } from '../../db/votes.js';
import { saveWorkspaceSettings } from '../../db/workspaces.js';
import { runCli } from '../../src/cli.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';
import { itemInput } from '../support/fixtures.js';

const NOW = new Date('2026-11-20T08:30:00.000Z');

/** A SQLite database holding a bit of everything Terrain stores. */
async function populate(db: Kysely<Database>): Promise<void> {
  await saveWorkspaceSettings(db, 'T0001', { channel_id: 'C0TERRAIN', digest_timezone: 'Europe/Paris', locale: 'fr' }, NOW);
  await setMemberSide(db, 'T0001', 'U0SALES1', 'sales', NOW);
  await setMemberSide(db, 'T0001', 'U0MKT1', 'marketing', NOW);
  await addAdmin(db, 'T0001', 'U0LEAD', 'U0LEAD', NOW);
  const ids: number[] = [];
  for (let i = 0; i < 30; i++) {
    const { item } = await createItem(
      db,
      itemInput({
        kind: i % 3 === 0 ? 'flag' : 'feedback',
        category: i % 3 === 0 ? null : 'need',
        text: `Item ${i}: "quotes", commas, newlines\nand ünïcödé ✓`,
        revenue: i % 2 === 0 ? 12500.5 * i : null,
        product: i % 4 === 0 ? 'Mobile app' : null,
        author_id: i % 2 === 0 ? 'U0SALES1' : 'U0MKT1',
        client_key: `view:V${i}`,
      }),
      new Date(NOW.getTime() + i * 60_000),
    );
    ids.push(item.id);
  }
  for (const [n, id] of ids.slice(0, 10).entries()) {
    await applyReaction(db, {
      teamId: 'T0001',
      itemId: id,
      userId: 'U0MKT1',
      reaction: '+1',
      added: true,
      eventTs: `1700000000.00${n}100`,
      at: NOW,
    });
    await applyReaction(db, {
      teamId: 'T0001',
      itemId: id,
      userId: 'U0SALES2',
      reaction: 'fire',
      added: n % 2 === 0,
      eventTs: `1700000000.00${n}200`,
      at: NOW,
    });
  }
  await db
    .insertInto('status_changes')
    .values({
      team_id: 'T0001',
      item_id: ids[0]!,
      from_status: 'new',
      to_status: 'planned',
      by_user_id: 'U0MKT1',
      note: 'Q1',
      created_at: NOW.toISOString(),
    })
    .execute();
  const { afterwork } = await createAfterwork(
    db,
    {
      teamId: 'T0001',
      hostId: 'U0SALES1',
      title: 'Apéro « terrain »',
      startsAt: new Date('2026-11-26T17:30:00.000Z'),
      timezone: 'Europe/Paris',
      place: 'Le Comptoir',
      note: null,
      capacity: 12,
      channelId: 'C0TERRAIN',
      clientKey: 'view:VAW',
    },
    NOW,
  );
  await saveRsvp(db, {
    teamId: 'T0001',
    afterworkId: afterwork.id,
    userId: 'U0MKT1',
    answer: 'going',
    side: 'marketing',
    answeredAt: NOW,
    waitlistedAt: null,
  });
  await db
    .insertInto('job_runs')
    .values({
      team_id: 'T0001',
      job: 'digest',
      run_key: '2026-11-16T08:00:00.000Z',
      channel_id: 'C0TERRAIN',
      state: 'done',
      claimed_by: 'replica-a',
      claimed_at: NOW.toISOString(),
      lease_until: NOW.toISOString(),
      message_ts: '1700000000.000100',
      finished_at: NOW.toISOString(),
    })
    .execute();
}

describeDb(`copy-data from SQLite (${dialect})`, () => {
  let dir: string;
  let sourceFile: string;
  let source: Kysely<Database>;
  let target: TestDatabase;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'terrain-copy-'));
    sourceFile = join(dir, 'source.sqlite');
    source = openDatabase(sourceFile);
    await migrateToLatest(source);
    await populate(source);
    target = await createTestDatabase();
  });
  afterEach(async () => {
    await source.destroy();
    await target.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every item, vote, setting and history row intact', async () => {
    const { rows } = await copyData(source, target.db);
    expect(rows).toMatchObject({
      workspaces: 1,
      members: 2,
      items: 30,
      vote_reactions: 20,
      status_changes: 1,
      job_runs: 1,
      admins: 1,
      afterworks: 1,
      afterwork_rsvps: 1,
    });
    for (const table of TABLES) {
      expect(await readTable(target.db as Kysely<any>, table), table.name).toEqual(await readTable(source as Kysely<any>, table));
    }
  });

  it('new items in the target get ids after the copied ones', async () => {
    await copyData(source, target.db);
    const { item } = await createItem(target.db, itemInput({ category: null, text: 'after the move', author_side: null }), NOW);
    expect(item.id).toBe(31);
  });

  it('refuses a target that already holds data unless forced, and --force replaces it', async () => {
    await copyData(source, target.db);
    await target.db.deleteFrom('vote_reactions').execute();
    await expect(copyData(source, target.db)).rejects.toBeInstanceOf(CopyRefusedError);
    expect(await target.db.selectFrom('vote_reactions').selectAll().execute()).toHaveLength(0); // untouched
    await copyData(source, target.db, { force: true });
    expect(await readTable(target.db as Kysely<any>, TABLES[3])).toEqual(await readTable(source as Kysely<any>, TABLES[3]));
  });

  it('the CLI copies, then refuses a second copy with a non-zero exit, then --force succeeds', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: {} };
    expect(await runCli(['copy-data', '--from', sourceFile, '--to', target.url], io)).toBe(0);
    expect(err.join('\n')).toContain('30 items');
    expect(await runCli(['copy-data', '--from', sourceFile, '--to', target.url], io)).not.toBe(0);
    expect(err.join('\n')).toContain('--force');
    expect(await runCli(['copy-data', '--from', sourceFile, '--to', target.url, '--force'], io)).toBe(0);
    expect(out).toEqual([]);
    expect(await runCli(['copy-data', '--from', join(dir, 'missing.sqlite'), '--to', target.url], io)).toBe(2);
  });

  it('backup of the target writes a SQLite file holding the same rows', async () => {
    await copyData(source, target.db);
    const file = join(dir, 'backup.sqlite');
    const io = { out: () => {}, err: () => {}, env: { DATABASE_URL: target.url } };
    expect(await runCli(['backup', file], io)).toBe(0);
    const backup = openDatabase(file);
    try {
      for (const table of TABLES)
        expect(await readTable(backup as Kysely<any>, table), table.name).toEqual(await readTable(source as Kysely<any>, table));
    } finally {
      await backup.destroy();
    }
    expect(await runCli(['backup', file], io)).not.toBe(0);
  });
});
