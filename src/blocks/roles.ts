import type { ModalView } from '@slack/types';
import type { AdminAction, AdminsChange, AdminsOverview } from '../domain/roles.js';
import { mentionUser } from '../domain/slack-ids.js';
import type { Messages } from '../i18n/index.js';
import { plain, section } from './kit.js';
import { type MessageContent, notice } from './messages.js';

/** At most this many mentions in one answer; the rest are counted. */
const MAX_MENTIONS = 20;

/** `<@U1>, <@U2>, 3 more`: user ids go through `mentionUser`, so only valid ids become mentions. */
export function mentionList(t: Messages, userIds: readonly string[]): string {
  const mentions = userIds.map(mentionUser).filter((m) => m !== '');
  const shown = mentions.slice(0, MAX_MENTIONS);
  const rest = mentions.length - shown.length;
  return [...shown, ...(rest > 0 ? [t.roles.more(rest)] : [])].join(', ');
}

/** Who can do it: the named admins by mention, else how one becomes an admin. */
export function whoAreAdmins(t: Messages, overview: AdminsOverview): string {
  if (overview.named.length > 0) return t.roles.whoNamed(mentionList(t, overview.named));
  return overview.anyNamed ? t.roles.whoSlackOnly : t.roles.whoNoneYet;
}

/** The private answer to someone who may not do what they asked: what, who can, and that nothing changed. */
export function buildRefusal(
  t: Messages,
  action: AdminAction,
  why: 'not_admin' | 'role_unknown',
  overview: AdminsOverview,
): MessageContent {
  if (why === 'role_unknown') return notice(t.roles.roleUnknown);
  return notice(`${t.roles.refused[action]}\n${whoAreAdmins(t, overview)}`);
}

/** A refused modal submission: the modal is replaced by the answer, with a button to close it. */
export function buildRefusalModal(t: Messages, title: string, refusal: MessageContent): ModalView {
  return { type: 'modal', title: plain(title), close: plain(t.modal.close), blocks: refusal.blocks };
}

/** `/terrain admins list`. */
export function buildAdminsList(t: Messages, overview: AdminsOverview): MessageContent {
  const who =
    overview.named.length > 0
      ? t.roles.list(mentionList(t, overview.named))
      : overview.anyNamed
        ? t.roles.listSlackOnly
        : t.roles.listNoneYet;
  const text = `${who}\n${t.roles.listHint}`;
  return { text, blocks: [section(who), section(t.roles.listHint)] };
}

/** The answer to `/terrain admins add|remove`: one line for who changed, one for who did not. */
export function buildAdminsChanged(t: Messages, change: AdminsChange): MessageContent {
  const lines: string[] = [];
  if (change.changed.length > 0) lines.push((change.action === 'add' ? t.roles.added : t.roles.removed)(mentionList(t, change.changed)));
  if (change.unchanged.length > 0)
    lines.push((change.action === 'add' ? t.roles.alreadyAdmin : t.roles.notNamed)(mentionList(t, change.unchanged)));
  return notice(lines.join('\n'));
}
