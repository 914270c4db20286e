import type { WebClient } from '@slack/web-api';
import { claimRun, finishRun, type RunKey } from '../../db/job-runs.js';
import { listSides, setSides } from '../../db/members.js';
import type { Side } from '../../db/schema.js';
import { getWorkspace, listWorkspaces } from '../../db/workspaces.js';
import type { Deps } from '../deps.js';
import { sidesFromGroups } from '../domain/sides.js';
import { isUserId } from '../domain/slack-ids.js';
import { slackErrorCode, withRateLimit } from '../slack/calls.js';

type SyncDeps = Pick<Deps, 'db' | 'clock' | 'logger' | 'instanceId'>;

export const USERGROUP_SYNC_JOB = 'usergroup_sync';
/** A replica syncing a workspace holds it this long; a failed sync is tried again once it runs out. */
export const SYNC_LEASE_MS = 15 * 60 * 1000;

/** Slack's answers that mean "this workspace has no user groups" (the free plan, or a token that cannot see them). */
const NO_USERGROUPS = new Set(['paid_teams_only', 'not_allowed_token_type', 'feature_not_enabled']);
/** A group Slack no longer knows (deleted): its side is skipped, the other one still synced. */
const GROUP_GONE = new Set(['no_such_subteam', 'subteam_not_found']);

/** Whether Slack's error says the workspace has no user groups at all. */
export const meansNoUsergroups = (error: unknown): boolean => NO_USERGROUPS.has(slackErrorCode(error) ?? '');

export interface UsergroupChoice {
  id: string;
  handle: string;
  name: string;
}

export type UsergroupList = { available: true; groups: UsergroupChoice[] } | { available: false };

/** The workspace's active user groups, or that it has none (a free workspace). Other failures throw. */
export async function listUsergroups(
  deps: Pick<Deps, 'clock'>,
  client: WebClient,
  waits: { maxWaits?: number; maxWaitSeconds?: number } = {},
): Promise<UsergroupList> {
  try {
    const res = await withRateLimit(deps.clock, () => client.usergroups.list({ include_disabled: false }), waits);
    const groups = (res.usergroups ?? []).flatMap((g) =>
      g.id && !g.date_delete ? [{ id: g.id, handle: g.handle ?? '', name: g.name ?? g.handle ?? g.id }] : [],
    );
    return { available: true, groups };
  } catch (error) {
    if (meansNoUsergroups(error)) return { available: false };
    throw error;
  }
}

export type SyncOutcome =
  /** No group is named: sides are self-declared. */
  | { status: 'no_groups' }
  /** Slack says the workspace has no user groups (a free workspace): self-declared sides stay. */
  | { status: 'no_usergroups'; code: string }
  | {
      status: 'synced';
      /** Members found in each named group. */
      members: Record<'sales' | 'marketing', number>;
      /** Members whose side changed. */
      changed: number;
      /** Named groups that Slack no longer knows. */
      gone: Array<'sales' | 'marketing'>;
    };

/**
 * Gives the members of the workspace's sales and marketing user groups their side (usergroups.users.list;
 * see domain/sides.ts for who gets which). Members of neither keep theirs. Slack's 429s are waited out.
 */
export async function syncSides(deps: SyncDeps, client: WebClient, teamId: string): Promise<SyncOutcome> {
  const ws = await getWorkspace(deps.db, teamId);
  const named: Array<['sales' | 'marketing', string]> = [];
  if (ws?.sales_usergroup_id) named.push(['sales', ws.sales_usergroup_id]);
  if (ws?.marketing_usergroup_id) named.push(['marketing', ws.marketing_usergroup_id]);
  if (named.length === 0) return { status: 'no_groups' };

  const members: Record<'sales' | 'marketing', Set<string>> = { sales: new Set(), marketing: new Set() };
  const gone: Array<'sales' | 'marketing'> = [];
  for (const [side, usergroup] of named) {
    try {
      const res = await withRateLimit(deps.clock, () => client.usergroups.users.list({ usergroup, include_disabled: false }), {
        maxWaits: 3,
        maxWaitSeconds: 30,
      });
      for (const userId of res.users ?? []) if (isUserId(userId)) members[side].add(userId);
    } catch (error) {
      const code = slackErrorCode(error) ?? '';
      if (NO_USERGROUPS.has(code)) return { status: 'no_usergroups', code };
      if (!GROUP_GONE.has(code)) throw error;
      deps.logger.warn('a side’s user group is gone: its members keep their sides', { teamId, side, usergroup, code });
      gone.push(side);
    }
  }
  const everyone = [...new Set([...members.sales, ...members.marketing])];
  const changes: Map<string, Side> = sidesFromGroups(await listSides(deps.db, teamId, everyone), members.sales, members.marketing);
  await setSides(deps.db, teamId, changes, deps.clock.now());
  deps.logger.info('sides synced from user groups', {
    teamId,
    sales: members.sales.size,
    marketing: members.marketing.size,
    changed: changes.size,
  });
  return { status: 'synced', members: { sales: members.sales.size, marketing: members.marketing.size }, changed: changes.size, gone };
}

/** The day a sync run is for (UTC): one run per workspace and day, whatever the replicas. */
export const syncDay = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * What every tick does for user groups: each workspace that named one is synced once a day (the first
 * tick of the day, so also at start), claimed in job_runs like the digest. A failure keeps the claim
 * until its lease runs out: the next try is 15 minutes later, not at every tick.
 */
export async function runDueSyncs(deps: SyncDeps, client: WebClient): Promise<Array<{ teamId: string; outcome: SyncOutcome }>> {
  const done: Array<{ teamId: string; outcome: SyncOutcome }> = [];
  for (const ws of await listWorkspaces(deps.db)) {
    if (!ws.sales_usergroup_id && !ws.marketing_usergroup_id) continue;
    const key: RunKey = { teamId: ws.team_id, job: USERGROUP_SYNC_JOB, channelId: '', runKey: syncDay(deps.clock.now()) };
    try {
      const claim = await claimRun(deps.db, key, deps.instanceId, deps.clock.now(), SYNC_LEASE_MS);
      if (!claim.claimed) continue;
      const outcome = await syncSides(deps, client, ws.team_id);
      await finishRun(deps.db, key, deps.instanceId, null, deps.clock.now());
      done.push({ teamId: ws.team_id, outcome });
    } catch (error) {
      deps.logger.error('user group sync failed; trying again once its claim runs out', { teamId: ws.team_id, error });
    }
  }
  return done;
}
