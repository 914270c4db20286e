/**
 * Ids from payloads are checked before they go into mrkdwn (`<@U…>`, `<#C…>`): a crafted id could
 * otherwise smuggle `<!channel>` or a disguised link into a message.
 */
const USER_ID = /^[UW][A-Z0-9]{2,30}$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,30}$/;
const TEAM_ID = /^[TE][A-Z0-9]{2,30}$/;
const MESSAGE_TS = /^\d{1,12}\.\d{1,9}$/;
const TRIGGER_ID = /^\d{1,20}\.\d{1,20}\.[0-9A-Za-z]{1,64}$/;
const USERGROUP_ID = /^S[A-Z0-9]{2,30}$/;

export const isUserId = (id: unknown): id is string => typeof id === 'string' && USER_ID.test(id);
export const isChannelId = (id: unknown): id is string => typeof id === 'string' && CHANNEL_ID.test(id);
export const isTeamId = (id: unknown): id is string => typeof id === 'string' && TEAM_ID.test(id);
export const isMessageTs = (ts: unknown): ts is string => typeof ts === 'string' && MESSAGE_TS.test(ts);
/** Slack's trigger ids (`13345224609.738474920.8088930838d88f008e0`): a modal opens only with one of these. */
export const isTriggerId = (id: unknown): id is string => typeof id === 'string' && TRIGGER_ID.test(id);
export const isUsergroupId = (id: unknown): id is string => typeof id === 'string' && USERGROUP_ID.test(id);

/** `<@U123>` for a valid user id, else nothing that Slack would parse. */
export function mentionUser(id: string): string {
  return isUserId(id) ? `<@${id}>` : '';
}

export function mentionChannel(id: string): string {
  return isChannelId(id) ? `<#${id}>` : '';
}

/**
 * The users mentioned in slash command text, in order and once each. With `should_escape` on, Slack
 * sends a mention as `<@U123>` or `<@U123|name>`; only ids that pass `isUserId` are kept.
 */
export function mentionedUserIds(text: string): string[] {
  const ids = [...text.matchAll(/<@([^>|]*)(?:\|[^>]*)?>/g)].map((m) => m[1]).filter(isUserId);
  return [...new Set(ids)];
}
