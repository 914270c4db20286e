import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { plain } from '../../blocks/kit.js';
import { usergroupLabel, usergroupOption } from '../../blocks/settings.js';
import type { Deps } from '../../deps.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { messages } from '../../i18n/index.js';
import { NO_USERGROUP } from '../../ids.js';
import { userLocale } from '../../services/locale.js';
import { listUsergroups, type UsergroupList } from '../../services/usergroups.js';

/** Slack shows at most 100 options. */
const MAX_OPTIONS = 100;

/**
 * The options of the settings' user-group pickers as the admin types: "none" first, then the workspace's
 * user groups whose handle or name holds what was typed. Without user groups (a free workspace), the one
 * option says so. Nothing is stored: Slack's answer is awaited once, without waiting out a 429.
 */
export function usergroupOptions(deps: Deps) {
  return async ({ ack, body, client }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const locale =
      isTeamId(teamId) && isUserId(userId) ? await userLocale(deps, client, teamId, userId, { cacheOnly: true }) : deps.config.locale;
    const t = messages(locale);
    let list: UsergroupList;
    try {
      list = await listUsergroups(deps, client, { maxWaits: 0 });
    } catch (error) {
      deps.logger.warn('could not list user groups for the settings', { teamId, error });
      list = { available: true, groups: [] };
    }
    const none = { text: plain(list.available ? t.settings.groupNone : t.settings.noUsergroupsOption), value: NO_USERGROUP };
    const typed = (body.value ?? '').trim().replace(/^@/, '').toLowerCase();
    const matches = list.available
      ? list.groups.filter((g) => !typed || g.handle.toLowerCase().includes(typed) || g.name.toLowerCase().includes(typed))
      : [];
    await ack({
      options: [none, ...matches.slice(0, MAX_OPTIONS - 1).map((g) => usergroupOption({ id: g.id, label: usergroupLabel(g) }))],
    });
  };
}
