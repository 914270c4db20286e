import type { Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addAdmin, anyAdminNamed, claimFirstAdmin, isNamedAdmin, listAdmins, removeAdmin } from '../../db/admins.js';
import { openDatabase } from '../../db/connection.js';
import type { Database } from '../../db/schema.js';
import { getWorkspace, saveWorkspaceSettings } from '../../db/workspaces.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';

const TEAM = 'T0001';
const NOW = new Date('2026-11-23T10:00:00.000Z');
const LATER = new Date('2026-11-24T10:00:00.000Z');

describeDb(`Terrain admins (${dialect})`, () => {
  let t: TestDatabase;
  let replicas: Kysely<Database>[] = [];
  beforeEach(async () => {
    t = await createTestDatabase();
    replicas = [];
  });
  afterEach(async () => {
    for (const r of replicas) await r.destroy();
    await t.drop();
  });

  it('the first claim on a workspace with no admin wins, creates the workspace row and names the claimant', async () => {
    expect(await anyAdminNamed(t.db, TEAM)).toBe(false);
    expect(await claimFirstAdmin(t.db, TEAM, 'U0FIRST', NOW)).toBe(true);
    expect(await claimFirstAdmin(t.db, TEAM, 'U0SECOND', LATER)).toBe(false);
    expect(await listAdmins(t.db, TEAM)).toEqual([
      { team_id: TEAM, user_id: 'U0FIRST', added_by: 'U0FIRST', created_at: NOW.toISOString() },
    ]);
    expect(await anyAdminNamed(t.db, TEAM)).toBe(true);
    expect(await getWorkspace(t.db, TEAM)).toMatchObject({ first_admin_at: NOW.toISOString(), channel_id: null });
  });

  it('claims on an existing workspace keep its settings', async () => {
    await saveWorkspaceSettings(t.db, TEAM, { channel_id: 'C0SHARED', locale: 'fr' }, NOW);
    expect(await claimFirstAdmin(t.db, TEAM, 'U0FIRST', LATER)).toBe(true);
    expect(await getWorkspace(t.db, TEAM)).toMatchObject({ channel_id: 'C0SHARED', locale: 'fr', first_admin_at: LATER.toISOString() });
  });

  it('of many claims at once, exactly one makes its claimant the first admin', async () => {
    // PostgreSQL: four replicas, each with its own pool. SQLite serves one process, whose claims share its
    // one connection (two connections of one process would wait on each other's lock synchronously).
    if (dialect === 'postgres') for (let i = 0; i < 4; i++) replicas.push(openDatabase(t.url, { poolSize: 3 }));
    const handles = replicas.length > 0 ? replicas : [t.db];
    const claimants = Array.from({ length: 12 }, (_, i) => `U0CLAIM${String(i).padStart(2, '0')}`);
    const results = await Promise.all(claimants.map((user, i) => claimFirstAdmin(handles[i % handles.length]!, TEAM, user, NOW)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = claimants[results.indexOf(true)];
    expect((await listAdmins(t.db, TEAM)).map((a) => a.user_id)).toEqual([winner]);
    expect(await t.db.selectFrom('workspaces').selectAll().execute()).toHaveLength(1);
  });

  it('naming an admin ends the first-setup rule, even once every named admin is removed', async () => {
    expect(await addAdmin(t.db, TEAM, 'U0NAMED', 'U0BOSS', NOW)).toBe(true);
    expect(await addAdmin(t.db, TEAM, 'U0NAMED', 'U0OTHER', LATER)).toBe(false);
    expect(await listAdmins(t.db, TEAM)).toEqual([
      { team_id: TEAM, user_id: 'U0NAMED', added_by: 'U0BOSS', created_at: NOW.toISOString() },
    ]);
    expect(await isNamedAdmin(t.db, TEAM, 'U0NAMED')).toBe(true);
    expect(await removeAdmin(t.db, TEAM, 'U0NAMED')).toBe(true);
    expect(await removeAdmin(t.db, TEAM, 'U0NAMED')).toBe(false);
    expect(await isNamedAdmin(t.db, TEAM, 'U0NAMED')).toBe(false);
    expect(await anyAdminNamed(t.db, TEAM)).toBe(true);
    expect(await claimFirstAdmin(t.db, TEAM, 'U0LATE', LATER)).toBe(false);
    expect(await listAdmins(t.db, TEAM)).toEqual([]);
  });

  it('admins of one workspace are not admins of another', async () => {
    await addAdmin(t.db, TEAM, 'U0NAMED', 'U0BOSS', NOW);
    expect(await isNamedAdmin(t.db, 'T0OTHER', 'U0NAMED')).toBe(false);
    expect(await listAdmins(t.db, 'T0OTHER')).toEqual([]);
    expect(await anyAdminNamed(t.db, 'T0OTHER')).toBe(false);
    expect(await claimFirstAdmin(t.db, 'T0OTHER', 'U0ELSE', NOW)).toBe(true);
  });
});
