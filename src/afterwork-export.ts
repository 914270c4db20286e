import { stringify } from 'csv-stringify/sync';
import type { AfterworkWithRsvps } from '../db/afterworks.js';
import { neutraliseFormula } from './export.js';

/** One CSV row per answer, the after-work's columns repeated: what a spreadsheet pivots on. */
export const AFTERWORK_CSV_COLUMNS = [
  'afterwork_id',
  'team_id',
  'title',
  'starts_at',
  'place',
  'capacity',
  'host_id',
  'state',
  'channel_id',
  'created_at',
  'user_id',
  'answer',
  'side',
  'answered_at',
] as const;

export type AfterworkCsvRow = Record<(typeof AFTERWORK_CSV_COLUMNS)[number], string | number | null>;

export interface AfterworkExport {
  id: number;
  team_id: string;
  title: string;
  starts_at: string;
  timezone: string;
  place: string | null;
  note: string | null;
  capacity: number | null;
  host_id: string;
  state: string;
  channel_id: string;
  message_ts: string | null;
  created_at: string;
  rsvps: { user_id: string; answer: string; side: string | null; answered_at: string }[];
}

/** Every after-work with its answers (user, going/maybe/no/waitlisted, side, answered at). */
export function toAfterworkExport(afterworks: readonly AfterworkWithRsvps[]): AfterworkExport[] {
  return afterworks.map(({ afterwork: a, rsvps }) => ({
    id: a.id,
    team_id: a.team_id,
    title: a.title,
    starts_at: a.starts_at,
    timezone: a.timezone,
    place: a.place,
    note: a.note,
    capacity: a.capacity,
    host_id: a.host_id,
    state: a.state,
    channel_id: a.channel_id,
    message_ts: a.message_ts,
    created_at: a.created_at,
    rsvps: rsvps.map((r) => ({ user_id: r.user_id, answer: r.answer, side: r.side, answered_at: r.answered_at })),
  }));
}

/** CSV for spreadsheets, every text cell neutralised against formulas like the items export. */
export function afterworksToCsv(afterworks: readonly AfterworkExport[]): string {
  const rows: AfterworkCsvRow[] = afterworks.flatMap((a): AfterworkCsvRow[] => {
    const base = {
      afterwork_id: a.id,
      team_id: a.team_id,
      title: a.title,
      starts_at: a.starts_at,
      place: a.place,
      capacity: a.capacity,
      host_id: a.host_id,
      state: a.state,
      channel_id: a.channel_id,
      created_at: a.created_at,
    };
    const none = { user_id: null, answer: null, side: null, answered_at: null };
    return a.rsvps.length === 0 ? [{ ...base, ...none }] : a.rsvps.map((r) => ({ ...base, ...r }));
  });
  return stringify(rows, {
    header: true,
    columns: [...AFTERWORK_CSV_COLUMNS],
    cast: { number: (n) => String(n), string: neutraliseFormula },
  });
}

export function afterworksToJson(afterworks: readonly AfterworkExport[]): string {
  return `${JSON.stringify(afterworks, null, 2)}\n`;
}
