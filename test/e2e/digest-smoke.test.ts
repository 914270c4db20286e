import { expect, it } from 'vitest';
import { saveWorkspaceSettings } from '../../db/workspaces.js';
import { CHANNEL, SIGNING_SECRET, TEAM } from '../support/app.js';
import { manualClock } from '../support/clock.js';
import { describeDb, dialect } from '../support/database.js';
import { useE2E } from '../support/e2e.js';
import { reactionEvent, sendCommand, sendEvent } from '../support/slack-requests.js';

const opts = { secret: SIGNING_SECRET };

describeDb(`digest smoke (${dialect})`, () => {
  const e2e = useE2E({ start: false });

  it('posts the week at the fire time with its metadata', async () => {
    const clock = manualClock('2026-11-18T10:00:00Z');
    await saveWorkspaceSettings(e2e.db.db, TEAM, {}, new Date('2026-11-01T00:00:00Z'));
    const app = await e2e.start({ DIGEST_TIMEZONE: 'Europe/Paris' }, clock);
    await sendCommand(app.url, { command: '/feedback', text: 'competitor: Rival is cheaper', response_url: e2e.fake.responseUrl() }, opts);
    const card = await e2e.fake.waitFor('chat.postMessage');
    await app.drain();
    await sendEvent(
      app.url,
      reactionEvent('reaction_added', { user: 'U0MKT1', reaction: '+1', channel: CHANNEL, ts: (card.response as { ts: string }).ts }),
      opts,
    );
    clock.set('2026-11-23T08:00:00Z');
    e2e.fake.reset();
    await app.scheduler.tick();
    const posts = e2e.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.metadata).toMatchObject({ event_type: 'terrain_digest', event_payload: { run_key: '2026-11-23T08:00:00.000Z' } });
    const text = JSON.stringify(posts[0]!.args.blocks);
    expect(text).toContain('week 47');
    expect(text).toContain('Rival is cheaper');
    await app.scheduler.tick();
    expect(e2e.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
