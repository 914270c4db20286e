import type { WebClient } from '@slack/web-api';
import { getWorkspace } from '../../db/workspaces.js';
import { buildSettingsModal, type SettingsValues, type UsergroupOption, usergroupLabel } from '../blocks/settings.js';
import type { Deps } from '../deps.js';
import { digestSettings } from '../digest/service.js';
import { isTriggerId } from '../domain/slack-ids.js';
import { TerrainError } from '../errors.js';
import { messages } from '../i18n/index.js';
import { withRateLimit } from '../slack/calls.js';
import { workspaceCurrency } from './currency.js';
import { userLocale } from './locale.js';
import { listUsergroups, type UsergroupList } from './usergroups.js';

/** How long opening the modal waits for Slack's list of user groups (the trigger lasts 3 s). */
const USERGROUPS_WAIT_MS = 800;

/**
 * The user groups the settings name, labelled as Slack shows them, and whether the workspace has user
 * groups at all. Slack too slow or failing: the pickers are offered all the same, the groups by id.
 */
async function usergroupSettings(deps: Deps, client: WebClient, teamId: string): Promise<NonNullable<SettingsValues['usergroups']>> {
  const ws = await getWorkspace(deps.db, teamId);
  let timer: NodeJS.Timeout | undefined;
  const list = await Promise.race<UsergroupList | undefined>([
    listUsergroups(deps, client, { maxWaits: 0 }).catch((error: unknown) => {
      deps.logger.info('user groups not listed for the settings modal', { teamId, error });
      return undefined;
    }),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(undefined), USERGROUPS_WAIT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  const named = (id: string | null | undefined): UsergroupOption | null => {
    if (!id) return null;
    const group = list?.available ? list.groups.find((g) => g.id === id) : undefined;
    return { id, label: group ? usergroupLabel(group) : id };
  };
  return {
    available: list?.available ?? true,
    sales: named(ws?.sales_usergroup_id),
    marketing: named(ws?.marketing_usergroup_id),
  };
}

/** Opens the workspace settings modal, filled with the settings in force. */
export async function openSettingsModal(deps: Deps, client: WebClient, teamId: string, userId: string, triggerId: string): Promise<void> {
  if (!isTriggerId(triggerId)) throw new TerrainError('invalid_payload', 'no valid trigger_id to open the settings modal with');
  const [locale, s, usergroups, currency] = await Promise.all([
    userLocale(deps, client, teamId, userId),
    digestSettings(deps, teamId),
    usergroupSettings(deps, client, teamId),
    workspaceCurrency(deps, teamId),
  ]);
  const t = messages(locale);
  await withRateLimit(
    deps.clock,
    () =>
      client.views.open({
        trigger_id: triggerId,
        view: buildSettingsModal(t, {
          channelId: s.channelId,
          cron: s.schedule.cron,
          timezone: s.schedule.timezone,
          locale: s.locale,
          currency,
          usergroups,
        }),
      }),
    { maxWaits: 1, maxWaitSeconds: 2 },
  );
}
