import { isChannelId, isMessageTs, isUserId } from './slack-ids.js';

/**
 * Reaction names as Slack sends them: `+1`, `+1::skin-tone-3`, sometimes with colons when typed by a
 * person in configuration. Skin-tone variants are the same emoji for voting.
 */
export function normalizeEmoji(name: string): string {
  return name
    .trim()
    .replace(/^:+|:+$/g, '')
    .replace(/::skin-tone-\d+$/, '')
    .toLowerCase();
}

/**
 * Slack's event_ts (`1700000000.000200`) in a form that sorts as text the way it sorts as a number
 * (ten-digit seconds, six-digit fraction), so the database can order events without parsing them.
 */
export function sortableEventTs(ts: string): string {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return `${seconds.padStart(10, '0')}.${fraction.padEnd(6, '0').slice(0, 6)}`;
}

/** `thumbsup` is Slack's alias of `+1` (and `thumbsdown` of `-1`): either spelling counts. */
const ALIASES: Readonly<Record<string, string>> = { thumbsup: '+1', thumbsdown: '-1' };

function canonical(name: string): string {
  const n = normalizeEmoji(name);
  return Object.hasOwn(ALIASES, n) ? ALIASES[n]! : n;
}

export function isVoteEmoji(reaction: string, voteEmojis: readonly string[]): boolean {
  const c = canonical(reaction);
  return voteEmojis.some((e) => canonical(e) === c);
}

/** A reaction on a message, as Terrain needs it from a reaction_added / reaction_removed event. */
export interface MessageReaction {
  user: string;
  reaction: string;
  channel: string;
  ts: string;
  eventTs: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a reaction event defensively: a reaction on a message (not a file), by a real user, with ids and
 * timestamps of Slack's shapes. Anything else is not a vote, and is ignored.
 */
export function readMessageReaction(event: unknown): MessageReaction | undefined {
  if (!isRecord(event) || !isRecord(event.item) || event.item.type !== 'message') return undefined;
  const { user, reaction, event_ts: eventTs } = event;
  const { channel, ts } = event.item;
  if (!isUserId(user) || typeof reaction !== 'string' || reaction === '' || reaction.length > 100) return undefined;
  if (!isChannelId(channel) || !isMessageTs(ts) || !isMessageTs(eventTs)) return undefined;
  return { user, reaction, channel, ts, eventTs };
}
