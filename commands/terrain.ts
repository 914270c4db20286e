import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { moveBlockedCards } from '../db/items.js';
import { setMemberSide } from '../db/members.js';
import type { Side } from '../db/schema.js';
import { saveWorkspaceSettings } from '../db/workspaces.js';
import { type MessageContent, notice, section, withButton, withNote } from '../src/blocks/messages.js';
import { buildAdminsChanged, buildAdminsList, buildRefusal } from '../src/blocks/roles.js';
import type { Deps } from '../src/deps.js';
import { previewDigest } from '../src/digest/service.js';
import { escapeMrkdwn, truncate } from '../src/domain/escape.js';
import type { AdminAction, AdminsChange } from '../src/domain/roles.js';
import { isChannelId, isTeamId, isUserId, mentionChannel, mentionedUserIds, mentionUser } from '../src/domain/slack-ids.js';
import { type Messages, messages } from '../src/i18n/index.js';
import { ACTIONS } from '../src/ids.js';
import { requeueBlockedCards } from '../src/services/cards.js';
import { userLocale } from '../src/services/locale.js';
import { tellUser } from '../src/services/replies.js';
import { type Access, adminsOverview, authorize, BEFORE_ACK_MS, changeAdmins } from '../src/services/roles.js';
import { openSettingsModal } from '../src/services/settings.js';
import { slackErrorCode, withRateLimit } from '../src/slack/calls.js';

export type TerrainSubcommand =
  | { name: 'help' }
  | { name: 'setup' }
  | { name: 'settings' }
  | { name: 'digest' }
  | { name: 'team'; side: Side | undefined }
  | { name: 'admins'; action: 'list' }
  | { name: 'admins'; action: 'add' | 'remove'; userIds: string[] }
  /** `plainNames`: names typed as plain `@text`, which Slack did not turn into mentions. */
  | { name: 'admins'; action: 'usage'; plainNames: boolean }
  | { name: 'unknown'; word: string };

const SIDES: Readonly<Record<string, Side>> = {
  sales: 'sales',
  sale: 'sales',
  ventes: 'sales',
  vente: 'sales',
  commercial: 'sales',
  marketing: 'marketing',
  other: 'other',
  autre: 'other',
};

const ADMINS_ACTIONS: Readonly<Record<string, 'list' | 'add' | 'remove'>> = {
  list: 'list',
  liste: 'list',
  lister: 'list',
  add: 'add',
  ajouter: 'add',
  ajoute: 'add',
  remove: 'remove',
  retirer: 'remove',
  retire: 'remove',
  enlever: 'remove',
};

/** `admins [list|add|remove] [mentions]`: mentions arrive escaped (`<@U123|name>`), see manifest.yml. */
function parseAdmins(second: string | undefined, rest: string): TerrainSubcommand {
  const action =
    second === undefined || second === '' ? 'list' : Object.hasOwn(ADMINS_ACTIONS, second) ? ADMINS_ACTIONS[second] : undefined;
  if (action === 'list') return { name: 'admins', action };
  const userIds = mentionedUserIds(rest);
  if (action && userIds.length > 0) return { name: 'admins', action, userIds };
  return { name: 'admins', action: 'usage', plainNames: action !== undefined && /(^|\s)@\S/.test(rest) };
}

/** `/terrain <subcommand> [args]`, in English or French words. */
export function parseTerrainCommand(text: string): TerrainSubcommand {
  const [, word = '', rawSecond = '', rest = ''] = /^\s*(\S*)\s*(\S*)([\s\S]*)$/.exec(text) ?? [];
  const first = word.toLowerCase();
  const second = rawSecond === '' ? undefined : rawSecond.toLowerCase();
  switch (first) {
    case '':
    case 'help':
    case 'aide':
      return { name: 'help' };
    case 'setup':
      return { name: 'setup' };
    case 'settings':
    case 'config':
    case 'réglages':
    case 'reglages':
      return { name: 'settings' };
    case 'digest':
    case 'bilan':
      return { name: 'digest' };
    case 'team':
    case 'equipe':
    case 'équipe':
      return { name: 'team', side: second && Object.hasOwn(SIDES, second) ? SIDES[second] : undefined };
    case 'admins':
    case 'admin':
      return parseAdmins(second, rest);
    default:
      return { name: 'unknown', word };
  }
}

function help(t: Messages, prefix?: string): MessageContent {
  const text = prefix ? `${prefix}\n\n${t.terrain.help}` : t.terrain.help;
  return { text, blocks: [section(text)] };
}

/** Makes sure Terrain is in the channel: joins a public one; a private one needs an invitation. */
async function ensureMember(deps: Deps, client: WebClient, channel: string): Promise<boolean> {
  try {
    const info = await withRateLimit(deps.clock, () => client.conversations.info({ channel }));
    if (info.channel?.is_member) return true;
    await withRateLimit(deps.clock, () => client.conversations.join({ channel }));
    return true;
  } catch (error) {
    deps.logger.info('Terrain could not join the channel', { channel, code: slackErrorCode(error) });
    return false;
  }
}

/**
 * `/terrain help|setup|settings|digest|team …|admins …`: changes (the channel, a side, admins) are checked
 * and stored before the acknowledgement; answers come after it.
 */
export function terrainCommand(deps: Deps) {
  return async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { team_id: teamId, user_id: userId, channel_id: channelId } = command;
    if (!isTeamId(teamId) || !isUserId(userId)) {
      await ack({ response_type: 'ephemeral', text: messages(deps.config.locale).errors.unexpectedNoText });
      return;
    }
    const sub = parseTerrainCommand(command.text ?? '');
    const now = deps.clock.now();
    const isChannel = isChannelId(channelId) && !channelId.startsWith('D');
    let access: Access | undefined;
    let change: AdminsChange | undefined;
    if (sub.name === 'setup') {
      // In a DM nothing can be set up: the check only says whether they could (no first-admin claim).
      access = await authorize(deps, client, { teamId, userId, action: 'setup', claim: isChannel, deadlineMs: BEFORE_ACK_MS });
      if (access.allowed && isChannel) {
        await saveWorkspaceSettings(deps.db, teamId, { channel_id: channelId }, now);
        await moveBlockedCards(deps.db, teamId, channelId);
      }
    }
    if (sub.name === 'admins' && (sub.action === 'add' || sub.action === 'remove')) {
      access = await authorize(deps, client, { teamId, userId, action: 'admins', deadlineMs: BEFORE_ACK_MS });
      if (access.allowed) change = await changeAdmins(deps, teamId, userId, sub.action, sub.userIds);
    }
    if (sub.name === 'team' && sub.side) await setMemberSide(deps.db, teamId, userId, sub.side, now);
    await ack();

    deps.background.run('terrain command', { teamId, userId, sub: sub.name }, async () => {
      const locale = await userLocale(deps, client, teamId, userId);
      const t = messages(locale);
      const reply = (content: MessageContent) => tellUser(deps, client, { userId, responseUrl: command.response_url }, content);
      const refuse = async (action: AdminAction, why: 'not_admin' | 'role_unknown') =>
        reply(buildRefusal(t, action, why, await adminsOverview(deps, teamId)));
      switch (sub.name) {
        case 'help':
          return reply(help(t));
        case 'unknown':
          return reply(help(t, t.terrain.unknown(escapeMrkdwn(truncate(sub.word, 40)))));
        case 'team':
          return reply(notice(sub.side ? t.terrain.teamDone(t.side[sub.side]) : t.terrain.teamUsage));
        case 'setup': {
          if (access && !access.allowed) return refuse('setup', access.why);
          if (!isChannel) return reply(notice(t.terrain.setupNotAChannel));
          // The digest's day, time, zone and language come next: the modal opens while the trigger is fresh.
          await openSettingsModal(deps, client, teamId, userId, command.trigger_id).catch((error: unknown) =>
            deps.logger.info('settings modal not opened after setup', { teamId, error }),
          );
          if (!(await ensureMember(deps, client, channelId))) return reply(notice(t.terrain.setupInviteFirst(mentionChannel(channelId))));
          const posted = await requeueBlockedCards(deps, teamId);
          const done = notice(
            posted > 0 ? t.terrain.setupDoneWithCards(mentionChannel(channelId), posted) : t.terrain.setupDone(mentionChannel(channelId)),
          );
          const firstAdmin = access?.allowed && access.firstAdmin ? withNote(done, t.roles.firstAdmin) : done;
          return reply(withButton(firstAdmin, t.settings.button, ACTIONS.openSettings));
        }
        case 'settings': {
          const allowed = await authorize(deps, client, { teamId, userId, action: 'settings' });
          if (!allowed.allowed) return refuse('settings', allowed.why);
          return openSettingsModal(deps, client, teamId, userId, command.trigger_id).catch(async (error: unknown) => {
            deps.logger.warn('could not open the settings modal', { teamId, error });
            await reply(notice(t.errors.modalUnavailable));
          });
        }
        case 'digest': {
          // Only the post: a private preview has no thread, and says so nowhere.
          return reply((await previewDigest(deps, client, teamId, { locale, preview: true })).main);
        }
        case 'admins': {
          if (sub.action === 'list') return reply(buildAdminsList(t, await adminsOverview(deps, teamId)));
          if (sub.action === 'usage') return reply(notice(sub.plainNames ? t.roles.plainNames : t.roles.usage));
          if (access && !access.allowed) return refuse('admins', access.why);
          if (!change) return;
          await reply(buildAdminsChanged(t, change));
          if (change.action === 'add') await tellNewAdmins(deps, client, teamId, userId, change.changed);
          return;
        }
      }
    });
  };
}

/** Each newly named admin hears it privately, in their language (not the one who named themselves). */
async function tellNewAdmins(deps: Deps, client: WebClient, teamId: string, by: string, userIds: readonly string[]): Promise<void> {
  for (const userId of userIds) {
    if (userId === by) continue;
    const t = messages(await userLocale(deps, client, teamId, userId));
    await tellUser(deps, client, { userId }, notice(t.roles.youWereAdded(mentionUser(by))));
  }
}
