import type { OutboxMessage } from '../../db/schema.js';

const COLUMNS = ['id', 'state', 'kind', 'key', 'attempts', 'next attempt', 'last error', 'team'] as const;

/** The outbox for an operator's terminal: one aligned row a message, oldest first. */
export function outboxTable(rows: readonly OutboxMessage[]): string {
  if (rows.length === 0) return 'Nothing waiting: every message was sent.\n';
  const cells = rows.map((m) => [
    String(m.id),
    m.state,
    m.kind,
    m.key,
    String(m.attempts),
    m.state === 'pending' ? m.next_attempt_at : '',
    m.last_error ?? '',
    m.team_id,
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) =>
    `${r
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()}\n`;
  const failed = rows.filter((m) => m.state === 'failed').length;
  const summary = `${rows.length - failed} pending, ${failed} refused by Slack (retry one with: terrain outbox --retry ID)\n`;
  return line(COLUMNS) + cells.map(line).join('') + summary;
}
