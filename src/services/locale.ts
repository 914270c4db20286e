import type { WebClient } from '@slack/web-api';
import { getWorkspace } from '../../db/workspaces.js';
import type { Deps } from '../deps.js';
import { isLocale, type Locale, localeFromSlack } from '../i18n/index.js';
import { memberProfile, type ProfileOptions } from './profile.js';

/** The workspace's language: `/terrain setup` may set it; else TERRAIN_LOCALE. */
export async function workspaceLocale(deps: Pick<Deps, 'db' | 'config'>, teamId: string): Promise<Locale> {
  const ws = await getWorkspace(deps.db, teamId);
  return isLocale(ws?.locale) ? ws.locale : deps.config.locale;
}

/**
 * A user's language: their Slack locale (users.info with include_locale, cached a day with the rest of
 * their profile) wins; else the workspace's. Never fails: a Slack error falls back to what is known.
 */
export async function userLocale(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>,
  client: WebClient,
  teamId: string,
  userId: string,
  options: ProfileOptions = {},
): Promise<Locale> {
  const fallback = await workspaceLocale(deps, teamId);
  const member = await memberProfile(deps, client, teamId, userId, options);
  return localeFromSlack(member?.locale, fallback);
}
