import type { HomeView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Transaction } from 'kysely';
import { listItemsWithSupport } from '../../db/customers.js';
import { enqueue } from '../../db/outbox.js';
import type { Database } from '../../db/schema.js';
import { listWaitingForAnswer } from '../../db/triage.js';
import { getWorkspace } from '../../db/workspaces.js';
import { buildHome, HOME_LISTS } from '../blocks/home.js';
import { isValidTimezone } from '../config.js';
import type { Deps } from '../deps.js';
import { digestSettings } from '../digest/service.js';
import { nextFire } from '../domain/fire-times.js';
import { rankItems, withSupport } from '../domain/ranking.js';
import { OPEN_STATUSES } from '../domain/triage.js';
import { localeFromSlack, messages } from '../i18n/index.js';
import type { OutboxHandler } from '../outbox/dispatcher.js';
import { withRateLimit } from '../slack/calls.js';
import { homeAfterworkSection } from './afterwork-rhythm.js';
import { workspaceCurrency } from './currency.js';
import { cardLinkBuilder } from './links.js';
import { workspaceLocale } from './locale.js';
import { memberNames, memberProfile } from './profile.js';
import { authorize } from './roles.js';

type HomeDeps = Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>;

export const HOME_KIND = 'home';
const WEEK_MS = 7 * 86_400_000;
/** Open items read to rank this week's top (the latest filed): more than a busy week brings. */
const TOP_CANDIDATES = 300;

/**
 * One person's Home tab as it is now: read from the database (and their Slack profile, cached a day).
 * In an outbox handler (`inOutbox`), Slack's 429s are not waited out: the profile cached earlier or
 * cards without links do, and the publish itself throws for the dispatcher to reschedule.
 */
export async function renderHome(
  deps: HomeDeps,
  client: WebClient,
  teamId: string,
  userId: string,
  options: { inOutbox?: boolean } = {},
): Promise<HomeView> {
  const quick = options.inOutbox ? { deadlineMs: 2_000 } : {};
  const member = await memberProfile(deps, client, teamId, userId, quick);
  const locale = localeFromSlack(member?.locale, await workspaceLocale(deps, teamId));
  const [settings, ws] = await Promise.all([digestSettings(deps, teamId), getWorkspace(deps.db, teamId)]);
  const side = member?.side ?? null;
  // Marketers answer the field; Terrain admins may too (they see what waits, like marketing).
  const answers = side === 'marketing' || (await authorize(deps, client, { teamId, userId, action: 'settings', ...quick })).allowed;
  const now = deps.clock.now();
  // Items come with their votes and customers, counted and ranked as in the digest and in search.
  const [own, active, waiting, currency, linkFor] = await Promise.all([
    listItemsWithSupport(deps.db, teamId, { authorId: userId, order: 'newest', limit: HOME_LISTS.own }),
    listItemsWithSupport(deps.db, teamId, {
      statuses: OPEN_STATUSES,
      activeSince: new Date(now.getTime() - WEEK_MS),
      order: 'newest',
      limit: TOP_CANDIDATES,
    }),
    answers ? listWaitingForAnswer(deps.db, teamId, { limit: HOME_LISTS.waiting }) : Promise.resolve({ items: [], total: 0 }),
    workspaceCurrency(deps, teamId),
    cardLinkBuilder(deps, client, options.inOutbox ? { maxWaits: 0 } : {}),
  ]);
  const names = await memberNames(
    deps,
    options.inOutbox ? undefined : client,
    teamId,
    waiting.items.map((i) => i.author_id),
  );
  const t = messages(locale);
  const afterwork = await homeAfterworkSection(deps, client, teamId, userId, t, locale);
  return buildHome({
    afterwork,
    t,
    locale,
    timezone: member?.tz && isValidTimezone(member.tz) ? member.tz : settings.schedule.timezone,
    now,
    side,
    sidesFromGroups: Boolean(ws?.sales_usergroup_id || ws?.marketing_usergroup_id),
    muted: member?.updates_muted === 1,
    answers,
    currency,
    own: own.map(withSupport),
    top: rankItems(active.map(withSupport)).slice(0, HOME_LISTS.top),
    waiting: { items: waiting.items.map(withSupport), total: waiting.total },
    names,
    nextDigest: settings.channelId ? nextFire(settings.schedule, now) : null,
    voteEmoji: deps.config.voteEmojis[0] ?? '+1',
    linkFor,
  });
}

/** Publishes someone's Home tab now (app_home_opened: nothing was stored, so nothing is queued). */
export async function publishHome(deps: HomeDeps, client: WebClient, teamId: string, userId: string): Promise<void> {
  const view = await renderHome(deps, client, teamId, userId);
  await withRateLimit(deps.clock, () => client.views.publish({ user_id: userId, view }));
}

/**
 * Queues a fresh Home tab for someone, in the transaction of the change it shows (a side, muted
 * updates). It is rendered when sent, for that person, as things then are. `because` names the click:
 * a retried request queues nothing more.
 */
export async function enqueueHomePublish(
  trx: Transaction<Database>,
  home: { teamId: string; userId: string; because: string },
  now: Date,
): Promise<boolean> {
  return enqueue(
    trx,
    { teamId: home.teamId, key: `home:${home.userId}:${home.because}`, kind: HOME_KIND, payload: { userId: home.userId } },
    now,
  );
}

/** Publishes a queued Home tab, rendered now. */
export function homeHandler(deps: HomeDeps): OutboxHandler {
  return {
    async send({ message, payload, client }) {
      const userId = String(payload.userId);
      const view = await renderHome(deps, client, message.team_id, userId, { inOutbox: true });
      await client.views.publish({ user_id: userId, view });
      return {};
    },
  };
}
