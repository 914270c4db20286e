import type { WebClient } from '@slack/web-api';
import type { MessageContent } from '../blocks/kit.js';

export interface PostOptions {
  /** Names what was posted, so that an attempt that may have reached Slack can be looked for. */
  metadata?: { event_type: string; event_payload: Record<string, string | number> };
  threadTs?: string | undefined;
}

/**
 * Posts Terrain's content in a channel, a thread or a DM, without link previews (cards link to Slack
 * messages, whose previews would repeat them). Every message Terrain posts goes through here.
 */
export function postContent(client: WebClient, channel: string, content: MessageContent, options: PostOptions = {}) {
  return client.chat.postMessage({
    channel,
    text: content.text,
    blocks: content.blocks,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    unfurl_links: false,
    unfurl_media: false,
    ...(options.metadata ? { metadata: options.metadata } : {}),
  });
}
