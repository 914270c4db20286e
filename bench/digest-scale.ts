/**
 * The same week's digest over a growing history: 10k, 100k and 1M historical votes on 10k and 100k
 * items spread over two years (bench/seed.ts, in bulk). For each, a fresh database is seeded, then the
 * digest of the week is built the way the scheduled run builds it (its rows, composed, its blocks),
 * without posting: a few warm-up runs, then the median of several. Prints a table and the figures as JSON.
 *
 *   npx tsx bench/digest-scale.ts                     (SQLite, a temp file per scale)
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/…   (PostgreSQL: a fresh database per scale next to it)
 *   BENCH_DIGEST_RUNS=15                              (measured runs per scale; default)
 *
 * `read` is the digest's rows (db/digest.ts), `build` composing and building the blocks from them,
 * `total` the whole of composeFor (rows, names, currency, after-works, blocks) as the scheduled run does it.
 */
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import { dialectOf, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { buildDigest } from '../src/blocks/digest.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { composeDigest } from '../src/digest/compose.js';
import { composeFor, readPeriodRows } from '../src/digest/service.js';
import { messages } from '../src/i18n/index.js';
import { silentLogger } from '../src/logger.js';
import { freshDatabase } from './databases.js';
import { seedHistory } from './seed.js';

const SCALES = [
  { name: '10k votes, 10k items', items: 10_000, votes: 10_000 },
  { name: '100k votes, 10k items', items: 10_000, votes: 100_000 },
  { name: '1M votes, 100k items', items: 100_000, votes: 1_000_000 },
];
const RUNS = Number(process.env.BENCH_DIGEST_RUNS ?? 15);
const WARM_UP = 3;
const TEAM = 'T0BENCH';
/** A Monday 09:00 UTC: the default schedule's fire time, the end of the week digested. */
const NOW = new Date('2026-11-23T09:00:00.000Z');

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export interface ScaleFigures {
  scale: string;
  items: number;
  reactions: number;
  seedMs: number;
  filed: number;
  votesCast: number;
  moved: number;
  blocks: number;
  readMs: number;
  buildMs: number;
  totalMs: number;
}

async function measure(db: Kysely<Database>, url: string, period: { start: Date; end: Date }) {
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench', DATABASE_URL: url });
  const deps = { db, config, clock: systemClock, logger: silentLogger };
  const settings = {
    teamId: TEAM,
    channelId: 'C0TERRAIN',
    schedule: { cron: '0 9 * * 1', timezone: 'UTC' },
    locale: 'en' as const,
    since: undefined,
  };
  const read: number[] = [];
  const build: number[] = [];
  const total: number[] = [];
  let shape = { filed: 0, votesCast: 0, moved: 0, blocks: 0 };
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const t0 = performance.now();
    const rows = await readPeriodRows(db, TEAM, period);
    const t1 = performance.now();
    const data = composeDigest(rows, period, () => 'https://acme.slack.com/archives/C0TERRAIN/p1');
    const digest = buildDigest(data, { t: messages('en'), locale: 'en', timezone: 'UTC', currency: 'USD' });
    const t2 = performance.now();
    await composeFor(deps, undefined, settings, period);
    const t3 = performance.now();
    if (run < WARM_UP) continue;
    read.push(t1 - t0);
    build.push(t2 - t1);
    total.push(t3 - t2);
    shape = {
      filed: rows.itemsFiled.length,
      votesCast: rows.votesCast.length,
      moved: rows.statusChanges.length,
      blocks: digest.main.blocks.length,
    };
  }
  return { readMs: median(read), buildMs: median(build), totalMs: median(total), ...shape };
}

export async function digestScale(): Promise<ScaleFigures[]> {
  const figures: ScaleFigures[] = [];
  const where = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
  console.log(`\nDigest over a growing history (${where}; median of ${RUNS} runs after ${WARM_UP} warm-ups)`);
  for (const [n, scale] of SCALES.entries()) {
    const database = await freshDatabase('terrain_digest', String(n));
    const db = openDatabase(database.url, { timeouts: 'batch' });
    try {
      await migrateToLatest(db);
      const seeded = await seedHistory(db, { teamId: TEAM, items: scale.items, votes: scale.votes, now: NOW });
      // What autovacuum has done long before a digest runs on two years of history: statistics for the
      // planner, and the visibility map that lets index-only scans skip the table.
      if (dialectOf(db) === 'postgres') await sql`vacuum analyze`.execute(db);
      const m = await measure(db, database.url, seeded.period);
      figures.push({ scale: scale.name, items: seeded.items, reactions: seeded.reactions, seedMs: seeded.ms, ...m });
      console.log(`  seeded ${scale.name}: ${seeded.items} items, ${seeded.reactions} reactions in ${(seeded.ms / 1000).toFixed(1)} s`);
    } finally {
      await db.destroy();
      await database.drop();
    }
  }
  const base = figures[0]!.totalMs;
  const cols = ['scale', 'items', 'reactions', 'filed', 'votes', 'moved', 'blocks', 'read ms', 'build ms', 'total ms', '× 10k'];
  const widths = [22, 7, 9, 6, 6, 6, 6, 8, 9, 9, 6];
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(cols));
  for (const f of figures) {
    console.log(
      line([
        f.scale,
        String(f.items),
        String(f.reactions),
        String(f.filed),
        String(f.votesCast),
        String(f.moved),
        String(f.blocks),
        f.readMs.toFixed(2),
        f.buildMs.toFixed(2),
        f.totalMs.toFixed(2),
        (f.totalMs / base).toFixed(2),
      ]),
    );
  }
  console.log(JSON.stringify({ bench: 'digest-scale', database: where, runs: RUNS, figures }));
  return figures;
}

await digestScale();
