import { TEAM } from './app.js';
import type { FakeSlack } from './fake-slack.js';

/** A button click (`block_actions`) shaped like Slack's, on a message in `channel` (ephemeral by default). */
export function buttonClick(o: {
  userId: string;
  actionId: string;
  value: string;
  responseUrl: string;
  channel?: string;
  ephemeral?: boolean;
  triggerId?: string;
}): Record<string, unknown> {
  const channel = o.channel ?? 'C0TERRAIN';
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: { id: o.userId, username: o.userId.toLowerCase(), name: o.userId.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: o.triggerId ?? '333.444.click',
    response_url: o.responseUrl,
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channel, is_ephemeral: o.ephemeral ?? true },
    channel: { id: channel, name: 'terrain' },
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: 'b1',
        value: o.value,
        text: { type: 'plain_text', text: 'button' },
        action_ts: '1700000000.000200',
      },
    ],
  };
}

/** The card Slack holds for an item (posted by Terrain, found by its metadata), if any. */
export function cardOf(fake: FakeSlack, channel: string, itemId: number): Record<string, any> | undefined {
  return fake
    .messages(channel)
    .find((m) => m.metadata?.event_type === 'terrain_item_card' && m.metadata?.event_payload?.item_id === itemId);
}

/** Every text a Slack message carries (its fallback and its blocks), as one string to search. */
export const allText = (message: { text?: unknown; blocks?: unknown } | undefined): string =>
  JSON.stringify([message?.text, message?.blocks]);
