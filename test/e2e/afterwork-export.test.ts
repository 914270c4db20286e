import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAfterwork, saveRsvp } from '../../db/afterworks.js';
import { AFTERWORK_CSV_COLUMNS } from '../../src/afterwork-export.js';
import { runCliCaptured } from '../support/cli.js';
import { createTestDatabase, describeDb, dialect, type TestDatabase } from '../support/database.js';

const NOW = new Date('2026-11-20T08:30:00.000Z');

/** A small RFC 4180 reader: enough for quoted cells with commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describeDb(`export --what afterworks (${dialect})`, () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
    const base = { teamId: 'T0001', timezone: 'Europe/Paris', channelId: 'C0TERRAIN', note: null, clientKey: null };
    const { afterwork: first } = await createAfterwork(
      t.db,
      {
        ...base,
        hostId: 'U0SALES1',
        title: '=HYPERLINK("http://evil")',
        startsAt: new Date('2026-11-26T17:30:00.000Z'),
        place: 'Le Comptoir, "upstairs"',
        capacity: 2,
      },
      NOW,
    );
    const { afterwork: second } = await createAfterwork(
      t.db,
      { ...base, hostId: 'U0MKT1', title: 'Apéro', startsAt: new Date('2026-12-03T18:00:00.000Z'), place: null, capacity: null },
      NOW,
    );
    const answers = [
      [first.id, 'U0SALES1', 'going', 'sales'],
      [first.id, 'U0MKT1', 'going', 'marketing'],
      [first.id, 'U0MKT2', 'waitlisted', 'marketing'],
      [first.id, 'U0OPS', 'maybe', null],
      [first.id, 'U0SALES2', 'no', 'sales'],
      [second.id, 'U0MKT1', 'going', 'marketing'],
    ] as const;
    for (const [k, [afterworkId, userId, answer, side]] of answers.entries()) {
      const at = new Date(NOW.getTime() + k * 60_000);
      await saveRsvp(t.db, {
        teamId: 'T0001',
        afterworkId,
        userId,
        answer,
        side,
        answeredAt: at,
        waitlistedAt: answer === 'waitlisted' ? at : null,
      });
    }
  });
  afterEach(async () => {
    await t.drop();
  });

  const cli = (argv: string[]) => runCliCaptured(argv, { DATABASE_URL: t.url });

  it('CSV: one row per answer with the after-work alongside (user, answer, side, answered at), formulas neutralised', async () => {
    const { code, out, err } = await cli(['export', '--what', 'afterworks', '--format', 'csv']);
    expect(code, err).toBe(0);
    const [header, ...rows] = parseCsv(out);
    expect(header).toEqual([...AFTERWORK_CSV_COLUMNS]);
    const records = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    expect(records.map((r) => [r.afterwork_id, r.user_id, r.answer, r.side])).toEqual([
      ['1', 'U0SALES1', 'going', 'sales'],
      ['1', 'U0MKT1', 'going', 'marketing'],
      ['1', 'U0MKT2', 'waitlisted', 'marketing'],
      ['1', 'U0OPS', 'maybe', ''],
      ['1', 'U0SALES2', 'no', 'sales'],
      ['2', 'U0MKT1', 'going', 'marketing'],
    ]);
    expect(records[0]).toMatchObject({
      title: `'=HYPERLINK("http://evil")`,
      starts_at: '2026-11-26T17:30:00.000Z',
      place: 'Le Comptoir, "upstairs"',
      capacity: '2',
      host_id: 'U0SALES1',
      state: 'active',
      answered_at: '2026-11-20T08:30:00.000Z',
    });
    expect(records[5]).toMatchObject({ title: 'Apéro', place: '', capacity: '' });
  });

  it('JSON: every after-work with its answers nested, text as typed', async () => {
    const { code, out } = await cli(['export', '--what', 'afterworks', '--format', 'json']);
    expect(code).toBe(0);
    const data = JSON.parse(out) as Array<Record<string, any>>;
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({ id: 1, title: '=HYPERLINK("http://evil")', capacity: 2, timezone: 'Europe/Paris' });
    expect(data[0]!.rsvps).toEqual([
      { user_id: 'U0SALES1', answer: 'going', side: 'sales', answered_at: '2026-11-20T08:30:00.000Z' },
      { user_id: 'U0MKT1', answer: 'going', side: 'marketing', answered_at: '2026-11-20T08:31:00.000Z' },
      { user_id: 'U0MKT2', answer: 'waitlisted', side: 'marketing', answered_at: '2026-11-20T08:32:00.000Z' },
      { user_id: 'U0OPS', answer: 'maybe', side: null, answered_at: '2026-11-20T08:33:00.000Z' },
      { user_id: 'U0SALES2', answer: 'no', side: 'sales', answered_at: '2026-11-20T08:34:00.000Z' },
    ]);
    expect(data[1]!.rsvps).toHaveLength(1);
  });

  it('an unknown --what exits 2 and prints nothing on stdout', async () => {
    const { code, out, err } = await cli(['export', '--what', 'pairs', '--format', 'csv']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--what must be items or afterworks');
  });
});
