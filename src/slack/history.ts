import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock.js';
import { withRateLimit } from './calls.js';

export interface MessageMetadata {
  event_type?: string;
  event_payload?: Record<string, unknown>;
}

/**
 * Looks through a channel's messages since `oldest` for Terrain's own message, recognised by its
 * metadata: how a card or a digest that reached Slack just before a crash is found again instead of
 * being posted twice. Returns the message's ts. With `thread`, looks among that thread's replies.
 */
export async function findMessageByMetadata(
  clock: Clock,
  client: WebClient,
  channel: string,
  oldest: Date,
  matches: (metadata: MessageMetadata) => boolean,
  options: { maxPages?: number; thread?: string | undefined } = {},
): Promise<string | undefined> {
  let cursor: string | undefined;
  const common = { channel, oldest: String(Math.floor(oldest.getTime() / 1000)), limit: 200, include_all_metadata: true };
  for (let page = 0; page < (options.maxPages ?? 10); page++) {
    const thread = options.thread;
    // A thread reply is not in the channel's history: it is in its thread's.
    const res = await withRateLimit(clock, () =>
      thread
        ? client.conversations.replies({ ...common, ts: thread, ...(cursor ? { cursor } : {}) })
        : client.conversations.history({ ...common, ...(cursor ? { cursor } : {}) }),
    );
    const found = res.messages?.find((m) => m.metadata && matches(m.metadata as MessageMetadata));
    if (found?.ts) return found.ts;
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || !cursor) return undefined;
  }
  return undefined;
}
