import type { WebClient } from '@slack/web-api';
import { getMember, listMemberNames, type MemberProfile, saveMemberProfile } from '../../db/members.js';
import type { Member } from '../../db/schema.js';
import type { Deps } from '../deps.js';
import { isUserId } from '../domain/slack-ids.js';
import { withRateLimit } from '../slack/calls.js';

/** How long a member's Slack profile (language, time zone, Slack role) is trusted before it is read again. */
export const PROFILE_TTL_MS = 24 * 60 * 60 * 1000;

/** A profile read within the day, with every field Terrain keeps (rows read before roles or names existed lack them). */
export function isFreshProfile(member: Member | undefined, now: Date): member is Member {
  return (
    member?.profile_fetched_at != null &&
    now.getTime() - Date.parse(member.profile_fetched_at) < PROFILE_TTL_MS &&
    member.is_admin !== null &&
    member.display_name !== null
  );
}

const flag = (value: boolean | undefined): number => (value ? 1 : 0);

export interface ProfileOptions {
  /**
   * Before an acknowledgement Slack's answer cannot be awaited for long: past this many milliseconds the
   * profile cached earlier (if any) is used, and no 429 is waited out. The read still completes and is
   * cached for next time.
   */
  deadlineMs?: number;
  /** Only what is cached, however old: Slack is not asked (an answer already late, or a second look). */
  cacheOnly?: boolean;
}

/**
 * A member's Slack profile: the cached one when read within the day, else users.info (with their
 * locale), cached. Never fails: when Slack does not answer, the profile cached earlier (or nothing).
 */
export async function memberProfile(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>,
  client: WebClient,
  teamId: string,
  userId: string,
  options: ProfileOptions = {},
): Promise<Member | undefined> {
  const cached = await getMember(deps.db, teamId, userId);
  const now = deps.clock.now();
  if (isFreshProfile(cached, now) || options.cacheOnly) return cached;
  const read = (async (): Promise<Member | undefined> => {
    try {
      const res = await withRateLimit(
        deps.clock,
        () => client.users.info({ user: userId, include_locale: true }),
        options.deadlineMs === undefined ? {} : { maxWaits: 0 },
      );
      const user = res.user;
      const profile: MemberProfile = {
        locale: user?.locale ?? null,
        tz: user?.tz ?? null,
        is_admin: flag(user?.is_admin),
        is_owner: flag(user?.is_owner),
        is_primary_owner: flag(user?.is_primary_owner),
        display_name: user?.profile?.display_name || user?.real_name || user?.name || null,
      };
      await saveMemberProfile(deps.db, teamId, userId, profile, now);
      return (await getMember(deps.db, teamId, userId)) ?? cached;
    } catch (error) {
      deps.logger.warn('could not read the member profile', { teamId, userId, error });
      return cached;
    }
  })();
  if (options.deadlineMs === undefined) return read;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Member | undefined>((resolve) => {
    timer = setTimeout(() => resolve(cached), options.deadlineMs);
  });
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** At most this many profiles are read from Slack for one list of names; the rest go unnamed this time. */
const NAME_LOOKUPS = 50;

/**
 * People's names, to name them in a message without pinging them: the names cached with their profiles,
 * and for the others their profile read from Slack (cached in turn), when a client is at hand. Never
 * fails: whoever cannot be named is left out.
 */
export async function memberNames(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>,
  client: WebClient | undefined,
  teamId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter(isUserId))];
  const names = await listMemberNames(deps.db, teamId, ids);
  if (!client) return names;
  for (const userId of ids.filter((id) => !names.has(id)).slice(0, NAME_LOOKUPS)) {
    const member = await memberProfile(deps, client, teamId, userId);
    if (member?.display_name) names.set(userId, member.display_name);
  }
  return names;
}
