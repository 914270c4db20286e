import type { WebClient } from '@slack/web-api';
import type { Afterwork } from '../../db/schema.js';
import { getWorkspace } from '../../db/workspaces.js';
import { type AfterworkModalMetadata, type AfterworkPrefill, buildAfterworkModal } from '../blocks/afterwork-modal.js';
import { notice, noticeWithText } from '../blocks/messages.js';
import type { Deps } from '../deps.js';
import { MAX_NOTE } from '../domain/afterwork.js';
import { parseAfterworkText } from '../domain/afterwork-text.js';
import { slackMarkupToPlain } from '../domain/markup.js';
import { isTriggerId } from '../domain/slack-ids.js';
import { inZone, localeFromSlack, messages } from '../i18n/index.js';
import { withRateLimit } from '../slack/calls.js';
import { sharedChannel } from './channel.js';
import { workspaceLocale } from './locale.js';
import { memberProfile } from './profile.js';
import { tellUser } from './replies.js';

const isZone = (zone: string | null | undefined): zone is string => {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export interface OpenAfterworkModalRequest {
  teamId: string;
  userId: string;
  triggerId: string;
  responseUrl?: string | undefined;
  /** `/afterwork <text>`: the modal opens filled in with what it says. */
  text?: string | undefined;
  /** Editing: the modal opens with the after-work as it is. */
  afterwork?: Afterwork | undefined;
}

/**
 * Opens the after-work modal in the host's language. The text of `/afterwork <text>` is read on the
 * host's clock (their Slack time zone; else the digest's; else UTC); dates like 12/5 are read the way
 * their Slack locale writes them. If the modal cannot open, the host gets their text back.
 */
export async function openAfterworkModal(deps: Deps, client: WebClient, req: OpenAfterworkModalRequest): Promise<void> {
  const member = await memberProfile(deps, client, req.teamId, req.userId);
  const locale = localeFromSlack(member?.locale, await workspaceLocale(deps, req.teamId));
  const t = messages(locale);
  const target = { userId: req.userId, responseUrl: req.responseUrl ?? null };
  const giveBack = (intro: string) => tellUser(deps, client, target, req.text ? noticeWithText(intro, req.text) : notice(intro));
  if (!isTriggerId(req.triggerId)) {
    deps.logger.warn('no valid trigger_id to open the after-work modal with', { teamId: req.teamId, userId: req.userId });
    await giveBack(t.errors.modalUnavailable);
    return;
  }
  const ws = await getWorkspace(deps.db, req.teamId);
  const timezone = isZone(member?.tz) ? member.tz : isZone(ws?.digest_timezone) ? ws.digest_timezone : deps.config.digestTimezone;
  const meta: AfterworkModalMetadata = {
    locale,
    timezone,
    ...(req.afterwork ? { afterworkId: req.afterwork.id } : {}),
    ...(req.responseUrl ? { responseUrl: req.responseUrl } : {}),
  };
  let prefill: AfterworkPrefill = { channelId: await sharedChannel(deps, req.teamId) };
  if (req.afterwork) {
    const a = req.afterwork;
    prefill = {
      title: a.title,
      startsAt: Math.floor(Date.parse(a.starts_at) / 1000),
      place: a.place ?? undefined,
      note: a.note ?? undefined,
      capacity: a.capacity,
    };
  } else if (req.text?.trim()) {
    const parsed = parseAfterworkText(slackMarkupToPlain(req.text), {
      now: deps.clock.now(),
      timezone,
      dayFirst: (member?.locale ?? '').toLowerCase() !== 'en-us',
    });
    if ((parsed.note?.length ?? 0) > MAX_NOTE) {
      await tellUser(deps, client, target, noticeWithText(t.errors.tooLong(req.text.length, MAX_NOTE), req.text));
      return;
    }
    prefill = {
      ...prefill,
      startsAt: parsed.startsAt ? Math.floor(parsed.startsAt.getTime() / 1000) : undefined,
      place: parsed.place,
      note: parsed.note,
      fromText: true,
      guessedTime: parsed.timeGuessed && parsed.startsAt ? inZone(parsed.startsAt, timezone, locale).format('HH:mm') : undefined,
    };
  }
  try {
    await withRateLimit(deps.clock, () => client.views.open({ trigger_id: req.triggerId, view: buildAfterworkModal(t, meta, prefill) }), {
      maxWaits: 1,
      maxWaitSeconds: 2,
    });
  } catch (error) {
    deps.logger.warn('could not open the after-work modal', { teamId: req.teamId, userId: req.userId, error });
    await giveBack(t.errors.modalUnavailable);
  }
}
