import type { WebClient } from '@slack/web-api';
import { type DigestRows, readDigestRows } from '../../db/digest.js';
import { claimRun, finishRun, type RunKey, releaseRun } from '../../db/job-runs.js';
import { getWorkspace, listWorkspaces, noteSchedule } from '../../db/workspaces.js';
import { buildDigest, type DigestMessages } from '../blocks/digest.js';
import type { Deps } from '../deps.js';
import { nextFire, type Period, periodEndingAt, previousFire, type Schedule } from '../domain/fire-times.js';
import { isLocale, type Locale, messages } from '../i18n/index.js';
import { readAfterworkDigest } from '../services/afterwork-rhythm.js';
import { workspaceCurrency } from '../services/currency.js';
import { cardLinkBuilder } from '../services/links.js';
import { enqueuePost } from '../services/posts.js';
import { memberNames } from '../services/profile.js';
import { withRateLimit } from '../slack/calls.js';
import { findMessageByMetadata } from '../slack/history.js';
import { postContent } from '../slack/post.js';
import { composeDigest, peopleNamed, TREND_WEEKS, WAITING_DAYS } from './compose.js';

export const DIGEST_JOB = 'digest';
export const DIGEST_METADATA = 'terrain_digest';
/** A replica posting a digest holds it this long; waits on 429s are capped well below it. */
export const DIGEST_LEASE_MS = 15 * 60 * 1000;
/** A digest missed while the bot was down is caught up only within a week of its fire time. */
export const CATCH_UP_MS = 7 * 86_400_000;

export interface DigestSettings {
  teamId: string;
  channelId: string | undefined;
  schedule: Schedule;
  locale: Locale;
  /** When Terrain was set up in this workspace: no catch-up for fire times before it. */
  since: string | undefined;
}

/** A workspace's digest settings: its own (`/terrain settings`), else the deployment's defaults. */
export async function digestSettings(deps: Pick<Deps, 'db' | 'config'>, teamId: string): Promise<DigestSettings> {
  const ws = await getWorkspace(deps.db, teamId);
  const since = [ws?.created_at, ws?.schedule_since]
    .filter((t): t is string => !!t)
    .sort()
    .pop();
  return {
    teamId,
    channelId: ws?.channel_id ?? deps.config.channelId,
    schedule: { cron: ws?.digest_cron ?? deps.config.digestCron, timezone: ws?.digest_timezone ?? deps.config.digestTimezone },
    locale: isLocale(ws?.locale) ? ws.locale : deps.config.locale,
    since,
  };
}

export interface ComposeOptions {
  locale?: Locale;
  /** The whole scheduled period, when `period` is only its part up to now (a preview, a digest posted early). */
  labelPeriod?: Period;
  /** A private preview: no thread. */
  preview?: boolean;
}

/** The rows a digest of the period is made of. */
export function readPeriodRows(db: Deps['db'], teamId: string, period: Period): Promise<DigestRows> {
  return readDigestRows(db, teamId, period, {
    waitingDays: WAITING_DAYS,
    trendWeeks: TREND_WEEKS,
    waitingLimit: 60,
  });
}

/** The digest of a period, in a language, ready to post or show. */
export async function composeFor(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>,
  client: WebClient | undefined,
  settings: DigestSettings,
  period: Period,
  options: ComposeOptions = {},
): Promise<DigestMessages> {
  const locale = options.locale ?? settings.locale;
  const rows = await readPeriodRows(deps.db, settings.teamId, period);
  const data = composeDigest(rows, period, await cardLinkBuilder(deps, client), options.labelPeriod);
  const names = await memberNames(deps, client, settings.teamId, peopleNamed(data));
  return buildDigest(data, {
    t: messages(locale),
    locale,
    timezone: settings.schedule.timezone,
    currency: await workspaceCurrency(deps, settings.teamId),
    names,
    afterworks: await readAfterworkDigest(deps, settings.teamId, { from: period.start, to: period.end }),
    ...(options.preview ? { preview: true } : {}),
  });
}

/** The digest's own message, found by its metadata: proof it was posted even if the record was lost. */
function findDigestMessage(deps: Deps, client: WebClient, key: RunKey, since: Date): Promise<string | undefined> {
  return findMessageByMetadata(
    deps.clock,
    client,
    key.channelId,
    new Date(since.getTime() - 86_400_000),
    (m) => m.event_type === DIGEST_METADATA && m.event_payload?.run_key === key.runKey && m.event_payload?.team_id === key.teamId,
  );
}

export type PostOutcome =
  | { status: 'posted'; channel: string; ts: string }
  | { status: 'already_posted'; channel: string; ts: string | null }
  | { status: 'in_progress'; channel: string }
  | { status: 'no_channel' };

/**
 * Posts one digest run exactly once: claimed in the database first (so two replicas or a restart never
 * both post), then the channel is checked for the digest's own message (a crash may have come between
 * sending and recording), then it is sent without the client's automatic retries; 429s are waited out.
 * Its thread replies go through the outbox.
 */
export async function postDigestRun(
  deps: Deps,
  client: WebClient,
  settings: DigestSettings,
  period: Period,
  runKey: Date,
  labelPeriod?: Period,
): Promise<PostOutcome> {
  const channel = settings.channelId;
  if (!channel) return { status: 'no_channel' };
  const key: RunKey = { teamId: settings.teamId, job: DIGEST_JOB, channelId: channel, runKey: runKey.toISOString() };
  const claim = await claimRun(deps.db, key, deps.instanceId, deps.clock.now(), DIGEST_LEASE_MS);
  if (!claim.claimed) {
    return claim.existing.state === 'done'
      ? { status: 'already_posted', channel, ts: claim.existing.message_ts }
      : { status: 'in_progress', channel };
  }
  const log = { teamId: settings.teamId, channel, runKey: key.runKey };
  try {
    const existing = await findDigestMessage(deps, client, key, period.start);
    if (existing) {
      await finishRun(deps.db, key, deps.instanceId, existing, deps.clock.now());
      deps.logger.info('digest already in the channel: recorded, not posted again', { ...log, ts: existing });
      return { status: 'already_posted', channel, ts: existing };
    }
    const digest = await composeFor(deps, client, settings, period, labelPeriod ? { labelPeriod } : {});
    const wait = { maxWaits: 5, maxWaitSeconds: 60 };
    const res = await withRateLimit(
      deps.clock,
      () =>
        postContent(client, channel, digest.main, {
          metadata: { event_type: DIGEST_METADATA, event_payload: { team_id: settings.teamId, run_key: key.runKey } },
        }),
      wait,
    );
    const ts = res.ts as string;
    // The run is done and its thread replies queued in one transaction: a crash from here on neither
    // posts the digest again nor loses a reply (the outbox sends each once, looked for in the thread).
    await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      await finishRun(trx, key, deps.instanceId, ts, now);
      for (const [n, reply] of digest.thread.entries()) {
        await enqueuePost(
          trx,
          { teamId: settings.teamId, key: `digest:${channel}:${key.runKey}:${n + 1}`, channel, threadTs: ts, content: reply },
          now,
        );
      }
    });
    deps.outbox.kick();
    deps.logger.info('digest posted', { ...log, ts, threadReplies: digest.thread.length });
    return { status: 'posted', channel, ts };
  } catch (error) {
    await releaseRun(deps.db, key, deps.instanceId);
    throw error;
  }
}

/** The period a scheduled run at `fire` covers, and whether it is due now (not missed for too long). */
export function dueRun(settings: DigestSettings, now: Date): { fire: Date; period: Period } | undefined {
  const fire = previousFire(settings.schedule, now);
  if (now.getTime() - fire.getTime() > CATCH_UP_MS) return undefined;
  // Set up after that fire time: there is nothing to catch up on.
  if (settings.since && Date.parse(settings.since) > fire.getTime()) return undefined;
  return { fire, period: periodEndingAt(settings.schedule, fire) };
}

/**
 * What every tick does: for each workspace, post the latest scheduled digest if it has not been
 * posted. At the fire time that is this week's; after downtime, the one that was missed (once).
 */
export async function runDueDigests(deps: Deps, client: WebClient): Promise<PostOutcome[]> {
  const outcomes: PostOutcome[] = [];
  for (const ws of await listWorkspaces(deps.db)) {
    try {
      let settings = await digestSettings(deps, ws.team_id);
      // A schedule changed since the last tick (settings, or DIGEST_CRON/DIGEST_TIMEZONE and a restart)
      // starts from now: its fire times that already passed were not missed.
      const since = await noteSchedule(deps.db, ws, `${settings.schedule.cron}|${settings.schedule.timezone}`, deps.clock.now());
      if (!settings.since || since > settings.since) settings = { ...settings, since };
      const due = dueRun(settings, deps.clock.now());
      if (!due || !settings.channelId) continue;
      outcomes.push(await postDigestRun(deps, client, settings, due.period, due.fire));
    } catch (error) {
      deps.logger.error('digest run failed', { teamId: ws.team_id, error });
    }
  }
  return outcomes;
}

/**
 * The period a manual run covers: from the last fire time up to now, keyed by the next fire time. It is
 * named after the whole scheduled period it is part of (`scheduled`): this week's digest, so far.
 */
export function upcomingPeriod(schedule: Schedule, now: Date): { period: Period; key: Date; scheduled: Period } {
  const start = previousFire(schedule, now);
  const key = nextFire(schedule, now);
  return { period: { start, end: now }, key, scheduled: { start, end: key } };
}

/**
 * `digest --preview` (with its thread, as text) and `/terrain digest` (`preview`: a private message,
 * without a thread to point to): what the next scheduled run would post if it ran now.
 */
export async function previewDigest(
  deps: Deps,
  client: WebClient | undefined,
  teamId: string,
  options: { locale?: Locale; preview?: boolean } = {},
): Promise<DigestMessages> {
  const settings = await digestSettings(deps, teamId);
  const { period, scheduled } = upcomingPeriod(settings.schedule, deps.clock.now());
  return composeFor(deps, client, settings, period, { ...options, labelPeriod: scheduled });
}

/** `digest --post`: posts the upcoming period now, unless it was already posted. */
export async function postDigestNow(deps: Deps, client: WebClient, teamId: string): Promise<PostOutcome> {
  const settings = await digestSettings(deps, teamId);
  const { period, key, scheduled } = upcomingPeriod(settings.schedule, deps.clock.now());
  return postDigestRun(deps, client, settings, period, key, scheduled);
}
