/**
 * Benchmarks that print figures (never asserted): how fast Terrain stores what Slack sends, and how
 * long a large digest takes to build. `npm run bench` (SQLite in a temp folder; BENCH_DATABASE_URL to
 * point at PostgreSQL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/connection.js';
import { readDigestRows } from '../db/digest.js';
import { createItem } from '../db/items.js';
import { migrateToLatest } from '../db/migrate.js';
import { applyReaction } from '../db/votes.js';
import { buildDigest } from '../src/blocks/digest.js';
import { composeDigest } from '../src/digest/compose.js';
import { messages } from '../src/i18n/index.js';
import { itemInput } from '../test/support/fixtures.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 5000);
const VOTES = Number(process.env.BENCH_VOTES ?? 20000);

function report(name: string, count: number, ms: number): void {
  const perOp = (ms * 1000) / count;
  console.log(
    `${name.padEnd(34)} ${String(count).padStart(7)} ops  ${ms.toFixed(0).padStart(6)} ms  ${perOp.toFixed(1).padStart(8)} µs/op`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'terrain-bench-'));
const url = process.env.BENCH_DATABASE_URL ?? join(dir, 'bench.sqlite');
const db = openDatabase(url);
try {
  await migrateToLatest(db);
  const start = new Date('2026-11-16T08:00:00.000Z');
  const ids: number[] = [];

  let t0 = performance.now();
  for (let i = 0; i < ITEMS; i++) {
    const at = new Date(start.getTime() + i * 60_000);
    const { item } = await createItem(
      db,
      itemInput({
        kind: i % 5 === 0 ? 'flag' : 'feedback',
        category: i % 5 === 0 ? null : 'need',
        text: `Customers in segment ${i % 40} want offline mode and SSO, said on call ${i}`,
        revenue: i % 3 === 0 ? 1000 * i : null,
        competitor: i % 7 === 0 ? `Rival ${i % 4}` : null,
        author_id: `U${String(i % 50).padStart(4, '0')}`,
        client_key: `bench:${i}`,
      }),
      at,
    );
    ids.push(item.id);
  }
  report('store an item (before the ack)', ITEMS, performance.now() - t0);

  t0 = performance.now();
  for (let i = 0; i < VOTES; i++) {
    await applyReaction(db, {
      teamId: 'T0001',
      itemId: ids[(i * 7919) % ids.length]!,
      userId: `U${String(i % 300).padStart(4, '0')}`,
      reaction: i % 2 ? '+1' : 'fire',
      added: i % 10 !== 9,
      eventTs: `${1795000000 + i}.000100`,
      at: new Date(start.getTime() + i * 1000),
    });
  }
  report('apply a reaction (before the ack)', VOTES, performance.now() - t0);

  const period = { start, end: new Date(start.getTime() + ITEMS * 60_000) };
  t0 = performance.now();
  const rows = await readDigestRows(db, 'T0001', period, {
    waitingDays: 7,
    trendWeeks: 8,
    waitingLimit: 60,
  });
  const read = performance.now() - t0;
  t0 = performance.now();
  const digest = buildDigest(
    composeDigest(rows, period, () => 'https://acme.slack.com/archives/C0TERRAIN/p1'),
    { t: messages('en'), locale: 'en', timezone: 'Europe/Paris', currency: 'USD' },
  );
  const build = performance.now() - t0;
  report('read one digest period', 1, read);
  report('compose and build the digest', 1, build);
  console.log(
    `digest: ${rows.itemsFiled.length} items, ${rows.votesCast.length} votes → post ${digest.main.blocks.length} blocks, ` +
      `${digest.thread.length} thread replies; resident memory ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
