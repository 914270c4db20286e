import type { Transaction } from 'kysely';
import { enqueue } from '../../db/outbox.js';
import type { Database } from '../../db/schema.js';
import type { MessageContent } from '../blocks/kit.js';
import type { Deps } from '../deps.js';
import { METADATA } from '../ids.js';
import type { OutboxHandler } from '../outbox/dispatcher.js';
import { findMessageByMetadata } from '../slack/history.js';
import { postContent } from '../slack/post.js';

export const POST_KIND = 'post';

/** Channels and private groups have a history Terrain may read; DMs (`D…`, or a user id) are not looked into. */
const hasReadableHistory = (channel: string) => /^[CG][A-Z0-9]+$/.test(channel);

/**
 * Queues a message for a channel (or a thread in it) that follows a stored change, in the caller's
 * transaction. It carries its outbox key as metadata, so an attempt that may have reached Slack is
 * found in the channel before it is sent again.
 */
export async function enqueuePost(
  trx: Transaction<Database>,
  post: { teamId: string; key: string; channel: string; threadTs?: string | undefined; content: MessageContent },
  now: Date,
): Promise<boolean> {
  return enqueue(
    trx,
    {
      teamId: post.teamId,
      key: post.key,
      kind: POST_KIND,
      payload: { channel: post.channel, threadTs: post.threadTs ?? null, content: post.content },
    },
    now,
  );
}

export function postHandler(deps: Pick<Deps, 'clock'>): OutboxHandler {
  return {
    async send({ message, payload, maybeSent, client }) {
      const channel = String(payload.channel);
      const threadTs = typeof payload.threadTs === 'string' ? payload.threadTs : undefined;
      const content = payload.content as MessageContent;
      const metadata = { event_type: METADATA.outbox, event_payload: { key: message.key, team_id: message.team_id } };
      if (maybeSent && hasReadableHistory(channel)) {
        const ts = await findMessageByMetadata(
          deps.clock,
          client,
          channel,
          new Date(Date.parse(message.created_at) - 60_000),
          (m) => m.event_type === METADATA.outbox && m.event_payload?.key === message.key && m.event_payload?.team_id === message.team_id,
          { thread: threadTs },
        );
        if (ts) return { result: { channel, ts } };
      }
      const res = await postContent(client, channel, content, { metadata, threadTs });
      return { result: { channel: res.channel ?? channel, ts: res.ts } };
    },
  };
}
