import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL, SIGNING_SECRET } from '../support/app.js';
import { runCliCaptured } from '../support/cli.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import { reactionEvent, sendCommand, sendEvent } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };
const CONTRACT_COLUMNS = ['id', 'kind', 'status', 'created_at', 'author_id', 'text', 'votes'];
const BUILT_CLI = resolve(import.meta.dirname, '../../dist/src/cli.js');

/** RFC 4180: comma-separated fields, optionally quoted, `""` for a quote inside quotes, CRLF or LF rows. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < input.length) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`bare quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') endField();
    else if (c === '\r' && input[i + 1] === '\n') {
      endRow();
      i++;
    } else if (c === '\n') endRow();
    else field += c;
    i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** CSV text → one object per row, keyed by the header. */
function csvRecords(csv: string): { header: string[]; records: Array<Record<string, string>> } {
  const [header = [], ...rows] = parseCsv(csv);
  for (const r of rows) expect(r).toHaveLength(header.length);
  return { header, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
}

describe('parseCsv (the test’s own RFC 4180 reader)', () => {
  it('reads quotes, commas and newlines inside quoted fields', () => {
    expect(parseCsv('a,b\n"x, ""y""\nz",2\r\n,\n')).toEqual([
      ['a', 'b'],
      ['x, "y"\nz', '2'],
      ['', ''],
    ]);
  });
});

describeDb(`CLI against the running app's database (${dialect})`, () => {
  const e2e = useE2E();
  let tmp: string;

  const tricky = 'Prospect said: "too pricey, honestly",\nthen asked for a discount, a pilot\n\tand "SSO"';
  const flagText = 'The one-pager promises "instant" setup; customers need a week, at least';

  /** Runs the CLI in-process against the test database; collects what it prints. */
  const cli = (argv: string[], env: Record<string, string> = {}) => runCliCaptured(argv, { DATABASE_URL: e2e.db.url, ...env });

  beforeEach(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'terrain-cli-'));

    // Two items and one vote, filed the way users file them.
    await sendCommand(e2e.app.url, { command: '/feedback', text: tricky, response_url: e2e.fake.responseUrl() }, opts);
    await sendCommand(e2e.app.url, { command: '/flag', text: flagText, user_id: 'U0MKT1', response_url: e2e.fake.responseUrl() }, opts);
    await e2e.app.drain();
    const first = await e2e.db.db.selectFrom('items').selectAll().orderBy('id').executeTakeFirstOrThrow();
    expect(first.card_ts).not.toBeNull();
    const vote = await sendEvent(
      e2e.app.url,
      reactionEvent('reaction_added', { user: 'U0MKT2', reaction: '+1', channel: CHANNEL, ts: first.card_ts! }),
      opts,
    );
    expect(vote.status).toBe(200);
  });
  afterEach(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  const stored = () => e2e.db.db.selectFrom('items').selectAll().orderBy('id').execute();

  it('export --format csv prints only CSV: the contract header, one row per item, exact kinds and vote counts', async () => {
    const { code, out, err } = await cli(['export', '--format', 'csv']);
    expect(code, err).toBe(0);
    expect(out.startsWith('id,kind,status,created_at,author_id,text,votes')).toBe(true);
    const { header, records } = csvRecords(out);
    expect(header.slice(0, CONTRACT_COLUMNS.length)).toEqual(CONTRACT_COLUMNS);
    expect(new Set(header).size).toBe(header.length);
    const items = await stored();
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.id)).toEqual(items.map((i) => String(i.id)));
    expect(records.map((r) => r.kind)).toEqual(['feedback', 'flag']);
    expect(records.map((r) => r.votes)).toEqual(['1', '0']);
    expect(records.map((r) => r.status)).toEqual(['new', 'new']);
    expect(records.map((r) => r.author_id)).toEqual(['U0SALES1', 'U0MKT1']);
    expect(records.map((r) => r.created_at)).toEqual(items.map((i) => i.created_at));
    // Commas, quotes, newlines and tabs come back exactly as typed.
    expect(records[0]!.text).toBe(tricky);
    expect(records[1]!.text).toBe(flagText);
  });

  it('export --format json prints a JSON array with the same field names and values as the CSV', async () => {
    const json = await cli(['export', '--format', 'json']);
    expect(json.code, json.err).toBe(0);
    const parsed = JSON.parse(json.out) as Array<Record<string, unknown>>;
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ kind: 'feedback', text: tricky, votes: 1, status: 'new', author_id: 'U0SALES1' });
    expect(parsed[1]).toMatchObject({ kind: 'flag', text: flagText, votes: 0, author_id: 'U0MKT1' });
    const items = await stored();
    expect(parsed.map((r) => r.id)).toEqual(items.map((i) => i.id));

    const { header, records } = csvRecords((await cli(['export', '--format', 'csv'])).out);
    for (const [i, row] of parsed.entries()) {
      expect(Object.keys(row)).toEqual(header);
      for (const key of header) expect(row[key] === null ? '' : String(row[key]), `${key} of row ${i}`).toBe(records[i]![key]);
    }
  });

  it('export --format csv neutralises a text that a spreadsheet would run as a formula; JSON keeps it as typed', async () => {
    const formula = '=HYPERLINK("http://x")';
    await sendCommand(e2e.app.url, { command: '/flag', text: formula, response_url: e2e.fake.responseUrl() }, opts);
    expect((await stored()).map((i) => i.text)).toContain(formula);

    const csv = await cli(['export', '--format', 'csv']);
    expect(csv.code, csv.err).toBe(0);
    const { records } = csvRecords(csv.out);
    expect(records.map((r) => r.text)).toEqual([tricky, flagText, `'${formula}`]);
    expect(csv.out).toContain(`"'=HYPERLINK(""http://x"")"`);

    const json = await cli(['export', '--format', 'json']);
    expect((JSON.parse(json.out) as Array<{ text: string }>).map((r) => r.text)).toEqual([tricky, flagText, formula]);
  });

  it('export --format xml exits 2 with a clear message and prints nothing on stdout', async () => {
    const { code, out, err } = await cli(['export', '--format', 'xml']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('xml');
    expect(err).toMatch(/csv or json/);
  });

  // On both databases `backup` writes a SQLite file: VACUUM INTO on SQLite, a repeatable-read copy on PostgreSQL.
  it('backup FILE writes a SQLite copy of the items while the app keeps running, and never overwrites', async () => {
    const file = join(tmp, 'nested', 'terrain-backup.sqlite');
    // The bot keeps taking feedback while the backup is written.
    const [backup, during] = await Promise.all([
      cli(['backup', file]),
      sendCommand(e2e.app.url, { command: '/feedback', text: 'Filed during the backup', response_url: e2e.fake.responseUrl() }, opts),
    ]);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toBe('');
    expect(backup.err).toContain(file);
    expect(during.status).toBe(200);
    expect(existsSync(file)).toBe(true);

    const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    let copied: Array<{ id: number; kind: string; text: string }>;
    try {
      copied = copy.prepare('select id, kind, text from items order by id').all() as typeof copied;
      const votes = copy.prepare('select count(*) as n from vote_reactions where active = 1').get() as { n: number };
      expect(votes.n).toBe(1);
    } finally {
      copy.close();
    }
    // A consistent snapshot: the two items filed before, and the third one only if it was stored first.
    const live = await stored();
    expect(copied.slice(0, 2)).toEqual(live.slice(0, 2).map((i) => ({ id: i.id, kind: i.kind, text: i.text })));
    expect(copied.length === 2 || copied.length === 3).toBe(true);

    // The app is still up and storing.
    await sendCommand(e2e.app.url, { command: '/flag', text: 'Filed after the backup', response_url: e2e.fake.responseUrl() }, opts);
    expect((await stored()).map((i) => i.text)).toContain('Filed after the backup');

    // A second backup to the same path is refused and leaves the first untouched.
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const again = await cli(['backup', file]);
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/already exists/);
    expect(again.out).toBe('');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('migrate exits 0 on an up-to-date database, which keeps its items', async () => {
    const { code, out, err } = await cli(['migrate']);
    expect(code, err).toBe(0);
    expect(out).toBe('');
    expect(err).toMatch(/up to date/);
    expect(await stored()).toHaveLength(2);
  });

  // dist/ is what `npm run build` produces (and what the package's `bin` points to); without it there is
  // no binary to run, and the in-process tests above cover the same code.
  it.skipIf(!existsSync(BUILT_CLI))('the built binary exports the same JSON (needs `npm run build`)', () => {
    const stdout = execFileSync('node', [BUILT_CLI, 'export', '--format', 'json'], {
      env: { ...process.env, DATABASE_URL: e2e.db.url },
      encoding: 'utf8',
      timeout: 15_000,
    });
    const parsed = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(parsed.map((r) => [r.kind, r.text, r.votes])).toEqual([
      ['feedback', tricky, 1],
      ['flag', flagText, 0],
    ]);
  });
});
