import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Background } from './background.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

/** What every listener, command and job is built from; passed in, never imported as a singleton. */
export interface Deps {
  readonly db: Kysely<Database>;
  readonly config: Config;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly background: Background;
  /** Names this process in leases and claims, so that replicas can tell their work apart. */
  readonly instanceId: string;
}
