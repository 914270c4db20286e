import type { WebClient } from '@slack/web-api';
import { addAdmin, anyAdminNamed, claimFirstAdmin, isNamedAdmin, listAdmins, removeAdmin } from '../../db/admins.js';
import { getMember } from '../../db/members.js';
import type { Deps } from '../deps.js';
import {
  type AdminAction,
  type AdminsChange,
  type AdminsOverview,
  decide,
  type RoleFacts,
  type SideAction,
  sideAllows,
  slackAdminOf,
} from '../domain/roles.js';
import { isUserId } from '../domain/slack-ids.js';
import { memberProfile } from './profile.js';

/**
 * How long Slack may take to tell a member's role when the answer is needed before an acknowledgement;
 * past it, the role cached earlier decides, if there is one. Slack wants the acknowledgement within 3 s,
 * and the HTTP receiver answers by itself a request still unacknowledged after 1.5 s (receivers/http.ts).
 */
export const BEFORE_ACK_MS = 1000;

export type Access = { allowed: true; firstAdmin: boolean } | { allowed: false; why: 'not_admin' | 'role_unknown' };

export interface AccessRequest {
  teamId: string;
  userId: string;
  action: AdminAction;
  /**
   * For setup: whether the caller, allowed as the first to run it, is recorded as the first admin now.
   * `false` only says whether they would be allowed (setup run where it cannot be done, in a DM).
   */
  claim?: boolean;
  /** Set before an acknowledgement: see BEFORE_ACK_MS. */
  deadlineMs?: number;
}

/**
 * Gathers the facts about a member and applies `decide`. The database first (named admins, whether
 * anyone was ever named); Slack (users.info, cached a day) only when its answer can change the outcome.
 * The first-admin claim is one conditional update: of two first setups at once, one wins, the other is
 * judged again as an ordinary member.
 */
export async function authorize(deps: Pick<Deps, 'db' | 'clock' | 'logger'>, client: WebClient, req: AccessRequest): Promise<Access> {
  const [named, anyNamed] = await Promise.all([isNamedAdmin(deps.db, req.teamId, req.userId), anyAdminNamed(deps.db, req.teamId)]);
  let facts: RoleFacts = { named, anyNamed, slackAdmin: false };
  let decision = decide(req.action, facts);
  if (decision.allowed && decision.claimFirst && req.claim !== false) {
    if (await claimFirstAdmin(deps.db, req.teamId, req.userId, deps.clock.now())) return { allowed: true, firstAdmin: true };
    facts = { ...facts, anyNamed: true };
    decision = decide(req.action, facts);
  }
  if (decision.allowed) return { allowed: true, firstAdmin: false };
  const profile = await memberProfile(
    deps,
    client,
    req.teamId,
    req.userId,
    req.deadlineMs === undefined ? {} : { deadlineMs: req.deadlineMs },
  );
  decision = decide(req.action, { ...facts, slackAdmin: slackAdminOf(profile) });
  return decision.allowed ? { allowed: true, firstAdmin: false } : decision;
}

/** The named admins and whether anyone was ever named: what an answer about roles tells. */
export async function adminsOverview(deps: Pick<Deps, 'db'>, teamId: string): Promise<AdminsOverview> {
  const [admins, anyNamed] = await Promise.all([listAdmins(deps.db, teamId), anyAdminNamed(deps.db, teamId)]);
  return { named: admins.map((a) => a.user_id).filter(isUserId), anyNamed };
}

/** Names or removes admins (the caller checked that `by` may); says who changed and who already was so. */
export async function changeAdmins(
  deps: Pick<Deps, 'db' | 'clock'>,
  teamId: string,
  by: string,
  action: 'add' | 'remove',
  userIds: readonly string[],
): Promise<AdminsChange> {
  const change: AdminsChange = { action, changed: [], unchanged: [] };
  for (const userId of userIds) {
    const done =
      action === 'add' ? await addAdmin(deps.db, teamId, userId, by, deps.clock.now()) : await removeAdmin(deps.db, teamId, userId);
    (done ? change.changed : change.unchanged).push(userId);
  }
  return change;
}

/**
 * Whether a member is a Terrain admin: named (the database says so, no call), else a Slack admin or owner
 * (users.info, cached a day). Undefined when Slack could not tell in time: the caller says so.
 */
export async function terrainAdminStanding(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>,
  client: WebClient,
  teamId: string,
  userId: string,
  deadlineMs?: number,
): Promise<boolean | undefined> {
  if (await isNamedAdmin(deps.db, teamId, userId)) return true;
  const profile = await memberProfile(deps, client, teamId, userId, deadlineMs === undefined ? {} : { deadlineMs });
  return slackAdminOf(profile);
}

export type SideAccess = { allowed: true } | { allowed: false; why: 'not_allowed' | 'role_unknown' };

/**
 * Whether a member may triage or add a customer: their side first (from the database), then whether they
 * are a Terrain admin (named, or Slack admin: users.info, cached a day, only when it can change the answer).
 */
export async function authorizeSide(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>,
  client: WebClient,
  req: { teamId: string; userId: string; action: SideAction; deadlineMs?: number },
): Promise<SideAccess> {
  const member = await getMember(deps.db, req.teamId, req.userId);
  if (sideAllows(req.action, member?.side)) return { allowed: true };
  const admin = await terrainAdminStanding(deps, client, req.teamId, req.userId, req.deadlineMs);
  if (admin) return { allowed: true };
  return { allowed: false, why: admin === undefined ? 'role_unknown' : 'not_allowed' };
}
