import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { getWorkspace, saveWorkspaceSettings } from '../../../db/workspaces.js';
import { notice } from '../../blocks/messages.js';
import { buildRefusal, buildRefusalModal } from '../../blocks/roles.js';
import { weeklyCron } from '../../blocks/settings.js';
import { isValidCron, isValidTimezone } from '../../config.js';
import type { Deps } from '../../deps.js';
import { nextFire } from '../../domain/fire-times.js';
import { isTeamId, isUsergroupId, isUserId } from '../../domain/slack-ids.js';
import { inZone, isLocale, messages } from '../../i18n/index.js';
import { NO_USERGROUP, SETTINGS_FIELDS } from '../../ids.js';
import { userLocale } from '../../services/locale.js';
import { tellUser } from '../../services/replies.js';
import { adminsOverview, authorize, BEFORE_ACK_MS } from '../../services/roles.js';
import { type SyncOutcome, syncSides } from '../../services/usergroups.js';
import { readField } from '../../slack/view-state.js';

/**
 * The settings modal was submitted: by a Terrain admin, stored before it closes and the user told when the
 * next digest comes; by anyone else, the modal says so and nothing is stored.
 */
export function settingsSubmitted(deps: Deps) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const values = view.state?.values;
    const locale = readField(values, SETTINGS_FIELDS.language);
    const t = messages(isLocale(locale) ? locale : deps.config.locale);
    if (!isTeamId(teamId) || !isUserId(userId)) {
      await ack({ response_action: 'errors', errors: { [SETTINGS_FIELDS.timezone]: t.errors.unexpectedNoText } });
      return;
    }
    // Checked here, where the change is stored: a modal may outlive its opener's role, or be forged.
    const access = await authorize(deps, client, { teamId, userId, action: 'settings', deadlineMs: BEFORE_ACK_MS });
    if (!access.allowed) {
      // The role check has just read the profile, or Slack was too slow: its language is whatever is cached.
      const reader = messages(await userLocale(deps, client, teamId, userId, { cacheOnly: true }));
      const refusal = buildRefusal(reader, 'settings', access.why, await adminsOverview(deps, teamId));
      await ack({ response_action: 'update', view: buildRefusalModal(reader, reader.settings.title, refusal) });
      return;
    }
    const timezone = readField(values, SETTINGS_FIELDS.timezone)?.trim() ?? '';
    const custom = readField(values, SETTINGS_FIELDS.cron)?.trim();
    const day = Number(readField(values, SETTINGS_FIELDS.day) ?? 1);
    const cron =
      custom || weeklyCron(Number.isInteger(day) && day >= 0 && day <= 6 ? day : 1, readField(values, SETTINGS_FIELDS.time) ?? '09:00');
    // Absent from a modal opened before currencies were offered: left as it was.
    const currency = readField(values, SETTINGS_FIELDS.currency);
    // A user group picked, or none (`undefined`: the modal had no picker, as on a workspace without groups).
    const group = (blockId: string): string | null | undefined => {
      if (values?.[blockId] === undefined) return undefined;
      const id = readField(values, blockId);
      return id !== NO_USERGROUP && isUsergroupId(id) ? id : null;
    };
    const salesGroup = group(SETTINGS_FIELDS.salesGroup);
    const marketingGroup = group(SETTINGS_FIELDS.marketingGroup);
    const errors: Record<string, string> = {};
    if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) errors[SETTINGS_FIELDS.currency] = t.settings.badCurrency;
    if (!isValidTimezone(timezone)) errors[SETTINGS_FIELDS.timezone] = t.settings.badTimezone;
    if (!isValidCron(cron)) errors[custom ? SETTINGS_FIELDS.cron : SETTINGS_FIELDS.time] = t.settings.badCron;
    if (salesGroup && salesGroup === marketingGroup) errors[SETTINGS_FIELDS.marketingGroup] = t.settings.sameGroup;
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const before = await getWorkspace(deps.db, teamId);
    const saved = await saveWorkspaceSettings(
      deps.db,
      teamId,
      {
        digest_cron: cron,
        digest_timezone: timezone,
        locale: isLocale(locale) ? locale : null,
        currency,
        sales_usergroup_id: salesGroup,
        marketing_usergroup_id: marketingGroup,
      },
      deps.clock.now(),
    );
    await ack();
    const hadGroups = Boolean(before?.sales_usergroup_id || before?.marketing_usergroup_id);
    const hasGroups = Boolean(saved.sales_usergroup_id || saved.marketing_usergroup_id);
    deps.background.run('settings saved', { teamId, userId }, async () => {
      const reader = await userLocale(deps, client, teamId, userId);
      const r = messages(reader);
      const next = inZone(nextFire({ cron, timezone }, deps.clock.now()), timezone, reader).format('dddd D MMMM, HH:mm');
      const language = r.settings.languages[isLocale(locale) ? locale : deps.config.locale] ?? '';
      const lines = [r.settings.saved(next, timezone, language)];
      // Groups named: their members get their sides now (then daily), and the admin hears how it went.
      if (hasGroups) {
        const outcome = await syncSides(deps, client, teamId).catch((error: unknown): SyncOutcome | undefined => {
          deps.logger.warn('user group sync after the settings failed', { teamId, error });
          return undefined;
        });
        if (!outcome) lines.push(r.settings.syncLater);
        else if (outcome.status === 'no_usergroups') lines.push(r.settings.noUsergroups);
        else if (outcome.status === 'synced') {
          lines.push(r.settings.groupsSynced(outcome.members.sales, outcome.members.marketing));
          if (outcome.gone.length > 0) lines.push(r.settings.groupGone);
        }
      } else if (hadGroups) lines.push(r.settings.groupsCleared);
      await tellUser(deps, client, { userId }, notice(lines.join('\n')));
    });
  };
}
