import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';

/** Listed by hand, not globbed, so that tsx, vitest and dist/ all see the same migrations. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
