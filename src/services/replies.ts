import type { WebClient } from '@slack/web-api';
import type { MessageContent } from '../blocks/kit.js';
import type { Deps } from '../deps.js';
import { withRateLimit } from '../slack/calls.js';

/**
 * Tells one person something privately: through the response_url of their command or shortcut when
 * there is one (ephemeral, where they typed), else as a direct message from the app.
 */
export async function tellUser(
  deps: Pick<Deps, 'clock' | 'logger'>,
  client: WebClient,
  target: { userId: string; responseUrl?: string | null },
  content: MessageContent,
): Promise<void> {
  if (target.responseUrl) {
    try {
      const res = await fetch(target.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...content }),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return;
      deps.logger.warn('response_url refused the reply; sending a direct message instead', { status: res.status });
    } catch (error) {
      deps.logger.warn('response_url failed; sending a direct message instead', { error });
    }
  }
  await withRateLimit(deps.clock, () =>
    client.chat.postMessage({ channel: target.userId, text: content.text, blocks: content.blocks, unfurl_links: false }),
  );
}
