#!/usr/bin/env node
import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import { listAfterworksWithRsvps } from '../db/afterworks.js';
import { backupDatabase } from '../db/backup.js';
import { DatabaseNotFoundError, describeDatabase, openDatabase } from '../db/connection.js';
import { CopyRefusedError, copyData } from '../db/copy-data.js';
import { listItemsWithSupport } from '../db/customers.js';
import { migrateToLatest } from '../db/migrate.js';
import { getMessage, listOpen, retry } from '../db/outbox.js';
import type { Database } from '../db/schema.js';
import { listWorkspaces } from '../db/workspaces.js';
import { afterworksToCsv, afterworksToJson, toAfterworkExport } from './afterwork-export.js';
import { createBackground } from './background.js';
import { digestAsText } from './blocks/digest.js';
import { type Clock, systemClock } from './clock.js';
import { ConfigError, type Env, loadConfig, loadDatabaseConfig } from './config.js';
import type { Deps } from './deps.js';
import { postDigestNow, previewDigest } from './digest/service.js';
import { toCsv, toExportRows, toJson } from './export.js';
import { createLogger } from './logger.js';
import type { Dispatcher } from './outbox/dispatcher.js';
import { outboxTable } from './outbox/table.js';
import { createOutbox } from './services/outbox.js';

const USAGE = `Usage: terrain <command>

  export --format csv|json   print every item with its votes, customers and revenue at stake (stdout)
         [--what afterworks]  or every after-work with its answers (user, answer, side, answered at)
  migrate                    bring the database schema up to date
  backup FILE                write a consistent copy of the live database to FILE (a SQLite file)
  digest --preview           print the digest the next scheduled run would post (last fire time → now)
  digest --post              post that digest now, unless it was already posted for that period
                             (--team T… when the database serves several workspaces)
  outbox                     list the Slack messages waiting to be sent or refused (id, kind, attempts, error)
  outbox --retry ID          send that message again now (after fixing what Slack refused)
  copy-data --from <sqlite file> --to <postgres url> [--force]
                             copy every row to another database (refuses a target holding data
                             unless --force, which replaces it)

The database is DATABASE_URL (default ./data/terrain.sqlite).`;

/** The CLI's connections wait out a slow or briefly unavailable database instead of failing like a request. */
const BATCH = { poolSize: 2, timeouts: 'batch' } as const;

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
  /** The time the digest commands take as now (tests fix it). */
  clock?: Clock;
}

async function withDatabase<T>(env: Env, run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = openDatabase(loadDatabaseConfig(env).databaseUrl, BATCH);
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
        const { values } = parseArgs({
          args: [...rest],
          options: { format: { type: 'string', default: 'csv' }, what: { type: 'string', default: 'items' } },
        });
        const format = values.format;
        if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json, not "${format}".`, 2);
        if (values.what === 'afterworks') {
          const afterworks = toAfterworkExport(await withDatabase(io.env, (db) => listAfterworksWithRsvps(db)));
          io.out(format === 'csv' ? afterworksToCsv(afterworks) : afterworksToJson(afterworks));
          return 0;
        }
        if (values.what !== 'items') throw new CliError(`--what must be items or afterworks, not "${values.what}".`, 2);
        const rows = toExportRows(await withDatabase(io.env, (db) => listItemsWithSupport(db, undefined)));
        io.out(format === 'csv' ? toCsv(rows) : toJson(rows));
        return 0;
      }
      case 'migrate': {
        const db = openDatabase(loadDatabaseConfig(io.env).databaseUrl, BATCH);
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
      case 'digest': {
        const { values } = parseArgs({
          args: [...rest],
          options: { preview: { type: 'boolean', default: false }, post: { type: 'boolean', default: false }, team: { type: 'string' } },
        });
        if (values.preview === values.post) throw new CliError('Usage: terrain digest --preview | --post [--team T…]', 2);
        return await runDigest(io, { post: values.post, team: values.team });
      }
      case 'outbox': {
        const { values } = parseArgs({ args: [...rest], options: { retry: { type: 'string' } } });
        return await runOutbox(io, values.retry);
      }
      case 'copy-data': {
        const { values } = parseArgs({
          args: [...rest],
          options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean', default: false } },
        });
        if (!values.from || !values.to)
          throw new CliError('Usage: terrain copy-data --from <sqlite file> --to <postgres url> [--force]', 2);
        let from: Kysely<Database>;
        try {
          from = openDatabase(values.from, { ...BATCH, mustExist: true });
        } catch (error) {
          if (error instanceof DatabaseNotFoundError) throw new CliError(error.message, 2);
          throw error;
        }
        const to = openDatabase(values.to, BATCH);
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

/** What the commands that talk to Slack share: the bot's configuration, database and Web API client. */
function slackDeps(io: CliIo): { deps: Deps; client: WebClient; outbox: Dispatcher } {
  const config = loadConfig(io.env);
  const logger = createLogger({ level: 'warn', format: config.logFormat, write: io.err });
  const db = openDatabase(config.databaseUrl, BATCH);
  const client = new WebClient(config.botToken, {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const base = { db, config, clock: io.clock ?? systemClock, logger, instanceId: `cli-${randomUUID()}` };
  const outbox = createOutbox(base);
  return { deps: { ...base, background: createBackground(logger), outbox }, client, outbox };
}

/** `digest --preview|--post`: the same digest the scheduler builds, for the workspace in the database. */
async function runDigest(io: CliIo, options: { post: boolean; team: string | undefined }): Promise<number> {
  const { deps, client } = slackDeps(io);
  const { db } = deps;
  try {
    await migrateToLatest(db);
    const teamId = options.team ?? (await onlyTeam(db, client));
    if (!options.post) {
      io.out(digestAsText(await previewDigest(deps, client, teamId)));
      return 0;
    }
    const outcome = await postDigestNow(deps, client, teamId);
    switch (outcome.status) {
      case 'posted':
        io.out(`Posted the digest in ${outcome.channel} (ts ${outcome.ts}).\n`);
        return 0;
      case 'already_posted':
        io.out(`Already posted for this period in ${outcome.channel}${outcome.ts ? ` (ts ${outcome.ts})` : ''}: nothing posted.\n`);
        return 0;
      case 'in_progress':
        io.out(`Another Terrain process is posting this period's digest in ${outcome.channel} right now: nothing posted.\n`);
        return 0;
      case 'no_channel':
        throw new CliError('No shared channel: run /terrain setup in Slack, or set TERRAIN_CHANNEL.', 1);
    }
  } finally {
    await db.destroy();
  }
}

/** `outbox`: what is waiting to be sent or was refused; `outbox --retry ID`: one more attempt, now. */
async function runOutbox(io: CliIo, retryId: string | undefined): Promise<number> {
  if (retryId === undefined) {
    const rows = await withDatabase(io.env, (db) => listOpen(db));
    io.out(outboxTable(rows));
    return 0;
  }
  const id = Number(retryId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new CliError(`--retry takes a message id (a whole number), not "${retryId}".`, 2);
  const { deps, client, outbox } = slackDeps(io);
  try {
    await migrateToLatest(deps.db);
    const before = await getMessage(deps.db, id);
    if (!before) throw new CliError(`No outbox message ${id}.`, 1);
    if (before.state === 'sent') {
      io.out(`Message ${id} (${before.key}) was already sent at ${before.sent_at}: nothing to do.\n`);
      return 0;
    }
    await retry(deps.db, { id }, deps.clock.now());
    const after = await outbox.sendNow(id, client);
    if (after?.state === 'sent') {
      io.out(`Sent message ${id} (${after.key}).\n`);
      return 0;
    }
    if (after?.state === 'pending' && after.lease_owner !== null) {
      io.out(`Message ${id} (${after.key}) is being sent by a running Terrain right now.\n`);
      return 0;
    }
    io.out(
      `Message ${id} (${after?.key ?? before.key}) was not sent: ${after?.last_error ?? 'unknown error'}. ${after?.state === 'failed' ? 'Slack refused it; fix the cause, then retry.' : 'It will be tried again.'}\n`,
    );
    return 1;
  } finally {
    await outbox.stop();
    await deps.db.destroy();
  }
}

async function onlyTeam(db: Kysely<Database>, client: WebClient): Promise<string> {
  const teams = (await listWorkspaces(db)).map((w) => w.team_id);
  if (teams.length === 1) return teams[0]!;
  if (teams.length > 1)
    throw new CliError(`This database serves ${teams.length} workspaces (${teams.join(', ')}): choose one with --team.`, 2);
  const auth = await client.auth.test();
  if (!auth.team_id) throw new CliError('Slack did not say which workspace SLACK_BOT_TOKEN belongs to.', 1);
  return auth.team_id;
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
