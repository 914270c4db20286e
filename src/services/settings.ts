import type { WebClient } from '@slack/web-api';
import { buildSettingsModal } from '../blocks/settings.js';
import type { Deps } from '../deps.js';
import { digestSettings } from '../digest/service.js';
import { messages } from '../i18n/index.js';
import { withRateLimit } from '../slack/calls.js';
import { userLocale } from './locale.js';

/** Opens the workspace settings modal, filled with the settings in force. */
export async function openSettingsModal(deps: Deps, client: WebClient, teamId: string, userId: string, triggerId: string): Promise<void> {
  const t = messages(await userLocale(deps, client, teamId, userId));
  const s = await digestSettings(deps, teamId);
  await withRateLimit(
    deps.clock,
    () =>
      client.views.open({
        trigger_id: triggerId,
        view: buildSettingsModal(t, { channelId: s.channelId, cron: s.schedule.cron, timezone: s.schedule.timezone, locale: s.locale }),
      }),
    { maxWaits: 1, maxWaitSeconds: 2 },
  );
}
