import type { Deps } from '../deps.js';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from '../outbox/dispatcher.js';
import {
  AFTERWORK_CARD_KIND,
  AFTERWORK_CARD_UPDATE_KIND,
  AFTERWORK_DM_KIND,
  AFTERWORK_REMINDER_KIND,
  afterworkCardHandler,
  afterworkCardUpdateHandler,
  afterworkDmHandler,
  afterworkReminderHandler,
} from './afterworks.js';
import { CARD_KIND, CARD_UPDATE_KIND, CONFIRM_KIND, itemCardHandler, itemCardUpdateHandler, itemConfirmHandler } from './cards.js';
import { HOME_KIND, homeHandler } from './home.js';
import { MERGE_NOTICE_KIND, mergeNoticeHandler } from './merge.js';
import { POST_KIND, postHandler } from './posts.js';
import { NOTICE_KIND, noticeHandler } from './replies.js';
import { STATUS_UPDATE_KIND, statusUpdateHandler } from './triage.js';

/** The outbox's sender, with a handler for every kind of message Terrain queues. */
export function createOutbox(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'logger' | 'instanceId'>,
  options: Pick<DispatcherOptions, 'leaseMs' | 'pollMs' | 'concurrency'> = {},
): Dispatcher {
  return createDispatcher({
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    owner: deps.instanceId,
    handlers: {
      [CARD_KIND]: itemCardHandler(deps),
      [CONFIRM_KIND]: itemConfirmHandler(deps),
      [CARD_UPDATE_KIND]: itemCardUpdateHandler(deps),
      [NOTICE_KIND]: noticeHandler(deps),
      [POST_KIND]: postHandler(deps),
      [STATUS_UPDATE_KIND]: statusUpdateHandler(deps),
      [HOME_KIND]: homeHandler(deps),
      [MERGE_NOTICE_KIND]: mergeNoticeHandler(deps),
      [AFTERWORK_CARD_KIND]: afterworkCardHandler(deps),
      [AFTERWORK_CARD_UPDATE_KIND]: afterworkCardUpdateHandler(deps),
      [AFTERWORK_DM_KIND]: afterworkDmHandler(deps),
      [AFTERWORK_REMINDER_KIND]: afterworkReminderHandler(deps),
    },
    ...options,
  });
}
