import type { WebClient } from '@slack/web-api';
import type { Transaction } from 'kysely';
import { enqueue } from '../../db/outbox.js';
import type { Database } from '../../db/schema.js';
import type { MessageContent } from '../blocks/kit.js';
import type { Deps } from '../deps.js';
import type { OutboxHandler } from '../outbox/dispatcher.js';
import { withRateLimit } from '../slack/calls.js';
import { postContent } from '../slack/post.js';

export interface PrivateTarget {
  userId: string;
  responseUrl?: string | null | undefined;
  /** Through the response_url, replace the message whose button was clicked (its buttons done with). */
  replaceOriginal?: boolean | undefined;
}

/** Posts to a response_url (ephemeral, where the person typed). False when Slack no longer takes it. */
async function postToResponseUrl(
  deps: Pick<Deps, 'logger'>,
  url: string,
  content: MessageContent,
  replaceOriginal = false,
): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: replaceOriginal, ...content }),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.ok) return true;
    deps.logger.warn('response_url refused the reply; sending a direct message instead', { status: res.status });
  } catch (error) {
    deps.logger.warn('response_url failed; sending a direct message instead', { error });
  }
  return false;
}

/**
 * Tells one person something privately: through the response_url of their command or shortcut when
 * there is one (ephemeral, where they typed), else as a direct message from the app. Outbox handlers
 * pass `waitOutRateLimits: false`: a 429 then goes back to the dispatcher, which reschedules.
 */
export async function tellUser(
  deps: Pick<Deps, 'clock' | 'logger'>,
  client: WebClient,
  target: PrivateTarget,
  content: MessageContent,
  options: { waitOutRateLimits?: boolean } = {},
): Promise<void> {
  if (target.responseUrl && (await postToResponseUrl(deps, target.responseUrl, content, target.replaceOriginal === true))) return;
  const dm = () => postContent(client, target.userId, content);
  await (options.waitOutRateLimits === false ? dm() : withRateLimit(deps.clock, dm));
}

export const NOTICE_KIND = 'notice';

/**
 * Queues a private message that follows a stored change (settings saved, a refusal), in the caller's
 * transaction. The content is rendered now, in the reader's language: it says what happened then.
 */
export async function enqueueNotice(
  trx: Transaction<Database>,
  notice: { teamId: string; key: string; target: PrivateTarget; content: MessageContent },
  now: Date,
): Promise<boolean> {
  return enqueue(
    trx,
    {
      teamId: notice.teamId,
      key: notice.key,
      kind: NOTICE_KIND,
      payload: {
        userId: notice.target.userId,
        responseUrl: notice.target.responseUrl ?? null,
        ...(notice.target.replaceOriginal ? { replaceOriginal: true } : {}),
        content: notice.content,
      },
    },
    now,
  );
}

/** Sends queued private messages. */
export function noticeHandler(deps: Pick<Deps, 'clock' | 'logger'>): OutboxHandler {
  return {
    async send({ payload, client }) {
      const content = payload.content as MessageContent;
      const target = {
        userId: String(payload.userId),
        responseUrl: typeof payload.responseUrl === 'string' ? payload.responseUrl : null,
        replaceOriginal: payload.replaceOriginal === true,
      };
      await tellUser(deps, client, target, content, { waitOutRateLimits: false });
      return {};
    },
  };
}
