import type { WebClient } from '@slack/web-api';
import { getMember, saveMemberProfile } from '../../db/members.js';
import { getWorkspace } from '../../db/workspaces.js';
import type { Deps } from '../deps.js';
import { isLocale, type Locale, localeFromSlack } from '../i18n/index.js';
import { withRateLimit } from '../slack/calls.js';

const PROFILE_TTL_MS = 24 * 60 * 60 * 1000;

/** The workspace's language: `/terrain setup` may set it; else TERRAIN_LOCALE. */
export async function workspaceLocale(deps: Pick<Deps, 'db' | 'config'>, teamId: string): Promise<Locale> {
  const ws = await getWorkspace(deps.db, teamId);
  return isLocale(ws?.locale) ? ws.locale : deps.config.locale;
}

/**
 * A user's language: their Slack locale (users.info with include_locale, cached a day) wins; else the
 * workspace's. Never fails: a Slack error falls back to the workspace language.
 */
export async function userLocale(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<Locale> {
  const fallback = await workspaceLocale(deps, teamId);
  const member = await getMember(deps.db, teamId, userId);
  const now = deps.clock.now();
  if (member?.profile_fetched_at && now.getTime() - Date.parse(member.profile_fetched_at) < PROFILE_TTL_MS) {
    return localeFromSlack(member.locale, fallback);
  }
  try {
    const res = await withRateLimit(deps.clock, () => client.users.info({ user: userId, include_locale: true }));
    const locale = res.user?.locale ?? null;
    await saveMemberProfile(deps.db, teamId, userId, { locale, tz: res.user?.tz ?? null }, now);
    return localeFromSlack(locale, fallback);
  } catch (error) {
    deps.logger.warn('could not read the user locale', { teamId, userId, error });
    return localeFromSlack(member?.locale, fallback);
  }
}
