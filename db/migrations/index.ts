import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_schedule_since.js';
import * as m0003 from './0003_outbox.js';
import * as m0004 from './0004_roles.js';
import * as m0005 from './0005_closing_the_loop.js';
import * as m0007 from './0007_search.js';
import * as m0008 from './0008_dashboard.js';
import * as m0009 from './0009_afterworks.js';
import * as m0010 from './0010_card_lookup.js';
import * as m0011 from './0011_digest_history.js';
import * as m0012 from './0012_search_table.js';

/** Listed by hand, not globbed, so that tsx, vitest and dist/ all see the same migrations. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': m0001,
  '0002_schedule_since': m0002,
  '0003_outbox': m0003,
  '0004_roles': m0004,
  '0005_closing_the_loop': m0005,
  '0007_search': m0007,
  '0008_dashboard': m0008,
  // 0006 is not used (the triage change needed no migration of its own); migrations run in name order.
  '0009_afterworks': m0009,
  '0010_card_lookup': m0010,
  '0011_digest_history': m0011,
  '0012_search_table': m0012,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
