import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { moveBlockedCards } from '../db/items.js';
import { setMemberSide } from '../db/members.js';
import type { Side } from '../db/schema.js';
import { saveWorkspaceSettings } from '../db/workspaces.js';
import { previewDigest } from '../scheduled/digest.js';
import { context } from '../src/blocks/kit.js';
import { type MessageContent, notice, section, withButton } from '../src/blocks/messages.js';
import type { Deps } from '../src/deps.js';
import { escapeMrkdwn, truncate } from '../src/domain/escape.js';
import { isChannelId, isTeamId, isUserId, mentionChannel } from '../src/domain/slack-ids.js';
import { type Messages, messages } from '../src/i18n/index.js';
import { ACTIONS } from '../src/ids.js';
import { requeueBlockedCards } from '../src/services/cards.js';
import { userLocale } from '../src/services/locale.js';
import { tellUser } from '../src/services/replies.js';
import { openSettingsModal } from '../src/services/settings.js';
import { slackErrorCode, withRateLimit } from '../src/slack/calls.js';

export type TerrainSubcommand =
  | { name: 'help' }
  | { name: 'setup' }
  | { name: 'settings' }
  | { name: 'digest' }
  | { name: 'team'; side: Side | undefined }
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

/** `/terrain <subcommand> [args]`, in English or French words. */
export function parseTerrainCommand(text: string): TerrainSubcommand {
  const [word = '', rawSecond] = text.trim().split(/\s+/);
  const first = word.toLowerCase();
  const second = rawSecond?.toLowerCase();
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

/** `/terrain help|setup|team …`: settings are stored before the acknowledgement, answers come after. */
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
    if (sub.name === 'setup' && isChannel) {
      await saveWorkspaceSettings(deps.db, teamId, { channel_id: channelId }, now);
      await moveBlockedCards(deps.db, teamId, channelId);
    }
    if (sub.name === 'team' && sub.side) await setMemberSide(deps.db, teamId, userId, sub.side, now);
    await ack();

    deps.background.run('terrain command', { teamId, userId, sub: sub.name }, async () => {
      const locale = await userLocale(deps, client, teamId, userId);
      const t = messages(locale);
      const reply = (content: MessageContent) => tellUser(deps, client, { userId, responseUrl: command.response_url }, content);
      switch (sub.name) {
        case 'help':
          return reply(help(t));
        case 'unknown':
          return reply(help(t, t.terrain.unknown(escapeMrkdwn(truncate(sub.word, 40)))));
        case 'team':
          return reply(notice(sub.side ? t.terrain.teamDone(t.side[sub.side]) : t.terrain.teamUsage));
        case 'setup': {
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
          return reply(withButton(done, t.settings.button, ACTIONS.openSettings));
        }
        case 'settings':
          return openSettingsModal(deps, client, teamId, userId, command.trigger_id).catch(async (error: unknown) => {
            deps.logger.warn('could not open the settings modal', { teamId, error });
            await reply(notice(t.errors.modalUnavailable));
          });
        case 'digest': {
          const digest = await previewDigest(deps, client, teamId, locale);
          return reply({ text: digest.main.text, blocks: [context(t.digest.previewNote), ...digest.main.blocks].slice(0, 50) });
        }
      }
    });
  };
}
