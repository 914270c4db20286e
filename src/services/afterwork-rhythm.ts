import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { listAfterworksBetween, nextAfterworkFor } from '../../db/afterworks.js';
import { buildAfterworkDigestSection, buildHomeAfterworkSection, type DigestAfterwork } from '../blocks/afterwork.js';
import type { Deps } from '../deps.js';
import type { Locale, Messages } from '../i18n/index.js';
import { classifyFailure } from '../outbox/failures.js';
import { toRsvp } from './afterworks.js';

/** How far ahead the digest looks for after-works to announce. */
export const DIGEST_LOOKAHEAD_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * What the digest says about after-works for a period [from, to): those coming in the two weeks after
 * `to`, and the period's own (whose mix by side it shows).
 */
export async function readAfterworkDigest(
  deps: Pick<Deps, 'db'>,
  teamId: string,
  period: { from: Date; to: Date },
): Promise<{ coming: DigestAfterwork[]; past: DigestAfterwork[] }> {
  const [coming, past] = await Promise.all([
    listAfterworksBetween(deps.db, teamId, period.to, new Date(period.to.getTime() + DIGEST_LOOKAHEAD_MS)),
    listAfterworksBetween(deps.db, teamId, period.from, period.to),
  ]);
  const view = (list: typeof coming) => list.map(({ afterwork, rsvps }) => ({ afterwork, rsvps: rsvps.map(toRsvp) }));
  return { coming: view(coming), past: view(past) };
}

/** The digest's after-work section as blocks (empty when there is nothing to say, so a quiet digest stays quiet). */
export async function afterworkDigestSection(
  deps: Pick<Deps, 'db'>,
  teamId: string,
  period: { from: Date; to: Date },
  t: Messages,
  locale: Locale,
): Promise<KnownBlock[]> {
  const { coming, past } = await readAfterworkDigest(deps, teamId, period);
  return buildAfterworkDigestSection(coming, past, t, locale);
}

/**
 * The Home tab's after-work: the next one (the one the reader answered first, else the soonest), their
 * answer, and a link to the invite. A link Slack will not give (an outage, a 429) is left out, not waited for.
 */
export async function homeAfterworkSection(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>,
  client: WebClient,
  teamId: string,
  userId: string,
  t: Messages,
  locale: Locale,
): Promise<KnownBlock[]> {
  const next = await nextAfterworkFor(deps.db, teamId, userId, deps.clock.now());
  let link: string | undefined;
  if (next?.afterwork.message_ts) {
    try {
      link = (await client.chat.getPermalink({ channel: next.afterwork.channel_id, message_ts: next.afterwork.message_ts })).permalink;
    } catch (error) {
      deps.logger.warn('no link to the invite on Home', { teamId, afterworkId: next.afterwork.id, code: classifyFailure(error).code });
    }
  }
  return buildHomeAfterworkSection(next, link, t, locale);
}
