#!/usr/bin/env node
import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { backupDatabase } from '../db/backup.js';
import { describeDatabase, isPostgresUrl, openDatabase } from '../db/connection.js';
import { CopyRefusedError, copyData } from '../db/copy-data.js';
import { listItemsWithVotes } from '../db/items.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { ConfigError, type Env, loadDatabaseConfig } from './config.js';
import { toCsv, toExportRows, toJson } from './export.js';

const USAGE = `Usage: terrain <command>

  export --format csv|json   print every item with its vote count (stdout)
  migrate                    bring the database schema up to date
  backup FILE                write a consistent copy of the live database to FILE (a SQLite file)
  copy-data --from <sqlite file> --to <postgres url> [--force]
                             copy every row to another database (refuses a target holding data
                             unless --force, which replaces it)

The database is DATABASE_URL (default ./data/terrain.sqlite).`;

/** A failure the user can fix: printed as one line, exit code given. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Env;
}

async function withDatabase<T>(env: Env, run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = openDatabase(loadDatabaseConfig(env).databaseUrl, { poolSize: 2 });
  try {
    await migrateToLatest(db);
    return await run(db);
  } finally {
    await db.destroy();
  }
}

/** Runs one CLI command; returns the exit code. Output goes only through `io`, so tests read it. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'export': {
        const { values } = parseArgs({ args: [...rest], options: { format: { type: 'string', default: 'csv' } } });
        const format = values.format;
        if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json, not "${format}".`, 2);
        const rows = toExportRows(await withDatabase(io.env, (db) => listItemsWithVotes(db)));
        io.out(format === 'csv' ? toCsv(rows) : toJson(rows));
        return 0;
      }
      case 'migrate': {
        const db = openDatabase(loadDatabaseConfig(io.env).databaseUrl, { poolSize: 2 });
        const applied = await migrateToLatest(db).finally(() => db.destroy());
        io.err(applied.length === 0 ? 'The database schema is up to date.' : `Applied: ${applied.join(', ')}`);
        return 0;
      }
      case 'backup': {
        const { positionals } = parseArgs({ args: [...rest], allowPositionals: true });
        const file = positionals[0];
        if (!file || positionals.length > 1) throw new CliError('Usage: terrain backup FILE', 2);
        const target = await withDatabase(io.env, (db) => backupDatabase(db, file));
        io.err(`Backup written to ${target}`);
        return 0;
      }
      case 'copy-data': {
        const { values } = parseArgs({
          args: [...rest],
          options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean', default: false } },
        });
        if (!values.from || !values.to)
          throw new CliError('Usage: terrain copy-data --from <sqlite file> --to <postgres url> [--force]', 2);
        if (!isPostgresUrl(values.from) && !existsSync(values.from)) throw new CliError(`No SQLite database at ${values.from}.`, 2);
        const from = openDatabase(values.from, { poolSize: 2 });
        const to = openDatabase(values.to, { poolSize: 2 });
        try {
          const { rows } = await copyData(from, to, { force: values.force });
          const summary = Object.entries(rows)
            .map(([table, n]) => `${n} ${table}`)
            .join(', ');
          io.err(`Copied ${describeDatabase(values.from)} to ${describeDatabase(values.to)}: ${summary}.`);
          return 0;
        } catch (error) {
          if (error instanceof CopyRefusedError) throw new CliError(`Refused: ${error.message}`, 1);
          throw error;
        } finally {
          await Promise.all([from.destroy(), to.destroy()]);
        }
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.err(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`Unknown command "${command}".\n\n${USAGE}`, 2);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 1;
    }
    const e = error as Error & { code?: string };
    io.err(`terrain ${command}: ${e.message}`);
    return 1;
  }
}

function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

// Run when executed (npx terrain …), not when imported by tests.
if (isMain()) {
  void runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
