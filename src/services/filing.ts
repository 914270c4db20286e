import type { WebClient } from '@slack/web-api';
import type { ItemKind } from '../../db/schema.js';
import { getWorkspace } from '../../db/workspaces.js';
import { buildFiled } from '../blocks/filed.js';
import type { MessageContent } from '../blocks/kit.js';
import type { Deps } from '../deps.js';
import { checkText, NO_DETAILS, parseQuickFeedback, type TextCheck, type ValidItem } from '../domain/items.js';
import { urlOfTeamDomain } from '../domain/links.js';
import { isLocale, localeFromSlack, messages } from '../i18n/index.js';
import { storeItem } from './cards.js';
import { memberProfile } from './profile.js';
import { BEFORE_ACK_MS } from './roles.js';
import { findSimilar, SUGGESTION_GRACE_MS, suggestionFor } from './similar.js';

/** What quick text files: the text alone (a `kind:` prefix picks the feedback category). */
export function quickItem(kind: ItemKind, text: string): ValidItem {
  const parsed = kind === 'feedback' ? parseQuickFeedback(text) : { category: null, text: text.trim() };
  return { kind, category: parsed.category, text: parsed.text, ...NO_DETAILS };
}

export interface QuickFiling {
  kind: ItemKind;
  teamId: string;
  userId: string;
  text: string;
  responseUrl: string | undefined;
  teamDomain: unknown;
}

export type QuickFilingOutcome =
  /** Stored, its card queued: the acknowledgement carries this private answer. */
  | { stored: true; answer: MessageContent }
  /** Not stored: the text does not fit, or cards have nowhere to go yet. */
  | { stored: false; check: TextCheck; channelId: string | undefined };

/**
 * `/feedback <text>` and `/flag <text>`, before the acknowledgement: stored with its card queued, and the
 * private answer the acknowledgement carries, so the card is the only call to Slack that follows. The
 * answer is the "filed" confirmation (the card's channel, not its link: the card is not out yet), or, when
 * open items look alike, the suggestion to vote for one of them (the card then waits a little, and its
 * confirmation comes with its link once it is out). The workspace and the filer are read once each.
 */
export async function fileQuickText(deps: Deps, client: WebClient, req: QuickFiling): Promise<QuickFilingOutcome> {
  const values = quickItem(req.kind, req.text);
  const check = checkText(values.text);
  const workspace = await getWorkspace(deps.db, req.teamId);
  const channelId = workspace?.channel_id ?? deps.config.channelId;
  if (!check.ok || !channelId) return { stored: false, check, channelId };

  const similar = await findSimilar(deps, req.teamId, values);
  // The filer's language and side: cached for a day; a first-time filer's profile is read within BEFORE_ACK_MS.
  const member = await memberProfile(deps, client, req.teamId, req.userId, { deadlineMs: BEFORE_ACK_MS });
  const t = messages(localeFromSlack(member?.locale, isLocale(workspace?.locale) ? workspace.locale : deps.config.locale));
  const authorSide = member?.side ?? null;
  const suggest = similar.length > 0;
  const { item, created } = await storeItem(deps, {
    teamId: req.teamId,
    userId: req.userId,
    channelId,
    values,
    replyTo: req.responseUrl,
    authorSide,
    confirmedInAck: !suggest,
    cardDelayMs: suggest ? SUGGESTION_GRACE_MS : undefined,
  });
  const answer =
    suggest && created
      ? suggestionFor(t, item.id, similar, urlOfTeamDomain(req.teamDomain))
      : buildFiled(t, { kind: req.kind, channelId, askSide: authorSide === null });
  return { stored: true, answer };
}
