import type { Kysely } from 'kysely';
import type { Database, JobRun } from './schema.js';

export interface RunKey {
  teamId: string;
  job: string;
  channelId: string;
  runKey: string;
}

const where = (k: RunKey) => (qb: any) =>
  qb.where('team_id', '=', k.teamId).where('job', '=', k.job).where('channel_id', '=', k.channelId).where('run_key', '=', k.runKey);

export async function getRun(db: Kysely<Database>, k: RunKey): Promise<JobRun | undefined> {
  return db.selectFrom('job_runs').selectAll().$call(where(k)).executeTakeFirst();
}

/**
 * Claims one run of a job, in the database, before doing it: the first claimant wins; a claim whose
 * holder died (its lease ran out) can be taken over. Returns the claim when this caller holds it.
 * Replicas and restarts all go through here, so a run is done once.
 */
export async function claimRun(
  db: Kysely<Database>,
  k: RunKey,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<{ claimed: true; takenOver: boolean } | { claimed: false; existing: JobRun }> {
  const at = now.toISOString();
  const lease = new Date(now.getTime() + leaseMs).toISOString();
  const inserted = await db
    .insertInto('job_runs')
    .values({
      team_id: k.teamId,
      job: k.job,
      channel_id: k.channelId,
      run_key: k.runKey,
      state: 'claimed',
      claimed_by: owner,
      claimed_at: at,
      lease_until: lease,
      message_ts: null,
      finished_at: null,
    })
    .onConflict((oc) => oc.columns(['team_id', 'job', 'channel_id', 'run_key']).doNothing())
    .returning('run_key')
    .executeTakeFirst();
  if (inserted) return { claimed: true, takenOver: false };
  const taken = await db
    .updateTable('job_runs')
    .set({ claimed_by: owner, claimed_at: at, lease_until: lease })
    .$call(where(k))
    .where('state', '=', 'claimed')
    .where('lease_until', '<', at)
    .returning('run_key')
    .executeTakeFirst();
  if (taken) return { claimed: true, takenOver: true };
  return { claimed: false, existing: (await getRun(db, k))! };
}

export async function finishRun(db: Kysely<Database>, k: RunKey, owner: string, messageTs: string | null, now: Date): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ state: 'done', message_ts: messageTs, finished_at: now.toISOString() })
    .$call(where(k))
    .where('claimed_by', '=', owner)
    .execute();
}

/** Gives a claim back after a failure, so the next tick (here or on another replica) tries again. */
export async function releaseRun(db: Kysely<Database>, k: RunKey, owner: string): Promise<void> {
  await db.deleteFrom('job_runs').$call(where(k)).where('claimed_by', '=', owner).where('state', '=', 'claimed').execute();
}
