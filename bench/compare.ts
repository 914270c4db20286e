/**
 * Terrain beside a bare Bolt app, in one run, on this machine: the same signed HTTP requests on
 * 127.0.0.1, the same fake Web API that answers at once, rounds alternating between the two so that
 * both see the same machine. Prints a table (ratios to bare Bolt) and the figures as JSON.
 *
 *   npm run bench                    (SQLite in a temp folder)
 *   BENCH_DATABASE_URL=postgres://…  (PostgreSQL: a fresh database per round is created next to it)
 *   BENCH_ROUNDS=3 BENCH_SECONDS=5   (defaults)
 *   BENCH_PROFILE=<folder>           (a CPU profile of each app, per round)
 *
 * Both apps run as child processes (Terrain from dist/, built first), so CPU and memory are theirs
 * alone: CPU from /proc/<pid>/stat, peak RSS from VmHWM in /proc/<pid>/status.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { dialectOf, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { type FakeSlack, startFakeSlack } from '../test/support/fake-slack.js';
import { commandFields, eventCallback, reactionEvent, signature } from '../test/support/slack-requests.js';
import { freshDatabase } from './databases.js';
import { seedHistory } from './seed.js';

const SECRET = 'bench-signing-secret';
const CHANNEL = 'C0BENCH';
const TEAM = 'T0001';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = 16;
const STEADY_RATE = 100;
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/** Bare Bolt; Terrain on an empty database; Terrain on two years of history (HISTORY_ITEMS items). */
type AppName = 'bare' | 'terrain' | 'history';
const HISTORY_ITEMS = Number(process.env.BENCH_HISTORY_ITEMS ?? 100_000);
const HISTORY_VOTES = Number(process.env.BENCH_HISTORY_VOTES ?? 300_000);

interface Running {
  name: AppName;
  child: ChildProcess;
  url: string;
  databaseUrl: string | undefined;
  cleanup: () => Promise<void>;
}

export interface Figures {
  captureRps: number;
  captureCpuMs: number;
  captureApiCalls: number;
  steadyP50: number;
  steadyP99: number;
  votesEps: number;
  voteCpuMs: number;
  peakRssMb: number;
  votesAnswered: number;
  votesStored: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime, in clock ticks
}

function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await sleep(100);
  }
}

async function start(name: AppName, fake: FakeSlack, round: number): Promise<Running> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    PORT: String(port),
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'error',
  };
  let database: { url: string; drop: () => Promise<void> } | undefined;
  let args: string[];
  if (name !== 'bare') {
    database = await freshDatabase('terrain_bench', `${name}_${round}`);
    if (name === 'history') await seed(database.url);
    Object.assign(env, { SLACK_BOT_TOKEN: 'xoxb-bench', DATABASE_URL: database.url, TERRAIN_CHANNEL: CHANNEL });
    args = ['dist/src/main.js'];
  } else {
    args = ['bench/bare-bolt.mjs'];
  }
  // BENCH_PROFILE=<folder>: each app writes a V8 CPU profile there when it stops (open it in DevTools).
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`, `--cpu-prof-name=${name}-${round}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, [...profile, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForPort(port);
  return {
    name,
    child,
    url: `http://127.0.0.1:${port}/slack/events`,
    databaseUrl: database?.url,
    async cleanup() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      child.kill('SIGKILL');
      await database?.drop();
    },
  };
}

/** Two years of history in the database before Terrain starts, generated in bulk (bench/seed.ts). */
async function seed(url: string): Promise<void> {
  const db = openDatabase(url, { timeouts: 'batch' });
  try {
    await migrateToLatest(db);
    await seedHistory(db, { teamId: TEAM, channelId: CHANNEL, items: HISTORY_ITEMS, votes: HISTORY_VOTES, now: new Date() });
    // What autovacuum does after a bulk load on PostgreSQL; SQLite is left as Terrain leaves it.
    if (dialectOf(db) === 'postgres') await sql`vacuum analyze`.execute(db);
  } finally {
    await db.destroy();
  }
}

async function post(url: string, body: string, contentType: string): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature(SECRET, ts, body) },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

let seq = 0;
/** A word no other request uses: filings that look alike would have their card held back (look-alikes). */
const word = (n: number) => `k${n.toString(36)}q`;
function feedbackBody(fake: FakeSlack): string {
  const n = ++seq;
  const fields = commandFields({
    command: '/feedback',
    text: `${word(n)} ${word(n + 1e7)} ${word(n + 2e7)} on ${word(n + 3e7)} tablets`,
    user_id: `U0B${n % 50}`,
    response_url: fake.responseUrl(),
  });
  return new URLSearchParams(fields).toString();
}

/** Runs `send` from `clients` loops for `seconds`; returns the requests answered 200. */
async function saturate(seconds: number, clients: number, send: () => Promise<number>): Promise<{ ok: number; failed: number }> {
  const end = performance.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        if ((await send()) === 200) ok++;
        else failed++;
      }
    }),
  );
  return { ok, failed };
}

/** An open loop: one request every 1/rate s whatever the answers; latency from the scheduled time. */
async function steady(seconds: number, rate: number, send: () => Promise<number>): Promise<number[]> {
  const latencies: number[] = [];
  const t0 = performance.now() + 50;
  const jobs: Promise<void>[] = [];
  for (let i = 0; i < seconds * rate; i++) {
    const at = t0 + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 1) await sleep(wait);
    jobs.push(send().then(() => void latencies.push(performance.now() - at)));
  }
  await Promise.all(jobs);
  return latencies.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Waits until the app has stopped calling Slack (the outbox has sent what followed the requests). */
async function quiet(fake: FakeSlack): Promise<number> {
  let last = -1;
  for (;;) {
    const n = fake.calls.length;
    if (n === last) return n;
    last = n;
    await sleep(500);
  }
}

async function measure(app: Running, fake: FakeSlack): Promise<Figures> {
  const pid = app.child.pid!;
  const send = () => post(app.url, feedbackBody(fake), 'application/x-www-form-urlencoded');
  // Warm-up: JIT, connection pools, the first users' profiles.
  await saturate(1, CLIENTS, send);
  await quiet(fake);

  let calls0 = fake.calls.length;
  let cpu0 = cpuMs(pid);
  let t0 = performance.now();
  const capture = await saturate(SECONDS, CLIENTS, send);
  const captureSeconds = (performance.now() - t0) / 1000;
  const captureCalls = (await quiet(fake)) - calls0;
  const captureCpu = cpuMs(pid) - cpu0;

  const latencies = await steady(SECONDS, STEADY_RATE, send);
  await quiet(fake);

  // Votes on the cards the captures posted (bare Bolt posted none: any ts does for it). Not on the
  // digest that Terrain on a long history posts at start (a catch-up): reactions there are no votes.
  const cards = fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === CHANNEL && c.status === 200 && c.args.metadata?.event_type === 'terrain_item_card')
    .map((c) => (c.response as { ts: string }).ts);
  const targets = cards.length > 0 ? cards : ['1700000000.000100'];
  let v = 0;
  const vote = () => {
    const n = v++;
    const event = reactionEvent('reaction_added', { user: `UV${n}`, reaction: '+1', channel: CHANNEL, ts: targets[n % targets.length]! });
    return post(app.url, JSON.stringify(eventCallback(event)), 'application/json');
  };
  calls0 = fake.calls.length;
  cpu0 = cpuMs(pid);
  t0 = performance.now();
  const votes = await saturate(SECONDS, CLIENTS, vote);
  const voteSeconds = (performance.now() - t0) / 1000;
  const voteCpu = cpuMs(pid) - cpu0;

  let votesStored: number | null = null;
  if (app.databaseUrl) {
    const db = openDatabase(app.databaseUrl, { timeouts: 'batch' });
    const row = await db
      .selectFrom('vote_reactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('active', '=', 1)
      .where('user_id', 'like', 'UV%')
      .executeTakeFirstOrThrow();
    votesStored = Number(row.n);
    await db.destroy();
  }
  return {
    captureRps: capture.ok / captureSeconds,
    captureCpuMs: captureCpu / Math.max(1, capture.ok),
    captureApiCalls: captureCalls / Math.max(1, capture.ok),
    steadyP50: pct(latencies, 50),
    steadyP99: pct(latencies, 99),
    votesEps: votes.ok / voteSeconds,
    voteCpuMs: voteCpu / Math.max(1, votes.ok),
    peakRssMb: peakRssMb(pid),
    votesAnswered: votes.ok,
    votesStored,
  };
}

const fixed = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');

function table(rounds: Array<Record<AppName, Figures>>): string {
  const rows: Array<[string, (f: Figures) => number]> = [
    ['/feedback saturated (16 clients), req/s', (f) => f.captureRps],
    ['  app CPU per request, ms', (f) => f.captureCpuMs],
    ['  Web API calls per request', (f) => f.captureApiCalls],
    ['/feedback at 100/s, p50 ack, ms', (f) => f.steadyP50],
    ['/feedback at 100/s, p99 ack, ms', (f) => f.steadyP99],
    ['reaction_added saturated, events/s', (f) => f.votesEps],
    ['  app CPU per event, ms', (f) => f.voteCpuMs],
    ['peak RSS, MB', (f) => f.peakRssMb],
  ];
  const lines: string[] = [];
  const history = `Terrain ${Math.round(HISTORY_ITEMS / 1000)}k`;
  rounds.forEach((r, i) => {
    lines.push(`\nRound ${i + 1}`);
    lines.push(
      `${'measure'.padEnd(42)} ${'Terrain'.padStart(9)} ${'bare Bolt'.padStart(9)} ${'ratio'.padStart(7)}   ${history.padStart(12)} ${'vs empty'.padStart(8)}`,
    );
    for (const [label, get] of rows) {
      const t = get(r.terrain);
      const b = get(r.bare);
      const h = get(r.history);
      lines.push(
        `${label.padEnd(42)} ${fixed(t).padStart(9)} ${fixed(b).padStart(9)} ${`${fixed(t / b)}×`.padStart(7)}   ${fixed(h).padStart(12)} ${`${fixed(h / t)}×`.padStart(8)}`,
      );
    }
    for (const name of ['terrain', 'history'] as const)
      lines.push(
        `${name === 'terrain' ? 'Terrain' : history}: votes answered 200: ${r[name].votesAnswered}, stored: ${r[name].votesStored ?? 'n/a'}`,
      );
    lines.push(goals(r).join('\n'));
  });
  return lines.join('\n');
}

/** The issue's goals, as ratios in the same round. */
function goals(r: Record<AppName, Figures>): string[] {
  const t = r.terrain;
  const b = r.bare;
  const h = r.history;
  const check = (ok: boolean, text: string) => `  ${ok ? 'met   ' : 'MISSED'} ${text}`;
  return [
    'goals:',
    check(t.captureRps >= 0.25 * b.captureRps, `saturated capture ≥ 0.25× bare Bolt (${fixed(t.captureRps / b.captureRps)}×)`),
    check(t.steadyP99 <= b.steadyP99 + 2, `p99 at 100/s ≤ bare Bolt + 2 ms (+${fixed(t.steadyP99 - b.steadyP99)} ms)`),
    check(t.votesEps >= 0.7 * b.votesEps, `votes ≥ 0.7× bare Bolt (${fixed(t.votesEps / b.votesEps)}×)`),
    check(t.peakRssMb <= 1.5 * b.peakRssMb, `peak RSS ≤ 1.5× bare Bolt (${fixed(t.peakRssMb / b.peakRssMb)}×)`),
    check(h.captureRps >= 0.9 * t.captureRps, `capture with history within 10% of empty (${fixed(h.captureRps / t.captureRps)}×)`),
    check(h.votesEps >= 0.9 * t.votesEps, `votes with history within 10% of empty (${fixed(h.votesEps / t.votesEps)}×)`),
    check(t.votesStored === t.votesAnswered && h.votesStored === h.votesAnswered, 'every vote answered 200 is stored, once'),
  ];
}

async function measureOnce(name: AppName, round: number): Promise<Figures> {
  const fake = await startFakeSlack();
  const app = await start(name, fake, round);
  try {
    return await measure(app, fake);
  } finally {
    await app.cleanup();
    await fake.close();
  }
}

export async function compareWithBareBolt(): Promise<Array<Record<AppName, Figures>>> {
  if (!process.env.BENCH_NO_BUILD) execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  const rounds: Array<Record<AppName, Figures>> = [];
  // This process drives the load and serves the fake Web API: a first, unreported pass against bare Bolt
  // warms it up (its JIT), so that the first app measured is not slowed by a cold client.
  await measureOnce('bare', 0);
  for (let round = 1; round <= ROUNDS; round++) {
    const result = {} as Record<AppName, Figures>;
    // Alternate which goes first, so none always runs on a warmer machine.
    const order: AppName[] = round % 2 === 1 ? ['terrain', 'bare', 'history'] : ['history', 'bare', 'terrain'];
    for (const name of order) result[name] = await measureOnce(name, round);
    rounds.push(result);
  }
  console.log(table(rounds));
  console.log(
    `\n${JSON.stringify({ machine: { cores: (await import('node:os')).cpus().length, node: process.version }, rounds }, null, 2)}`,
  );
  return rounds;
}
