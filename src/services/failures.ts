import type { WebClient } from '@slack/web-api';
import { type FailureAnswer, failureAnswer } from '../blocks/failure.js';
import type { Deps } from '../deps.js';
import { isTeamId, isUserId } from '../domain/slack-ids.js';
import type { TerrainErrorCode } from '../errors.js';
import { isLocale, type Locale, localeFromSlack, messages } from '../i18n/index.js';
import type { DispatchPolicy } from '../receivers/dispatch.js';
import { isRecord, type Json, type RequestKind } from '../slack/requests.js';
import { tellUser } from './replies.js';

/** How long the answer to a failure may wait for Slack to say which language someone reads. */
const LOCALE_LOOKUP_MS = 400;
/** Room kept for the answer itself to reach Slack. */
const ANSWER_MARGIN_MS = 300;
const MAX_REMEMBERED = 5000;

function who(body: Json): { teamId: unknown; userId: unknown } {
  const user = isRecord(body.user) ? body.user : undefined;
  const team = isRecord(body.team) ? body.team.id : undefined;
  return { teamId: body.team_id ?? team ?? user?.team_id, userId: body.user_id ?? user?.id };
}

/** A modal of Terrain's carries the language it was opened in. */
function modalLocale(body: Json): Locale | undefined {
  if (!isRecord(body.view) || typeof body.view.private_metadata !== 'string') return undefined;
  try {
    const meta: unknown = JSON.parse(body.view.private_metadata);
    return isRecord(meta) && isLocale(meta.locale) ? meta.locale : undefined;
  } catch {
    return undefined;
  }
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

/**
 * The failure policy's side effects: which language to answer in, found without the database (which may be
 * what failed): the modal's own language, else what Slack says of the user (users.info, briefly, remembered
 * in memory), else TERRAIN_LOCALE; and sending a follow-up privately, after the acknowledgement.
 */
export function failureReplies(
  deps: Pick<Deps, 'config' | 'clock' | 'logger' | 'background'>,
  client: () => WebClient,
): Pick<DispatchPolicy, 'failureAnswer' | 'followUp'> {
  const remembered = new Map<string, Locale>();

  async function localeOf(body: Json, msLeft: number): Promise<Locale> {
    const fromModal = modalLocale(body);
    if (fromModal) return fromModal;
    const { teamId, userId } = who(body);
    if (!isUserId(userId)) return deps.config.locale;
    const key = `${isTeamId(teamId) ? teamId : ''}:${userId}`;
    const known = remembered.get(key);
    if (known) return known;
    const wait = Math.min(LOCALE_LOOKUP_MS, msLeft - ANSWER_MARGIN_MS);
    if (wait <= 0) return deps.config.locale;
    try {
      const res = await within(client().users.info({ user: userId, include_locale: true }), wait);
      const locale = localeFromSlack(res.user?.locale, deps.config.locale);
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(key, locale);
      return locale;
    } catch (error) {
      deps.logger.info('language unknown for a failure answer; using the default', { userId, error });
      return deps.config.locale;
    }
  }

  return {
    async failureAnswer(kind: RequestKind, body: Json, code: TerrainErrorCode, msLeft: number): Promise<FailureAnswer> {
      return failureAnswer(kind, body, code, messages(await localeOf(body, msLeft)));
    },
    followUp({ userId, responseUrl, content }) {
      deps.background.run('tell about a failure', { userId }, () => tellUser(deps, client(), { userId, responseUrl }, content));
    },
  };
}
