import type { WebClient } from '@slack/web-api';
import { digestSettings } from '../../scheduled/digest.js';
import { buildSettingsModal } from '../blocks/settings.js';
import type { Deps } from '../deps.js';
import { isTriggerId } from '../domain/slack-ids.js';
import { TerrainError } from '../errors.js';
import { messages } from '../i18n/index.js';
import { withRateLimit } from '../slack/calls.js';
import { workspaceCurrency } from './currency.js';
import { userLocale } from './locale.js';

/** Opens the workspace settings modal, filled with the settings in force. */
export async function openSettingsModal(deps: Deps, client: WebClient, teamId: string, userId: string, triggerId: string): Promise<void> {
  if (!isTriggerId(triggerId)) throw new TerrainError('invalid_payload', 'no valid trigger_id to open the settings modal with');
  const t = messages(await userLocale(deps, client, teamId, userId));
  const s = await digestSettings(deps, teamId);
  const currency = await workspaceCurrency(deps, teamId);
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
        }),
      }),
    { maxWaits: 1, maxWaitSeconds: 2 },
  );
}
