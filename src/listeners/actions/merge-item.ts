import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { getItem } from '../../../db/items.js';
import { STANDING_STATUSES, similarOpenItems } from '../../../db/search.js';
import { buildMergeModal } from '../../blocks/merge.js';
import { notice } from '../../blocks/messages.js';
import type { Deps } from '../../deps.js';
import { itemWords } from '../../domain/similar.js';
import { isTeamId, isUserId } from '../../domain/slack-ids.js';
import { messages } from '../../i18n/index.js';
import { userLocale } from '../../services/locale.js';
import { mergePermission } from '../../services/merge.js';
import { tellUser } from '../../services/replies.js';
import { withRateLimit } from '../../slack/calls.js';

/** Look-alikes offered in the merge modal to pick the original from. */
const CANDIDATES = 25;

/**
 * The card's merge control (marketing and Terrain admins): opens "Merge a duplicate", which offers the
 * items that look like this one, or takes the original's number. Anyone else is told privately; the
 * submission checks again, where the merge is stored.
 */
export function mergeItem(deps: Deps) {
  return async ({ ack, body, client, action }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const raw = action.type === 'button' ? action.value : action.type === 'overflow' ? action.selected_option?.value : undefined;
    const duplicateId = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
    if (!isTeamId(teamId) || !isUserId(userId) || duplicateId === undefined) return;
    deps.background.run('open merge modal', { teamId, userId, duplicateId }, async () => {
      const locale = await userLocale(deps, client, teamId, userId);
      const t = messages(locale);
      const target = { userId, responseUrl: body.response_url };
      const allowed = await mergePermission(deps, client, teamId, userId);
      if (allowed !== 'allowed')
        return tellUser(deps, client, target, notice(allowed === 'role_unknown' ? t.roles.roleUnknown : t.merge.refused));
      const duplicate = await getItem(deps.db, teamId, duplicateId);
      if (!duplicate) return tellUser(deps, client, target, notice(t.merge.unknown(t.search.handle(duplicateId))));
      if (duplicate.status === 'merged') {
        return tellUser(
          deps,
          client,
          target,
          notice(t.merge.alreadyMerged(t.search.handle(duplicate.id), t.search.handle(duplicate.merged_into ?? 0))),
        );
      }
      const candidates = await similarOpenItems(deps.db, teamId, itemWords(duplicate), CANDIDATES, {
        excludeId: duplicate.id,
        statuses: STANDING_STATUSES,
      });
      try {
        await withRateLimit(
          deps.clock,
          () => client.views.open({ trigger_id: body.trigger_id, view: buildMergeModal(t, duplicate, candidates, locale) }),
          {
            maxWaits: 1,
            maxWaitSeconds: 2,
          },
        );
      } catch (error) {
        deps.logger.warn('could not open the merge modal', { teamId, userId, error });
        await tellUser(deps, client, target, notice(t.errors.modalUnavailable));
      }
    });
  };
}
