import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findAfterworkByMessage, getAfterwork } from '../../../db/afterworks.js';
import { afterworkIdOfBlock } from '../../blocks/afterwork.js';
import type { Deps } from '../../deps.js';
import { isAnswer } from '../../domain/afterwork.js';
import { isChannelId, isMessageTs, isTeamId, isUserId } from '../../domain/slack-ids.js';
import { answerAfterwork, enqueueRefusal } from '../../services/afterworks.js';

/** What Terrain reads of a clicked button. */
interface ClickedButton {
  block_id?: string;
  action_ts?: string;
  value?: string;
}

/** The after-work an invite's button belongs to: named by its block, else found by the message. */
export async function clickedAfterworkId(
  deps: Pick<Deps, 'db'>,
  teamId: string,
  body: BlockAction,
  blockId: unknown,
): Promise<number | undefined> {
  const fromBlock = afterworkIdOfBlock(blockId);
  if (fromBlock !== undefined) return fromBlock;
  const container = body.container as { channel_id?: unknown; message_ts?: unknown } | undefined;
  const channel = container?.channel_id ?? body.channel?.id;
  const ts = container?.message_ts ?? body.message?.ts;
  if (!isChannelId(channel) || !isMessageTs(ts)) return undefined;
  return (await findAfterworkByMessage(deps.db, teamId, channel, ts))?.id;
}

/**
 * An RSVP button (`rsvp_going`, `rsvp_maybe`, `rsvp_no`; the value is the answer): stored before Slack
 * is acknowledged, then the invite is updated through the outbox. A click that changes nothing (after
 * the start, on a cancelled invite, the host stepping out) is answered privately.
 */
export function rsvp(deps: Deps) {
  return async ({ ack, body }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const userId = body.user.id;
    const action = body.actions[0] as ClickedButton | undefined;
    const wanted = action?.value;
    if (!isTeamId(teamId) || !isUserId(userId) || !isAnswer(wanted)) {
      await ack();
      return;
    }
    const afterworkId = await clickedAfterworkId(deps, teamId, body, action?.block_id);
    const result =
      afterworkId === undefined
        ? ({ outcome: 'gone' } as const)
        : await answerAfterwork(deps, { teamId, afterworkId, userId, wanted, responseUrl: body.response_url });
    if (result.outcome === 'closed' || result.outcome === 'cancelled' || result.outcome === 'gone' || result.outcome === 'host') {
      const afterwork = afterworkId === undefined ? undefined : await getAfterwork(deps.db, teamId, afterworkId);
      await enqueueRefusal(
        deps,
        { teamId, userId, responseUrl: body.response_url, key: `${userId}:${action?.action_ts ?? body.trigger_id}`, afterwork },
        result.outcome,
      );
    }
    await ack();
    deps.outbox.kick();
  };
}
