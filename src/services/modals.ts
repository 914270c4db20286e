import type { WebClient } from '@slack/web-api';
import type { ItemKind } from '../../db/schema.js';
import { notice, noticeWithText } from '../blocks/messages.js';
import { buildItemModal, type ModalMetadata } from '../blocks/modals.js';
import type { Deps } from '../deps.js';
import { MAX_TEXT } from '../domain/items.js';
import { isTriggerId } from '../domain/slack-ids.js';
import { messages } from '../i18n/index.js';
import { withRateLimit } from '../slack/calls.js';
import { workspaceCurrency } from './currency.js';
import { userLocale } from './locale.js';
import { tellUser } from './replies.js';

export interface OpenModalRequest {
  kind: ItemKind;
  teamId: string;
  userId: string;
  triggerId: string;
  responseUrl?: string | undefined;
  text?: string | undefined;
  source?: { channelId: string; ts: string; permalink: string | null } | undefined;
}

/**
 * Opens the feedback or flag modal in the user's language. Text too long for the modal's input is given
 * back instead (Slack refuses such an initial value), so a long message is never lost.
 */
export async function openItemModal(deps: Deps, client: WebClient, req: OpenModalRequest): Promise<void> {
  const locale = await userLocale(deps, client, req.teamId, req.userId);
  const t = messages(locale);
  const target = { userId: req.userId, responseUrl: req.responseUrl ?? null };
  if (!isTriggerId(req.triggerId)) {
    deps.logger.warn('no valid trigger_id to open the modal with', { teamId: req.teamId, userId: req.userId });
    await tellUser(
      deps,
      client,
      target,
      req.text ? noticeWithText(t.errors.modalUnavailable, req.text) : notice(t.errors.modalUnavailable),
    );
    return;
  }
  if (req.text !== undefined && req.text.length > MAX_TEXT) {
    await tellUser(deps, client, target, noticeWithText(t.errors.tooLong(req.text.length, MAX_TEXT), req.text));
    return;
  }
  const currency = await workspaceCurrency(deps, req.teamId);
  const meta: ModalMetadata = {
    kind: req.kind,
    locale,
    ...(req.responseUrl ? { responseUrl: req.responseUrl } : {}),
    ...(req.source
      ? {
          sourceChannelId: req.source.channelId,
          sourceTs: req.source.ts,
          ...(req.source.permalink ? { sourcePermalink: req.source.permalink } : {}),
        }
      : {}),
  };
  try {
    await withRateLimit(
      deps.clock,
      () => client.views.open({ trigger_id: req.triggerId, view: buildItemModal(t, meta, currency, { text: req.text }) }),
      {
        maxWaits: 1,
        maxWaitSeconds: 2,
      },
    );
  } catch (error) {
    deps.logger.warn('could not open the modal', { teamId: req.teamId, userId: req.userId, error });
    await tellUser(
      deps,
      client,
      target,
      req.text ? noticeWithText(t.errors.modalUnavailable, req.text) : notice(t.errors.modalUnavailable),
    );
  }
}
