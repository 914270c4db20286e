import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { available: true; adminUrl: string; template: string; prefix: string } | { available: false; reason: string };
  }
}

export const adminUrl = () => process.env.TERRAIN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Once per run: checks the PostgreSQL server, and builds a migrated template database from which each
 * test gets a fresh copy in milliseconds. Everything made here is dropped at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = adminUrl();
  const prefix = `terrain_test_${process.pid}_${Date.now().toString(36)}`;
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    const reason = `no PostgreSQL server reachable at ${new URL(url).host} (${(error as Error).message}): the PostgreSQL project's tests are skipped`;
    if (process.env.TERRAIN_REQUIRE_POSTGRES === '1') throw new Error(`TERRAIN_REQUIRE_POSTGRES=1 but ${reason}`);
    console.warn(`\n⚠ ${reason}. Start one or set TERRAIN_TEST_POSTGRES_URL.\n`);
    project.provide('postgres', { available: false, reason });
    return async () => {};
  }
  await admin.query(`create database ${template}`);
  const db = openDatabase(withDatabase(url, template));
  await migrateToLatest(db);
  await db.destroy();
  project.provide('postgres', { available: true, adminUrl: url, template, prefix });

  return async () => {
    const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${prefix}%`]);
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
