import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Background } from './background.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Outbox } from './outbox/dispatcher.js';

/** What every listener, command and job is built from; passed in, never imported as a singleton. */
export interface Deps {
  readonly db: Kysely<Database>;
  readonly config: Config;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Slack calls that follow no stored change (opening a modal, publishing Home): tracked, not durable. */
  readonly background: Background;
  /** Slack side effects of stored changes are queued in the database (see outbox/); this sends them now. */
  readonly outbox: Outbox;
  /** Names this process in leases and claims, so that replicas can tell their work apart. */
  readonly instanceId: string;
}
